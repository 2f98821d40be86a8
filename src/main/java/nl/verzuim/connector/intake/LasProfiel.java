package nl.verzuim.connector.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import nl.verzuim.connector.rules.Afwezigheidscode;

/**
 * How one LAS lays out its verzuimregistraties CSV (las-input.md §2): the separator, the column names, the date
 * and time formats, the encoding, and its own codes mapped onto the meanings the rules know. A new LAS layout is
 * a new profile, not new code.
 *
 * @param kolommen maps each field ({@code leerling_id, datum, begintijd, eindtijd, minuten, code, omschrijving})
 *                 to the LAS's column name; the first three that the rules need are required
 * @param codes    the LAS's codes (compared without regard to case) and their meaning
 */
public record LasProfiel(String naam, char scheidingsteken, Map<String, String> kolommen, String datumformaat,
                         String tijdformaat, Charset codering, Map<String, Afwezigheidscode> codes) {

    public static final String LEERLING_ID = "leerling_id";
    public static final String DATUM = "datum";
    public static final String BEGINTIJD = "begintijd";
    public static final String EINDTIJD = "eindtijd";
    public static final String MINUTEN = "minuten";
    public static final String CODE = "code";
    public static final String OMSCHRIJVING = "omschrijving";

    public LasProfiel {
        Objects.requireNonNull(naam);
        kolommen = Map.copyOf(kolommen);
        codes = Map.copyOf(codes);
        for (String verplicht : new String[] {LEERLING_ID, DATUM, CODE}) {
            if (!kolommen.containsKey(verplicht)) {
                throw new IllegalArgumentException("profiel " + naam + ": kolom voor '" + verplicht + "' ontbreekt");
            }
        }
    }

    /** The layout of las-input.md §2, shipped with the connector. */
    public static final LasProfiel STANDAARD = new LasProfiel("standaard", ';',
            Map.of(LEERLING_ID, "leerling_id", DATUM, "datum", BEGINTIJD, "begintijd", EINDTIJD, "eindtijd",
                    MINUTEN, "minuten", CODE, "code", OMSCHRIJVING, "omschrijving"),
            "yyyy-MM-dd", "HH:mm", StandardCharsets.UTF_8,
            Map.of("ONG", Afwezigheidscode.ONG, "TL", Afwezigheidscode.TL, "LUX", Afwezigheidscode.LUX,
                    "ZK", Afwezigheidscode.ZK, "MED", Afwezigheidscode.MED, "VRL", Afwezigheidscode.VRL,
                    "SCH", Afwezigheidscode.SCH, "REL", Afwezigheidscode.REL, "UIT", Afwezigheidscode.UIT));

    public DateTimeFormatter datumFormatter() {
        return DateTimeFormatter.ofPattern(datumformaat, Locale.ROOT);
    }

    public DateTimeFormatter tijdFormatter() {
        return DateTimeFormatter.ofPattern(tijdformaat, Locale.ROOT);
    }

    public Afwezigheidscode betekenis(String lasCode) {
        Afwezigheidscode code = codes.get(lasCode);
        if (code == null) {
            code = codes.get(lasCode.toUpperCase(Locale.ROOT));
        }
        return code;
    }
}
