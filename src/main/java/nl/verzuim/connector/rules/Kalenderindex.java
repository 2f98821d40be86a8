package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A school calendar laid out as arrays over a range of whole Monday–Sunday weeks, so that the rules look days
 * and lesweken up by number instead of walking dates. Days are numbered from the first Monday of the range,
 * weeks from its first week, and lesweken (weeks with a school day) in order; "four consecutive lesweken" is then
 * simply lesweek k − 3 up to k, whatever vakanties lie between. Immutable.
 */
final class Kalenderindex {

    /** Epoch day of the first day (a Monday). */
    final long eersteDag;
    /** Number of days covered: whole weeks. */
    final int aantalDagen;
    /** Per day: the scheduled lesminuten, 0 on a day that is no school day. */
    final int[] lesminuten;
    /** Per day: how many school days lie in the range up to and including it. */
    private final int[] schooldagNr;
    /** Per week: how many lesweken lie in the range up to and including it. */
    private final int[] lesweekNr;
    /** Per lesweek: its week number. */
    private final int[] weekVanLesweek;
    /** Per lesweek: the day number of its last school day. */
    private final int[] laatsteSchooldag;
    /** Per lesweek: lesminuten of lesweken 0 up to and including it. */
    private final long[] lesminutenTot;
    /** Per lesweek: school days of lesweken 0 up to and including it. */
    private final int[] schooldagenTot;

    private Kalenderindex(long eersteDag, int[] lesminuten) {
        this.eersteDag = eersteDag;
        this.aantalDagen = lesminuten.length;
        this.lesminuten = lesminuten;
        int weken = aantalDagen / 7;
        schooldagNr = new int[aantalDagen];
        lesweekNr = new int[weken];
        int[] weekVan = new int[weken];
        int[] laatste = new int[weken];
        long[] minutenTot = new long[weken];
        int[] dagenTot = new int[weken];
        int schooldagen = 0;
        int lesweken = 0;
        long minuten = 0;
        for (int week = 0; week < weken; week++) {
            int laatsteDezeWeek = -1;
            for (int d = week * 7; d < week * 7 + 7; d++) {
                if (lesminuten[d] > 0) {
                    schooldagen++;
                    minuten += lesminuten[d];
                    laatsteDezeWeek = d;
                }
                schooldagNr[d] = schooldagen;
            }
            if (laatsteDezeWeek >= 0) {
                weekVan[lesweken] = week;
                laatste[lesweken] = laatsteDezeWeek;
                minutenTot[lesweken] = minuten;
                dagenTot[lesweken] = schooldagen;
                lesweken++;
            }
            lesweekNr[week] = lesweken;
        }
        weekVanLesweek = Arrays.copyOf(weekVan, lesweken);
        laatsteSchooldag = Arrays.copyOf(laatste, lesweken);
        lesminutenTot = Arrays.copyOf(minutenTot, lesweken);
        schooldagenTot = Arrays.copyOf(dagenTot, lesweken);
    }

    /** The calendar from the Monday on or before {@code van} to the Sunday on or after {@code tot}. */
    static Kalenderindex bouw(Schoolkalender kalender, LocalDate van, LocalDate tot) {
        LocalDate maandag = Schoolkalender.maandagVan(van);
        long eerste = maandag.toEpochDay();
        long zondag = Schoolkalender.maandagVan(tot).toEpochDay() + 6;
        int[] lesminuten = new int[Math.toIntExact(zondag - eerste + 1)];
        LocalDate dag = maandag;
        for (int d = 0; d < lesminuten.length; d++) {
            lesminuten[d] = kalender.berekenLesminuten(dag);
            dag = dag.plusDays(1);
        }
        return new Kalenderindex(eerste, lesminuten);
    }

    boolean dekt(long vanEpochDag, long totEpochDag) {
        return vanEpochDag >= eersteDag && totEpochDag < eersteDag + aantalDagen;
    }

    /** The day number of an epoch day, or −1 outside the range. */
    int dag(long epochDag) {
        long nummer = epochDag - eersteDag;
        return nummer < 0 || nummer >= aantalDagen ? -1 : (int) nummer;
    }

    long epochDag(int dag) {
        return eersteDag + dag;
    }

    LocalDate datum(int dag) {
        return LocalDate.ofEpochDay(eersteDag + dag);
    }

    int aantalLesweken() {
        return weekVanLesweek.length;
    }

    /** The lesweek of the week holding {@code dag}, or of the last lesweek before it; −1 when there is none. */
    int lesweek(int dag) {
        return lesweekNr[dag / 7] - 1;
    }

    /** Day number of the Monday of lesweek {@code k}. */
    int maandag(int k) {
        return weekVanLesweek[k] * 7;
    }

    /** Day number of the Sunday of lesweek {@code k}. */
    int zondag(int k) {
        return weekVanLesweek[k] * 7 + 6;
    }

    int laatsteSchooldag(int k) {
        return laatsteSchooldag[k];
    }

    /** Scheduled lesminuten of lesweken {@code van} up to and including {@code tot}. */
    long lesminuten(int van, int tot) {
        return lesminutenTot[tot] - (van == 0 ? 0 : lesminutenTot[van - 1]);
    }

    /** School days of lesweken {@code van} up to and including {@code tot}. */
    int schooldagen(int van, int tot) {
        return schooldagenTot[tot] - (van == 0 ? 0 : schooldagenTot[van - 1]);
    }

    /** Whether school day {@code b} is the school day right after school day {@code a}. */
    boolean volgendeSchooldag(int a, int b) {
        return schooldagNr[b] == schooldagNr[a] + 1 && lesminuten[b] > 0;
    }
}
