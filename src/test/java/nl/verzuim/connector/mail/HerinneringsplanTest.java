package nl.verzuim.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What is due on a day, worked out by hand: the opgave 14 days before 15 Dec / 15 Mar / 15 Jun / 15 Sep until the
 * day before; escalation at 4, 8 (Den Haag), 11 and 13 weeks after the first date (here Monday 5 October 2026:
 * 2 Nov, 30 Nov, 21 Dec, 4 Jan), the last step reached, up to 14 days late. Domain §4's two reminders of issue 12
 * have their own tables below, named after their sentences.
 */
class HerinneringsplanTest {

    static final Herinneringsplan.Open MELDING = new Herinneringsplan.Open(7, "00YY00", "OT-7", "LOPEND",
            LocalDate.of(2026, 10, 5), "A_LANGDURIG_RELATIEF_VERZUIM");
    static final List<String> SCHOLEN = List.of("00YY00");

    @ParameterizedTest(name = "{0}, Den Haag {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-01 | true  | ''",                                              // 4 weeks not yet
            "2026-11-02 | true  | OPSCHALING:INTERCOLLEGIALE_AFSTEMMING:2026-11-02",
            "2026-11-16 | true  | OPSCHALING:INTERCOLLEGIALE_AFSTEMMING:2026-11-02",  // 14 days late: still
            "2026-11-17 | true  | ''",                                              // too late for 4, 8 not yet
            "2026-11-30 | true  | OPSCHALING:MANAGEMENTAFSTEMMING:2026-11-30",
            "2026-11-30 | false | ''",                                              // Rijswijk: no 8-week step
            "2026-12-01 | true  | OPGAVE:2026-12-15;OPSCHALING:MANAGEMENTAFSTEMMING:2026-11-30",
            // the last day before; two months since the start of this categorie A melding, 9 days ago (seed 001 note 2)
            "2026-12-14 | false | OPGAVE:2026-12-15;TWEE_MAANDEN:2026-12-05",
            "2026-12-15 | false | TWEE_MAANDEN:2026-12-05",                          // next opgave is 15 March
            "2026-12-21 | false | OPSCHALING:ADVIESTAFEL:2026-12-21",
            "2027-01-04 | true  | OPSCHALING:DIRECTEURENNIVEAU:2027-01-04",
            "2027-03-01 | true  | OPGAVE:2027-03-15",
            "2027-02-28 | true  | ''",
            "2027-06-01 | true  | OPGAVE:2027-06-15",
            "2027-09-01 | true  | OPGAVE:2027-09-15",
    })
    void watIsErOpDezeDag(LocalDate dag, boolean denHaag, String verwacht) {
        List<String> uit = Herinneringsplan.watIsEr(dag, SCHOLEN, List.of(MELDING), 14, denHaag, 14).stream()
                .map(h -> h.soort() + ":" + (h.stap() == null ? "" : h.stap() + ":") + h.datum()).toList();
        assertThat(uit).containsExactlyElementsOf(verwacht.isEmpty() ? List.of() : List.of(verwacht.split(";")));
    }

    @org.junit.jupiter.api.Test
    void sleutelsPerMeldingOfSchoolSoortEnDatum() {
        List<Herinneringsplan.Herinnering> uit = Herinneringsplan.watIsEr(LocalDate.of(2026, 12, 1), SCHOLEN,
                List.of(MELDING, new Herinneringsplan.Open(8, "00YY00", "OT-8", "INGEDIEND", LocalDate.of(2026, 11, 2),
                        "A_LANGDURIG_RELATIEF_VERZUIM")), 14, true, 14);
        assertThat(uit.stream().map(Herinneringsplan.Herinnering::sleutel)).containsExactly(
                "opgave:00YY00:2026-12-15", "opschaling:7:MANAGEMENTAFSTEMMING:2026-11-30",
                "opschaling:8:INTERCOLLEGIALE_AFSTEMMING:2026-11-30");
        assertThat(uit.get(0).meldingen()).extracting(Herinneringsplan.Open::otId).containsExactly("OT-7", "OT-8");
    }

    /**
     * Domain §4: "Schools update their opgave at least quarterly, before 15 September, 15 December, 15 March and
     * 15 June — every school, also one with nothing open (its opgave is then 'geen zorgwekkend verzuim')." Three
     * schools: 00YY00 with MELDING open, 11AA00 and 22BB01 with nothing open; a melding of a school no longer
     * configured (99ZZ00) has no one to mail.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-30 | ''",
            "2026-12-01 | OPGAVE:00YY00:2026-12-15:OT-7;OPGAVE:11AA00:2026-12-15:;OPGAVE:22BB01:2026-12-15:",
            "2026-12-14 | OPGAVE:00YY00:2026-12-15:OT-7;OPGAVE:11AA00:2026-12-15:;OPGAVE:22BB01:2026-12-15:",
            "2026-12-15 | ''",
            "2027-03-01 | OPGAVE:00YY00:2027-03-15:OT-7;OPGAVE:11AA00:2027-03-15:;OPGAVE:22BB01:2027-03-15:",
    })
    void deOpgaveherinneringGaatNaarElkeSchoolOokZonderOpenMeldingen(LocalDate dag, String verwacht) {
        Herinneringsplan.Open elders = new Herinneringsplan.Open(9, "99ZZ00", "OT-9", "LOPEND",
                LocalDate.of(2026, 10, 5), "B_LANGDURIG_GEOORLOOFD_VERZUIM");
        List<String> uit = Herinneringsplan.watIsEr(dag, List.of("22BB01", "00YY00", "11AA00"),
                        List.of(MELDING, elders), 14, false, 14).stream()
                .filter(h -> h.soort() == Herinneringsplan.Soort.OPGAVE)
                .map(h -> h.soort() + ":" + h.schoolcode() + ":" + h.datum() + ":" + String.join(",",
                        h.meldingen().stream().map(Herinneringsplan.Open::otId).toList()))
                .toList();
        assertThat(uit).containsExactlyElementsOf(verwacht.isEmpty() ? List.of() : List.of(verwacht.split(";")));
    }

    /**
     * Domain §4: "a reminder to the contactpersoon two months after the start of a categorie B melding that is still
     * open" (seed 001 note 2: "na twee maanden (geoorloofd) thuiszitten … Dit geldt ook bij vermoeden van ongeoorloofd
     * verzuim": categorie A too, the seed wins). Two calendar months after the start; sent late up to 14 days (a
     * connector that was down), then no longer; only while open (the caller passes open meldingen only).
     */
    @ParameterizedTest(name = "start {0}, {1}, {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "2026-10-05 | B | 2026-12-04 | ''",                                 // the day before two months
            "2026-10-05 | B | 2026-12-05 | TWEE_MAANDEN:2026-12-05",            // two months (a Saturday: mail anyway)
            "2026-10-05 | B | 2026-12-19 | TWEE_MAANDEN:2026-12-05",            // 14 days late: still
            "2026-10-05 | B | 2026-12-20 | ''",                                 // 15 days late: no longer
            "2026-10-05 | A | 2026-12-05 | TWEE_MAANDEN:2026-12-05",            // categorie A too (seed 001 note 2)
            "2026-10-05 | A | 2026-12-04 | ''",                                 // categorie A, the day before
            "2026-12-31 | B | 2027-02-28 | TWEE_MAANDEN:2027-02-28",            // month end: 28 February
            "2027-06-15 | B | 2027-08-15 | TWEE_MAANDEN:2027-08-15",            // in the summer vacation too
    })
    void tweeMaandenNaDeStartVanEenOpenMeldingZorgwekkendVerzuim(LocalDate start, String categorie, LocalDate dag,
                                                          String verwacht) {
        Herinneringsplan.Open melding = new Herinneringsplan.Open(11, "00YY00", "OT-11", "LOPEND", start,
                categorie.equals("B") ? "B_LANGDURIG_GEOORLOOFD_VERZUIM" : "A_LANGDURIG_RELATIEF_VERZUIM");
        List<String> uit = Herinneringsplan.watIsEr(dag, SCHOLEN, List.of(melding), 14, true, 14).stream()
                .filter(h -> h.soort() == Herinneringsplan.Soort.TWEE_MAANDEN)
                .map(h -> h.soort() + ":" + h.datum()).toList();
        assertThat(uit).containsExactlyElementsOf(verwacht.isEmpty() ? List.of() : List.of(verwacht));
        uit.forEach(u -> assertThat(Herinneringsplan.watIsEr(dag, SCHOLEN, List.of(melding), 14, true, 14).stream()
                .filter(h -> h.soort() == Herinneringsplan.Soort.TWEE_MAANDEN).findFirst().orElseThrow().sleutel())
                .isEqualTo("twee-maanden:11:" + u.substring("TWEE_MAANDEN:".length())));
    }
}
