package nl.verzuim.connector.rules;

import java.time.LocalDate;

/**
 * What the rules need to know of a pupil: nothing more. Names, BSN and addresses stay out of the rules.
 *
 * @param leerlingId        the pupil's key in the LAS
 * @param geboortedatum     null when no export gave it; then no DUO decision can be made
 * @param startkwalificatie true only when the data says the pupil has one (domain §3: taken as false otherwise)
 */
public record Leerling(String leerlingId, LocalDate geboortedatum, boolean startkwalificatie) {
}
