package nl.verzuim.connector.melding;

import java.util.List;

import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.school.School;

/**
 * What a receiver needs to get a melding: the melding, its school (with the school's calendar), the pupil's data and
 * registrations as stored. Read by {@link Afleverdossiers}, for DUO and OT alike.
 */
public record Afleverdossier(Melding melding, School school, LeerlingGegevens leerling,
                             List<Registratie> registraties) {
}
