package nl.verzuim.connector.rules.referentie;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference reading's own school calendar, straight from las-input.md §3 and domain §3: a school day is a weekday
 * with lesminuten &gt; 0 that is in no vakantie and no vrije dag; a lesweek is a Monday–Sunday week with at least one
 * school day. Asked day by day, nothing kept.
 *
 * @param vakanties each {van, tot}, both inclusive
 */
record Rooster(Map<DayOfWeek, Integer> lesminutenPerDag, List<LocalDate[]> vakanties, Set<LocalDate> vrijeDagen) {

    int lesminuten(LocalDate dag) {
        Integer minuten = lesminutenPerDag.get(dag.getDayOfWeek());
        if (minuten == null || minuten <= 0 || vrijeDagen.contains(dag)) {
            return 0;
        }
        for (LocalDate[] vakantie : vakanties) {
            if (!dag.isBefore(vakantie[0]) && !dag.isAfter(vakantie[1])) {
                return 0;
            }
        }
        return minuten;
    }

    boolean isSchooldag(LocalDate dag) {
        return lesminuten(dag) > 0;
    }

    static LocalDate maandag(LocalDate dag) {
        return dag.minusDays(dag.getDayOfWeek().getValue() - 1L);
    }

    boolean isLesweek(LocalDate maandag) {
        for (int i = 0; i < 7; i++) {
            if (isSchooldag(maandag.plusDays(i))) {
                return true;
            }
        }
        return false;
    }

    /** The Mondays of the lesweek of {@code dag} and the lesweken before it, {@code aantal} in all, oldest first. */
    List<LocalDate> lesweken(LocalDate dag, int aantal) {
        List<LocalDate> weken = new ArrayList<>();
        weken.add(maandag(dag));
        for (LocalDate maandag = maandag(dag).minusWeeks(1); weken.size() < aantal; maandag = maandag.minusWeeks(1)) {
            if (isLesweek(maandag)) {
                weken.add(maandag);
            }
        }
        Collections.reverse(weken);
        return weken;
    }

    LocalDate eersteSchooldagVanaf(LocalDate dag) {
        LocalDate d = dag;
        while (!isSchooldag(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
