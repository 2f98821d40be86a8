package nl.verzuim.connector.leerling;

import java.time.LocalDate;
import java.util.List;

/**
 * Who a pupil is, as one LAS export describes them: school, LAS key, identification, NAW and verzorgers.
 * Personal data: {@link #toString()} names only the school and the LAS key, so that a log line or exception
 * message that mentions a pupil never carries a BSN, name, address or birth date.
 *
 * @param bron where it came from; an EDEXML export has no street address, only {@code postcodeNl}
 */
public record LeerlingGegevens(String brin, String vestiging, String leerlingId, Bron bron,
                               String bsn, String onderwijsnummer,
                               String voornamen, String voorletters, String voorvoegsel, String achternaam,
                               String roepnaam, LocalDate geboortedatum, Geslacht geslacht,
                               Adres adres, String postcodeNl, String groepOfLeerjaar,
                               LocalDate datumUitschrijving, List<Verzorger> verzorgers) {

    /** Longer LAS keys do not fit the database (leerling.leerling_id): every reader refuses them. */
    public static final int MAX_LEERLING_ID = Veldlengtes.LEERLING_ID;


    public enum Bron { OSO, EDEXML }

    public LeerlingGegevens {
        verzorgers = verzorgers == null ? List.of() : List.copyOf(verzorgers);
    }

    public String schoolcode() {
        return brin + vestiging;
    }

    @Override
    public String toString() {
        return "Leerling[" + brin + vestiging + "/" + leerlingId + "]";
    }
}
