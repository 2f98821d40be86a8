package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Testschool.d;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the tables of "an export speaks for its period" (domain §3): registraties files in the order they are
 * read — each with its profile's {@code vervangt} and its accepted lines — and what a person following the reference
 * expects to be held afterwards, as short strings ({@link #kort}), and optionally the DUO decisions for a pupil then.
 *
 * <p>Public, with plain data, so that the inbox's database side can be run against the same cases: feed each
 * {@link Bestand} in turn and compare what is held with {@link #gehouden}.
 */
public final class Exportgeval {

    /** One accepted line: school code (BRIN + vestiging), the pupil's LAS key, the registration. */
    public record Regel(String school, String leerlingId, Registratie registratie) {
    }

    /** One file: its profile's {@code vervangt} and its lines in file order. */
    public record Bestand(Vervangt vervangt, List<Regel> regels) {
    }

    public final String naam;
    public final List<Bestand> bestanden = new ArrayList<>();
    public List<String> gehouden = List.of();
    /** Per pupil ("school/leerling"): the expected DUO decisions as of {@link #peildatum}, short as in {@link Geval}. */
    final Map<String, List<String>> duo = new LinkedHashMap<>();
    LocalDate peildatum;

    private Exportgeval(String naam) {
        this.naam = naam;
    }

    public static Exportgeval geval(String naam) {
        return new Exportgeval(naam);
    }

    /** A new file under {@code vervangt: school}, the default. */
    Exportgeval bestand() {
        return bestand(Vervangt.SCHOOL);
    }

    Exportgeval bestand(Vervangt vervangt) {
        bestanden.add(new Bestand(vervangt, new ArrayList<>()));
        return this;
    }

    /** A whole-day line (no times, no minutes). */
    Exportgeval heleDag(String school, String leerling, Afwezigheidscode code, String... data) {
        for (String datum : data) {
            regel(school, leerling, new Registratie(d(datum), null, null, null, code, null, null));
        }
        return this;
    }

    /** A line with minutes and no times. */
    Exportgeval minuten(String school, String leerling, Afwezigheidscode code, String datum, int minuten) {
        return regel(school, leerling, new Registratie(d(datum), null, null, minuten, code, null, null));
    }

    /** A line with a begintijd and minutes. */
    Exportgeval vanaf(String school, String leerling, Afwezigheidscode code, String datum, String begintijd,
                      int minuten) {
        return regel(school, leerling, new Registratie(d(datum), LocalTime.parse(begintijd), null, minuten, code, null,
                null));
    }

    /** A whole-day line carrying the LAS's registratie_id. */
    Exportgeval metId(String id, String school, String leerling, Afwezigheidscode code, String datum) {
        return regel(school, leerling, new Registratie(d(datum), null, null, null, code, null, id));
    }

    /** A line of minutes carrying the LAS's registratie_id. */
    Exportgeval metId(String id, String school, String leerling, Afwezigheidscode code, String datum, int minuten) {
        return regel(school, leerling, new Registratie(d(datum), null, null, minuten, code, null, id));
    }

    private Exportgeval regel(String school, String leerling, Registratie registratie) {
        bestanden.get(bestanden.size() - 1).regels().add(new Regel(school, leerling, registratie));
        return this;
    }

    /** Everything expected to be held afterwards, in any order. */
    Exportgeval gehouden(String... registraties) {
        gehouden = List.of(registraties);
        return this;
    }

    /** The DUO decisions expected for one pupil ("school/leerling") on the held registrations as of the peildatum. */
    Exportgeval duo(String leerling, String peildatum, String... beslissingen) {
        this.peildatum = d(peildatum);
        duo.put(leerling, List.of(beslissingen));
        return this;
    }

    /** "school/leerling datum[ begintijd] code[ minuten min][ #id]": what identifies and counts. */
    public static String kort(String school, String leerlingId, Registratie r) {
        return school + "/" + leerlingId + " " + r.datum() + (r.begintijd() == null ? "" : " " + r.begintijd()) + " "
                + r.code() + (r.minuten() == null ? "" : " " + r.minuten() + " min")
                + (r.registratieId() == null ? "" : " #" + r.registratieId());
    }

    @Override
    public String toString() {
        return naam;
    }
}
