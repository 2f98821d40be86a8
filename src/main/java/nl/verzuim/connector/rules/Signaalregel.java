package nl.verzuim.connector.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One signal rule of a school's own attendance policy (its aanwezigheidsbeleid; seed 002 is an example): what it
 * counts, in which window, and at which steps it signals. The school configures its rules (the schools file's
 * {@code signalen:} list, one entry per rule, keys as named in each component below); {@link Schoolsignalen}
 * judges them for a pupil and {@link Beoordelaar} returns the signals, kanaal {@code SIGNAAL}, with the rule's name
 * as soort ({@link Schoolsignaal}). Immutable; the constructor checks every combination and names the key that is
 * wrong, in Dutch, for the school's IT.
 *
 * <p>What a rule counts ({@link Telling}), within the window of the day judged, on every school day that adds to
 * it:
 * <ul>
 *   <li>{@code registraties}: registrations with one of the {@code codes} ("3 keer te laat": every te-laat melding);</li>
 *   <li>{@code dagen}: school days with at least one such registration ("3 keer spijbelen": a day a pupil skipped,
 *       however many lesuren the LAS registered);</li>
 *   <li>{@code minuten}: their minutes, as the rules take them (domain §3 "Minutes");</li>
 *   <li>{@code ziekmeldingen}: runs of the codes on consecutive school days (with {@code [ZK]} exactly domain §3's
 *       ziekmelding), counted on their first day;</li>
 *   <li>{@code ziektedagen}: the school days of one such run so far ("ziektedag 4"); its window is the run;</li>
 *   <li>{@code weekdagpatroon}: of the last {@code laatste} runs in the window, at least {@code minstens} began on
 *       the same weekday ("veel ziekte op een bepaalde dag"); no steps.</li>
 * </ul>
 * Each step reached is its own signal; see {@link Schoolsignalen} for exactly when a signal comes again.
 *
 * @param naam       the soort the signal carries ({@code [A-Z][A-Z0-9_]*}, at most 40 characters as the melding
 *                   table's soort column, unique within the school; not a name of the national soorten and not
 *                   beginning with {@code ZAS_}); YAML {@code naam}
 * @param titel      optional Dutch title for the uitleg and the page; YAML {@code titel}
 * @param codes      the meanings counted (not {@code UIT}, which the rules ignore); YAML {@code codes}
 * @param telt       what is counted; YAML {@code telt}
 * @param stappen    rising thresholds, e.g. 3, 6, 9; YAML {@code stappen} (not for {@code weekdagpatroon})
 * @param daarnaElke after the last step, a further step every so many (0: none); YAML {@code daarna_elke}
 * @param naDeEerste the first so many registrations ({@code registraties}, {@code minuten}), days or ziekmeldingen
 *                   of the window do not count ("meer dan 9 keer te laat: de minuten worden geteld"); YAML
 *                   {@code na_de_eerste}
 * @param laatste    {@code weekdagpatroon}: how many of the most recent runs are looked at; YAML {@code laatste}
 * @param minstens   {@code weekdagpatroon}: how many of those must have begun on one weekday; YAML {@code minstens}
 * @param venster    the window; YAML {@code venster} (none for {@code ziektedagen})
 * @param wijktVoor  DUO verzuimsoorten this signal gives way to: no signal while a melding of one of them, made on or
 *                   before the day, covers a day of the window; YAML {@code wijkt_voor}
 */
