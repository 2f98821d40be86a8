package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One absence registration of a pupil, as the LAS exported it and a profile mapped it.
 *
 * @param datum      the day
 * @param begintijd  optional start time; part of the registration's identity
 * @param eindtijd   optional end time
 * @param minuten    optional absent minutes; when absent, computed from begin/eind or the whole school day
 * @param code       the meaning
 * @param omschrijving optional free text from the LAS (may hold personal details: never logged)
 * @param registratieId optional: the LAS's own id of the registration (las-input.md §2); when present it, not
 *                     (datum, begintijd, code), is the registration's identity
 */
public record Registratie(LocalDate datum, LocalTime begintijd, LocalTime eindtijd, Integer minuten,
                          Afwezigheidscode code, String omschrijving, String registratieId) {

    public Registratie {
        Objects.requireNonNull(datum, "datum");
        Objects.requireNonNull(code, "code");
        if (minuten != null && minuten < 0) {
            throw new IllegalArgumentException("minuten < 0");
        }
        if (registratieId != null && registratieId.isEmpty()) {
            registratieId = null;
        }
    }

    /** A registration without the LAS's own id: identified by (datum, begintijd, code). */
    public Registratie(LocalDate datum, LocalTime begintijd, LocalTime eindtijd, Integer minuten,
                       Afwezigheidscode code, String omschrijving) {
        this(datum, begintijd, eindtijd, minuten, code, omschrijving, null);
    }

    /** A whole-day registration without times or minutes. */
    public static Registratie heleDag(LocalDate datum, Afwezigheidscode code) {
        return new Registratie(datum, null, null, null, code, null);
    }

    /** A registration of a number of minutes without times. */
    public static Registratie minuten(LocalDate datum, int minuten, Afwezigheidscode code) {
        return new Registratie(datum, null, null, minuten, code, null);
    }

    /**
     * The natural key of a registration (domain §3): a later one without registratie_id with the same key replaces
     * the earlier. A registration with a {@link #registratieId} is identified by that id instead.
     */
    public Sleutel sleutel() {
        return new Sleutel(datum, begintijd, code);
    }

    /**
     * Minutes of this registration: its {@code minuten}; else eindtijd − begintijd; else the whole school
     * day. Taken as given, not capped at the day's lesminuten.
     */
    public int minutenOp(int lesminutenVanDeDag) {
        if (minuten != null) {
            return minuten;
        }
        if (begintijd != null && eindtijd != null) {
            int seconden = eindtijd.toSecondOfDay() - begintijd.toSecondOfDay();
            if (seconden > 0) {
                return seconden / 60;
            }
        }
        return lesminutenVanDeDag;
    }

    public record Sleutel(LocalDate datum, LocalTime begintijd, Afwezigheidscode code) {
    }

    /** Without the omschrijving: the LAS's free text may name the pupil or a family situation. */
    @Override
    public String toString() {
        return "Registratie[" + datum + (begintijd == null ? "" : " " + begintijd) + " " + code
                + (minuten == null ? "" : " " + minuten + " min") + (registratieId == null ? "" : " id " + registratieId)
                + "]";
    }
}
