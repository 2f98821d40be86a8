package nl.verzuim.connector.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A school's calendar: scheduled lesson minutes per weekday, vakanties and vrije dagen (las-input.md §3).
 * A school day is a weekday with lesminuten &gt; 0 in no vakantie and on no vrije dag; a lesweek is a
 * Monday–Sunday week with at least one school day.
 *
 * <p>Single days are answered directly. The rules ask for many days and lesweken per pupil, so they use a
 * {@link Kalenderindex} that this calendar builds once for a range of weeks and shares with every later question
 * that falls inside it (one calendar per school serves all its pupils). Instances are safe to share between
 * threads.
 */
public final class Schoolkalender {

    /** A vakantie, both dates inclusive. */
    public record Vakantie(String naam, LocalDate van, LocalDate tot) {
        public boolean bevat(LocalDate dag) {
            return !dag.isBefore(van) && !dag.isAfter(tot);
        }
    }

    /** How far back or forward we look for a school day or lesweek before concluding the calendar has none. */
    private static final int MAX_WEKEN_ZOEKEN = 104;
    /** Weeks an index covers beyond what was asked, so that one index serves the pupils of a school. */
    private static final int MARGE_WEKEN = 52;

    private final Map<DayOfWeek, Integer> lesminuten;
    private final int[] lesminutenPerWeekdag = new int[7];
    private final List<Vakantie> vakanties;
    private final Set<LocalDate> vrijeDagen;
    private volatile Kalenderindex index;

    public Schoolkalender(Map<DayOfWeek, Integer> lesminuten, List<Vakantie> vakanties, Set<LocalDate> vrijeDagen) {
        EnumMap<DayOfWeek, Integer> kopie = new EnumMap<>(DayOfWeek.class);
        kopie.putAll(lesminuten);
        this.lesminuten = Collections.unmodifiableMap(kopie);
        kopie.forEach((dag, minuten) -> lesminutenPerWeekdag[dag.getValue() - 1] = minuten == null ? 0 : minuten);
        this.vakanties = List.copyOf(vakanties);
        this.vrijeDagen = Set.copyOf(vrijeDagen);
    }

    public boolean isSchooldag(LocalDate dag) {
        return lesminuten(dag) > 0;
    }

    /** The scheduled lesson minutes of a day: 0 on a day that is no school day. */
    public int lesminuten(LocalDate dag) {
        Kalenderindex i = index;
        if (i != null) {
            int nummer = i.dag(dag.toEpochDay());
            if (nummer >= 0) {
                return i.lesminuten[nummer];
            }
        }
        return berekenLesminuten(dag);
    }

    int berekenLesminuten(LocalDate dag) {
        int minuten = lesminutenPerWeekdag[dag.getDayOfWeek().getValue() - 1];
        if (minuten <= 0 || vrijeDagen.contains(dag) || inVakantie(dag)) {
            return 0;
        }
        return minuten;
    }

    public List<Vakantie> vakanties() {
        return vakanties;
    }

    public boolean inVakantie(LocalDate dag) {
        for (Vakantie vakantie : vakanties) {
            if (vakantie.bevat(dag)) {
                return true;
            }
        }
        return false;
    }

    public static LocalDate maandagVan(LocalDate dag) {
        return dag.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Whether the Monday–Sunday week starting on {@code maandag} has a school day. */
    public boolean isLesweek(LocalDate maandag) {
        for (int i = 0; i < 7; i++) {
            if (isSchooldag(maandag.plusDays(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Mondays of the lesweek of {@code dag} and the {@code aantal − 1} lesweken before it, oldest first.
     * Weeks without school days are skipped. When {@code dag}'s own week is no lesweek, it still counts as
     * the last week of the window (its days simply add nothing).
     */
    public List<LocalDate> lesweken(LocalDate dag, int aantal) {
        List<LocalDate> weken = new ArrayList<>(aantal);
        LocalDate maandag = maandagVan(dag);
        weken.add(maandag);
        int gezocht = 0;
        while (weken.size() < aantal && gezocht < MAX_WEKEN_ZOEKEN) {
            maandag = maandag.minusWeeks(1);
            gezocht++;
            if (isLesweek(maandag)) {
                weken.add(maandag);
            }
        }
        Collections.reverse(weken);
        return weken;
    }

    /** The next school day strictly after {@code dag}, or null when none within two years. */
    public LocalDate volgendeSchooldag(LocalDate dag) {
        LocalDate kandidaat = dag.plusDays(1);
        for (int i = 0; i < MAX_WEKEN_ZOEKEN * 7; i++) {
            if (isSchooldag(kandidaat)) {
                return kandidaat;
            }
            kandidaat = kandidaat.plusDays(1);
        }
        return null;
    }

    /** The first school day on or after {@code dag}, or null when none within two years. */
    public LocalDate eersteSchooldagVanaf(LocalDate dag) {
        return isSchooldag(dag) ? dag : volgendeSchooldag(dag);
    }

    /** The last school day on or before {@code dag}, or null when none within two years. */
    public LocalDate laatsteSchooldagTotEnMet(LocalDate dag) {
        LocalDate kandidaat = dag;
        for (int i = 0; i < MAX_WEKEN_ZOEKEN * 7; i++) {
            if (isSchooldag(kandidaat)) {
                return kandidaat;
            }
            kandidaat = kandidaat.minusDays(1);
        }
        return null;
    }

    /**
     * The index for the rules, covering at least the weeks of {@code van} up to {@code tot} and a year either
     * side (the lesweken before a pupil's first registration and after the last). Built once and widened only
     * when a pupil's dates fall outside it.
     */
    Kalenderindex index(LocalDate van, LocalDate tot) {
        long eerste = van.toEpochDay() - 7L * MARGE_WEKEN;
        long laatste = tot.toEpochDay() + 7L * MARGE_WEKEN;
        Kalenderindex huidig = index;
        if (huidig != null && huidig.dekt(eerste, laatste)) {
            return huidig;
        }
        synchronized (this) {
            huidig = index;
            if (huidig != null && huidig.dekt(eerste, laatste)) {
                return huidig;
            }
            if (huidig != null) {
                eerste = Math.min(eerste, huidig.eersteDag);
                laatste = Math.max(laatste, huidig.eersteDag + huidig.aantalDagen - 1);
            }
            Kalenderindex nieuw = Kalenderindex.bouw(this, LocalDate.ofEpochDay(eerste), LocalDate.ofEpochDay(laatste));
            index = nieuw;
            return nieuw;
        }
    }
}