public record Signaalregel(String naam, String titel, Set<Afwezigheidscode> codes, Telling telt, List<Integer> stappen,
                           int daarnaElke, int naDeEerste, int laatste, int minstens, Venster venster,
                           Set<Verzuimsoort> wijktVoor) {

    private static final Pattern NAAM = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** What a rule counts; the YAML value is the name in lower case. */
    public enum Telling {
        REGISTRATIES, DAGEN, MINUTEN, ZIEKMELDINGEN, ZIEKTEDAGEN, WEEKDAGPATROON;

        /** Counts runs of the codes on consecutive school days rather than registrations or days. */
        boolean telReeksen() {
            return this == ZIEKMELDINGEN || this == ZIEKTEDAGEN || this == WEEKDAGPATROON;
        }
    }

    /**
     * The window of a day d: what lies in it up to and including d counts.
     * <ul>
     *   <li>{@code lesweken N}: d's lesweek and the N − 1 lesweken before it, weeks without a school day skipped (as
     *       the 16 hours count them, domain §3), from the Monday of the first;</li>
     *   <li>{@code kalenderdagen N}: d and the N − 1 calendar days before it, vakanties included;</li>
     *   <li>{@code kalendermaanden N}: the days after the same date N months before d ("in twee maanden": from
     *       13 September up to 12 November);</li>
     *   <li>{@code schooljaar}: from 1 August of d's school year ({@link Schooljaar});</li>
     *   <li>{@code ziekmelding}: the run that holds d (only, and always, for {@code ziektedagen}).</li>
     * </ul>
     * YAML: {@code venster: schooljaar}, or {@code venster: {lesweken: 4}} (kalenderdagen, kalendermaanden alike).
     */
    public record Venster(Eenheid eenheid, int aantal) {

        public enum Eenheid { LESWEKEN, KALENDERDAGEN, KALENDERMAANDEN, SCHOOLJAAR, ZIEKMELDING }

        public Venster {
            if (eenheid == null) {
                throw new IllegalArgumentException("venster: eenheid ontbreekt");
            }
            int grens = switch (eenheid) {
                case LESWEKEN -> 52;
                case KALENDERDAGEN -> 366;
                case KALENDERMAANDEN -> 12;
                case SCHOOLJAAR, ZIEKMELDING -> 1;
            };
            if (aantal < 1 || aantal > grens) {
                throw new IllegalArgumentException("venster " + eenheid.name().toLowerCase(Locale.ROOT) + ": " + aantal
                        + " ligt niet tussen 1 en " + grens);
            }
        }

        public static Venster lesweken(int aantal) {
            return new Venster(Eenheid.LESWEKEN, aantal);
        }

        public static Venster kalenderdagen(int aantal) {
            return new Venster(Eenheid.KALENDERDAGEN, aantal);
        }

        public static Venster kalendermaanden(int aantal) {
            return new Venster(Eenheid.KALENDERMAANDEN, aantal);
        }

        public static Venster schooljaar() {
            return new Venster(Eenheid.SCHOOLJAAR, 1);
        }

        public static Venster ziekmelding() {
            return new Venster(Eenheid.ZIEKMELDING, 1);
        }
    }

    public Signaalregel {
        if (naam == null || !NAAM.matcher(naam).matches()) {
            throw new IllegalArgumentException("signaal '" + naam + "': naam moet passen bij [A-Z][A-Z0-9_]* (hoofdletters,"
                    + " cijfers en _, ten hoogste 40 tekens): het is de soort in de uitvoer");
        }
        if (naam.startsWith("ZAS_") || isLandelijkeSoort(naam)) {
            throw new IllegalArgumentException("signaal " + naam + ": naam is al een landelijke soort (of begint met"
                    + " ZAS_); kies een eigen naam");
        }
        String fout = "signaal " + naam + ", ";
        titel = titel == null || titel.isBlank() ? null : titel.strip();
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException(fout + "codes: geef ten minste één code");
        }
        codes = Collections.unmodifiableSet(EnumSet.copyOf(codes));
        if (codes.contains(Afwezigheidscode.UIT)) {
            throw new IllegalArgumentException(fout + "codes: UIT (uit de les gestuurd) is aanwezig en wordt door de regels"
                    + " niet geteld");
        }
        if (telt == null) {
            throw new IllegalArgumentException(fout + "telt ontbreekt");
        }
        stappen = stappen == null ? List.of() : List.copyOf(stappen);
        wijktVoor = wijktVoor == null || wijktVoor.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(wijktVoor));
        if (wijktVoor.contains(Verzuimsoort.OVERIG)) {
            throw new IllegalArgumentException(fout + "wijkt_voor: OVERIG wordt nooit door de regels besloten");
        }
        if (venster == null) {
            throw new IllegalArgumentException(fout + "venster ontbreekt");
        }
        if ((telt == Telling.ZIEKTEDAGEN) != (venster.eenheid() == Venster.Eenheid.ZIEKMELDING)) {
            throw new IllegalArgumentException(fout + (telt == Telling.ZIEKTEDAGEN
                    ? "venster: ziektedagen tellen binnen één ziekmelding; geef geen venster"
                    : "venster: ziekmelding hoort alleen bij telt: ziektedagen"));
        }
        if (naDeEerste < 0 || (naDeEerste > 0 && (telt == Telling.ZIEKTEDAGEN || telt == Telling.WEEKDAGPATROON))) {
            throw new IllegalArgumentException(fout + "na_de_eerste: " + naDeEerste + " past niet bij telt: "
                    + telt.name().toLowerCase(Locale.ROOT) + " (0 of meer, niet bij ziektedagen en weekdagpatroon)");
        }
        if (telt == Telling.WEEKDAGPATROON) {
            if (!stappen.isEmpty() || daarnaElke != 0) {
                throw new IllegalArgumentException(fout + "stappen: een weekdagpatroon heeft geen stappen maar laatste en"
                        + " minstens");
            }
            if (minstens < 2 || laatste < minstens || laatste > 20) {
                throw new IllegalArgumentException(fout + "laatste " + laatste + ", minstens " + minstens
                        + ": nodig is 2 ≤ minstens ≤ laatste ≤ 20");
            }
        } else {
            if (laatste != 0 || minstens != 0) {
                throw new IllegalArgumentException(fout + "laatste en minstens horen alleen bij telt: weekdagpatroon");
            }
            if (stappen.isEmpty()) {
                throw new IllegalArgumentException(fout + "stappen: geef ten minste één stap");
            }
            int vorige = 0;
            for (Integer stap : stappen) {
                if (stap == null || stap <= vorige) {
                    throw new IllegalArgumentException(fout + "stappen " + stappen + ": moeten positief zijn en oplopen");
                }
                vorige = stap;
            }
            if (daarnaElke < 0) {
                throw new IllegalArgumentException(fout + "daarna_elke: " + daarnaElke + " is negatief");
            }
        }
    }

    private static boolean isLandelijkeSoort(String naam) {
        List<Soort> landelijk = new ArrayList<>(List.of(Verzuimsoort.values()));
        landelijk.addAll(List.of(Categorie.values()));
        landelijk.addAll(List.of(Signaal.values()));
        return landelijk.stream().anyMatch(soort -> soort.name().equals(naam));
    }

    /** A rule with steps: {@code registraties}, {@code dagen}, {@code minuten} or {@code ziekmeldingen}. */
    public static Signaalregel stappen(String naam, String titel, Telling telt, Set<Afwezigheidscode> codes,
                                       Venster venster, Integer... stappen) {
        return new Signaalregel(naam, titel, codes, telt, List.of(stappen), 0, 0, 0, 0, venster, Set.of());
    }

    /** "Ziektedag 4": steps on the school days of one run of the codes. */
    public static Signaalregel ziektedagen(String naam, String titel, Set<Afwezigheidscode> codes, Integer... stappen) {
        return new Signaalregel(naam, titel, codes, Telling.ZIEKTEDAGEN, List.of(stappen), 0, 0, 0, 0,
                Venster.ziekmelding(), Set.of());
    }

    /** "Veel ziekte op een bepaalde dag": of the last {@code laatste} runs in the window, {@code minstens} on one weekday. */
    public static Signaalregel weekdagpatroon(String naam, String titel, Set<Afwezigheidscode> codes, int minstens,
                                              int laatste, Venster venster) {
        return new Signaalregel(naam, titel, codes, Telling.WEEKDAGPATROON, List.of(), 0, 0, laatste, minstens, venster,
                Set.of());
    }

    public Signaalregel metDaarnaElke(int elke) {
        return new Signaalregel(naam, titel, codes, telt, stappen, elke, naDeEerste, laatste, minstens, venster,
                wijktVoor);
    }

    public Signaalregel metNaDeEerste(int aantal) {
        return new Signaalregel(naam, titel, codes, telt, stappen, daarnaElke, aantal, laatste, minstens, venster,
                wijktVoor);
    }

    public Signaalregel metWijktVoor(Verzuimsoort... soorten) {
        return new Signaalregel(naam, titel, codes, telt, stappen, daarnaElke, naDeEerste, laatste, minstens, venster,
                Set.of(soorten));
    }

    /** Step {@code j} (from 0): the listed ones, then every {@link #daarnaElke} after the last. */
    long stap(int j) {
        int n = stappen.size();
        return j < n ? stappen.get(j) : stappen.get(n - 1) + (long) (j - n + 1) * daarnaElke;
    }

    /** The highest step a value reaches, or −1 when it reaches none. */
    int hoogsteStap(long waarde) {
        int n = stappen.size();
        if (waarde < stappen.get(0)) {
            return -1;
        }
        long laatsteStap = stappen.get(n - 1);
        if (waarde >= laatsteStap) {
            return daarnaElke == 0 ? n - 1 : n - 1 + (int) Math.min(Integer.MAX_VALUE - n, (waarde - laatsteStap) / daarnaElke);
        }
        int j = 0;
        while (stappen.get(j + 1) <= waarde) {
            j++;
        }
        return j;
    }

    /** "3, 6 en 9" or "50, daarna elke 50". */
    String stappenTekst() {
        List<String> delen = new ArrayList<>();
        for (Integer stap : stappen) {
            delen.add(String.valueOf(stap));
        }
        return Uitleg.opsomming(delen) + (daarnaElke > 0 ? ", daarna elke " + daarnaElke : "");
    }

    /** "Te laat komen (TE_LAAT)", or the name alone. */
    String titelTekst() {
        return titel == null ? naam : titel + " (" + naam + ")";
    }
}
