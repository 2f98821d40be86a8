package nl.verzuim.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What is due on a day, worked out by hand: the opgave 14 days before 15 Dec / 15 Mar / 15 Jun / 15 Sep until the
 * day before; escalation at 4, 8 (Den Haag), 11 and 13 weeks after the first date (here Monday 5 October 2026:
 * 2 Nov, 30 Nov, 21 Dec, 4 Jan), the last step reached, up to 14 days late.
 */
class HerinneringsplanTest {

    static final Herinneringsplan.Open MELDING = new Herinneringsplan.Open(7, "00YY00", "OT-7", "LOPEND",
            LocalDate.of(2026, 10, 5));

    @ParameterizedTest(name = "{0}, Den Haag {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-01 | true  | ''",                                              // 4 weeks not yet
            "2026-11-02 | true  | OPSCHALING:INTERCOLLEGIALE_AFSTEMMING:2026-11-02",
            "2026-11-16 | true  | OPSCHALING:INTERCOLLEGIALE_AFSTEMMING:2026-11-02",  // 14 days late: still
            "2026-11-17 | true  | ''",                                              // too late for 4, 8 not yet
            "2026-11-30 | true  | OPSCHALING:MANAGEMENTAFSTEMMING:2026-11-30",
            "2026-11-30 | false | ''",                                              // Rijswijk: no 8-week step
            "2026-12-01 | true  | OPGAVE:2026-12-15;OPSCHALING:MANAGEMENTAFSTEMMING:2026-11-30",
            "2026-12-14 | false | OPGAVE:2026-12-15",                                // the last day before
            "2026-12-15 | false | ''",                                              // next is 15 March
            "2026-12-21 | false | OPSCHALING:ADVIESTAFEL:2026-12-21",
            "2027-01-04 | true  | OPSCHALING:DIRECTEURENNIVEAU:2027-01-04",
            "2027-03-01 | true  | OPGAVE:2027-03-15",
            "2027-02-28 | true  | ''",
            "2027-06-01 | true  | OPGAVE:2027-06-15",
            "2027-09-01 | true  | OPGAVE:2027-09-15",
    })
    void watIsErOpDezeDag(LocalDate dag, boolean denHaag, String verwacht) {
        List<String> uit = Herinneringsplan.watIsEr(dag, List.of(MELDING), 14, denHaag, 14).stream()
                .map(h -> h.soort() + ":" + (h.stap() == null ? "" : h.stap() + ":") + h.datum()).toList();
        assertThat(uit).containsExactlyElementsOf(verwacht.isEmpty() ? List.of() : List.of(verwacht.split(";")));
    }

    @org.junit.jupiter.api.Test
    void sleutelsPerMeldingOfSchoolSoortEnDatum() {
        List<Herinneringsplan.Herinnering> uit = Herinneringsplan.watIsEr(LocalDate.of(2026, 12, 1),
                List.of(MELDING, new Herinneringsplan.Open(8, "00YY00", "OT-8", "INGEDIEND", LocalDate.of(2026, 11, 2))),
                14, true, 14);
        assertThat(uit.stream().map(Herinneringsplan.Herinnering::sleutel)).containsExactly(
                "opgave:00YY00:2026-12-15", "opschaling:7:MANAGEMENTAFSTEMMING:2026-11-30",
                "opschaling:8:INTERCOLLEGIALE_AFSTEMMING:2026-11-30");
        assertThat(uit.get(0).meldingen()).extracting(Herinneringsplan.Open::otId).containsExactly("OT-7", "OT-8");
    }
}
