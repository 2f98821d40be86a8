package nl.verzuim.connector.school;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Vervangt;

/**
 * How one LAS lays out its verzuimregistraties CSV (las-input.md §2): the separator, the column names, the date
 * and time formats, the encoding, and its own codes mapped onto the meanings the rules know. A new LAS layout is
 * a new profile in a YAML file ({@link nl.verzuim.connector.school.LasProfielLezer}), not new code; the profiles a
 * connector knows are {@link nl.verzuim.connector.school.LasProfielen}.
 *
 * @param kolommen maps each field ({@link #VELDEN}) to the LAS's column name; {@code leerling_id}, {@code datum} and
 *                 {@code code} are required
 * @param codes    the LAS's codes (compared without regard to case) and their meaning
 * @param vervangt what a file read with this profile replaces of what was held before (las-input.md §2)
 */
public record LasProfiel(String naam, char scheidingsteken, Map<String, String> kolommen, String datumformaat,
                         String tijdformaat, Charset codering, Map<String, Afwezigheidscode> codes,
                         Vervangt vervangt) {

    public static final String LEERLING_ID = "leerling_id";
    public static final String DATUM = "datum";
    public static final String BEGINTIJD = "begintijd";
    public static final String EINDTIJD = "eindtijd";
    public static final String MINUTEN = "minuten";
    public static final String CODE = "code";
    public static final String OMSCHRIJVING = "omschrijving";
    public static final String REGISTRATIE_ID = "registratie_id";

    /** Every field a profile can map, in the order of the {@code standaard} layout. */
    public static final List<String> VELDEN = List.of(LEERLING_ID, DATUM, BEGINTIJD, EINDTIJD, MINUTEN, CODE,
            OMSCHRIJVING, REGISTRATIE_ID);
    /** The fields without which a line means nothing to the rules. */
    public static final List<String> VERPLICHT = List.of(LEERLING_ID, DATUM, CODE);

    /** The layout of las-input.md §2, shipped with the connector (the example layouts are in the jar's YAML). */
    public static final LasProfiel STANDAARD = new LasProfiel("standaard", ';',
            Map.of(LEERLING_ID, "leerling_id", DATUM, "datum", BEGINTIJD, "begintijd", EINDTIJD, "eindtijd",
                    MINUTEN, "minuten", CODE, "code", OMSCHRIJVING, "omschrijving", REGISTRATIE_ID, "registratie_id"),
            "yyyy-MM-dd", "HH:mm", StandardCharsets.UTF_8,
            Map.of("ONG", Afwezigheidscode.ONG, "TL", Afwezigheidscode.TL, "LUX", Afwezigheidscode.LUX,
                    "ZK", Afwezigheidscode.ZK, "MED", Afwezigheidscode.MED, "VRL", Afwezigheidscode.VRL,
                    "SCH", Afwezigheidscode.SCH, "REL", Afwezigheidscode.REL, "UIT", Afwezigheidscode.UIT),
            Vervangt.SCHOOL);

    public LasProfiel {
        Objects.requireNonNull(naam, "naam");
        Objects.requireNonNull(codering, "codering");
        kolommen = Map.copyOf(kolommen);
        vervangt = vervangt == null ? Vervangt.SCHOOL : vervangt;
        if (vervangt == Vervangt.NIETS && !kolommen.containsKey(REGISTRATIE_ID)) {
            // a file of changes only is matched to what is held by the LAS's own id (las-input.md §2)
            throw new IllegalArgumentException("profiel " + naam + ": vervangt: niets vraagt een kolom voor '"
                    + REGISTRATIE_ID + "'");
        }
        for (String verplicht : VERPLICHT) {
            if (!kolommen.containsKey(verplicht)) {
                throw new IllegalArgumentException("profiel " + naam + ": kolom voor '" + verplicht + "' ontbreekt");
            }
        }
        for (String veld : kolommen.keySet()) {
            if (!VELDEN.contains(veld)) {
                throw new IllegalArgumentException("profiel " + naam + ": onbekend veld '" + veld + "'");
            }
        }
        if (scheidingsteken == '"' || scheidingsteken == '\n' || scheidingsteken == '\r') {
            throw new IllegalArgumentException("profiel " + naam + ": scheidingsteken kan geen aanhalingsteken of"
                    + " regelovergang zijn");
        }
        Map<String, Afwezigheidscode> genormaliseerd = new LinkedHashMap<>();
        for (Map.Entry<String, Afwezigheidscode> code : codes.entrySet()) {
            String sleutel = normaliseer(code.getKey());
            if (sleutel.isEmpty()) {
                throw new IllegalArgumentException("profiel " + naam + ": een lege code");
            }
            if (genormaliseerd.put(sleutel, Objects.requireNonNull(code.getValue())) != null) {
                throw new IllegalArgumentException("profiel " + naam + ": code '" + code.getKey()
                        + "' staat er twee keer in (hoofdletters tellen niet)");
            }
        }
        codes = Map.copyOf(genormaliseerd);
        datumFormatter(datumformaat);
        tijdFormatter(tijdformaat);
    }

    /** A profile that replaces per school ({@link Vervangt#SCHOOL}, the default). */
    public LasProfiel(String naam, char scheidingsteken, Map<String, String> kolommen, String datumformaat,
                      String tijdformaat, Charset codering, Map<String, Afwezigheidscode> codes) {
        this(naam, scheidingsteken, kolommen, datumformaat, tijdformaat, codering, codes, Vervangt.SCHOOL);
    }

    /** The meaning of a LAS code, or null when the profile does not know it (then the line is an error). */
    public Afwezigheidscode betekenis(String lasCode) {
        Afwezigheidscode zoals = lasCode == null ? null : codes.get(lasCode); // the usual case, without a copy
        return zoals != null ? zoals : codes.get(normaliseer(lasCode));
    }

    /** Strict: 30-02-2026 is an error, not silently 28 February. */
    public DateTimeFormatter datumFormatter() {
        return datumFormatter(datumformaat);
    }

    public DateTimeFormatter tijdFormatter() {
        return tijdFormatter(tijdformaat);
    }

    /** The column name for a field, or null when this layout does not have it. */
    public String kolom(String veld) {
        return kolommen.get(veld);
    }

    /** A strict formatter for a profile's date pattern; IllegalArgumentException names what is missing. */
    public static DateTimeFormatter datumFormatter(String patroon) {
        if (patroon == null || patroon.indexOf('d') < 0 || patroon.indexOf('M') < 0
                || patroon.indexOf('y') < 0 && patroon.indexOf('u') < 0) {
            throw new IllegalArgumentException("datumformaat '" + patroon + "' moet dag (d), maand (M) en jaar (yyyy)"
                    + " bevatten, bijvoorbeeld yyyy-MM-dd of dd-MM-yyyy");
        }
        // 'y' is year-of-era, which STRICT resolving cannot use without an era; 'u' is the plain year.
        return DateTimeFormatter.ofPattern(patroon.replace('y', 'u'), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** A strict formatter for a profile's time pattern; IllegalArgumentException names what is missing. */
    public static DateTimeFormatter tijdFormatter(String patroon) {
        if (patroon == null || patroon.indexOf('H') < 0 || patroon.indexOf('m') < 0) {
            throw new IllegalArgumentException("tijdformaat '" + patroon + "' moet uren (H) en minuten (m) bevatten,"
                    + " bijvoorbeeld HH:mm");
        }
        return DateTimeFormatter.ofPattern(patroon, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static String normaliseer(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "LasProfiel[" + naam + "]";
    }
}
