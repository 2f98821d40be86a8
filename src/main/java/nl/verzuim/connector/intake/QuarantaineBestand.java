package nl.verzuim.connector.intake;

import java.time.Instant;

/** A file the intake rejected in whole or in part; {@code pad} and {@code rapportPad} are on this machine. */
public record QuarantaineBestand(long id, String bestand, String pad, String rapportPad, String samenvatting,
                                 int aantalFouten, int aantalGeaccepteerd, Instant tijdstip) {
}
