package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Testschool.KALENDER;
import static nl.verzuim.connector.rules.Testschool.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The school calendar and leerplicht (domain §2, §3 "School day", "Lesweek", "Who is subject to it"). */
class KalenderEnLeerplichtTest {

    @ParameterizedTest(name = "§3 school day: {0} heeft {1} lesminuten ({2})")
    @MethodSource
    void lesminuten(String dag, int lesminuten, String waarom) {
        assertThat(KALENDER.lesminuten(d(dag))).isEqualTo(lesminuten);
        assertThat(KALENDER.isSchooldag(d(dag))).isEqualTo(lesminuten > 0);
    }

    static Stream<Arguments> lesminuten() {
        return Stream.of(
                Arguments.of("2026-11-02", 330, "maandag"),
                Arguments.of("2026-11-04", 210, "woensdag"),
                Arguments.of("2026-11-07", 0, "zaterdag"),
                Arguments.of("2026-09-25", 0, "vrije dag (studiedag)"),
                Arguments.of("2026-10-21", 0, "herfstvakantie"),
                Arguments.of("2026-12-25", 0, "vrije dag in de kerstvakantie"),
                Arguments.of("2027-01-04", 330, "eerste dag na de kerstvakantie"),
                Arguments.of("2026-08-24", 330, "eerste dag na de zomervakantie"));
    }

    @Test
    void eenKalenderDieVoorVerreDatumsGebruiktIsGeeftHetzelfdeAlsEenNieuwe() {
        // One calendar serves all pupils of a school and widens its index when a pupil's dates fall outside it.
        Geval geval = Geval.geval("LRV over de kerstvakantie").heleDagen(Afwezigheidscode.ONG, "2026-12-07",
                "2027-01-04").peildatum("2027-01-04");
        Schoolkalender gedeeld = kopie();
        List<Registratie> ver = List.of(Registratie.heleDag(d("2015-03-02"), Afwezigheidscode.ZK));
        Beoordelaar.beoordeel(new Leerling("oud", d("2001-01-01"), false), gedeeld, Regelinstellingen.STANDAARD, ver,
                d("2015-03-02"), List.of());
        Beoordelaar.beoordeel(new Leerling("toekomst", d("2030-01-01"), false), gedeeld, Regelinstellingen.STANDAARD,
                List.of(Registratie.heleDag(d("2036-03-03"), Afwezigheidscode.ZK)), d("2036-03-03"), List.of());
        Leerling leerling = new Leerling("L1", Geval.TWAALF_JAAR, false);
        List<Beslissing> opGedeeld = Beoordelaar.beoordeel(leerling, gedeeld, Regelinstellingen.STANDAARD,
                geval.registraties, geval.peildatum, List.of());
        List<Beslissing> opNieuw = Beoordelaar.beoordeel(leerling, kopie(), Regelinstellingen.STANDAARD,
                geval.registraties, geval.peildatum, List.of());
        assertThat(opGedeeld).isEqualTo(opNieuw).extracting(Geval::kort).contains(
                "LANGDURIG_RELATIEF 2026-12-07..2027-01-04 op 2027-01-04");
    }

    private static Schoolkalender kopie() {
        return new Schoolkalender(Map.of(DayOfWeek.MONDAY, 330, DayOfWeek.TUESDAY, 330, DayOfWeek.WEDNESDAY, 210,
                DayOfWeek.THURSDAY, 330, DayOfWeek.FRIDAY, 330),
                List.of(new Schoolkalender.Vakantie("kerstvakantie", d("2026-12-19"), d("2027-01-03"))), Set.of());
    }

    @ParameterizedTest(name = "§3 lesweek: de 4 lesweken t/m {0} beginnen op {1}")
    @MethodSource
    void lesweken(String dag, String maandagen) {
        List<LocalDate> verwacht = Arrays.stream(maandagen.split(" ")).map(LocalDate::parse).toList();
        assertThat(KALENDER.lesweken(d(dag), 4)).containsExactlyElementsOf(verwacht);
    }

    static Stream<Arguments> lesweken() {
        return Stream.of(
                Arguments.of("2026-11-18", "2026-10-26 2026-11-02 2026-11-09 2026-11-16"),
                Arguments.of("2026-11-02", "2026-10-05 2026-10-12 2026-10-26 2026-11-02"),
                Arguments.of("2027-01-04", "2026-11-30 2026-12-07 2026-12-14 2027-01-04"),
                Arguments.of("2026-08-24", "2026-06-22 2026-06-29 2026-07-06 2026-08-24"),
                Arguments.of("2026-09-24", "2026-08-31 2026-09-07 2026-09-14 2026-09-21"));
    }

    @ParameterizedTest(name = "§3 who: geboren {0} → leerplichtig vanaf {1} ({2})")
    @MethodSource
    void leerplichtigVanaf(String geboren, String vanaf, String waarom) {
        assertThat(Leerplicht.leerplichtigVanaf(d(geboren), KALENDER)).isEqualTo(d(vanaf));
    }

    static Stream<Arguments> leerplichtigVanaf() {
        return Stream.of(
                Arguments.of("2021-09-15", "2026-10-01", "eerste schooldag van oktober, een donderdag"),
                Arguments.of("2021-09-01", "2026-10-01", "jarig op de 1e: toch de maand erna"),
                Arguments.of("2021-09-30", "2026-10-01", "jarig op de laatste dag van de maand"),
                Arguments.of("2021-08-31", "2026-09-01", "september begint op een dinsdag"),
                Arguments.of("2021-07-20", "2026-08-24", "1 augustus valt in de zomervakantie"),
                Arguments.of("2021-12-05", "2027-01-04", "1 januari valt in de kerstvakantie"),
                Arguments.of("2021-10-31", "2026-11-02", "1 november is een zondag"),
                Arguments.of("2020-02-29", "2025-04-01", "5 jaar op 1 maart 2025"));
    }

    @ParameterizedTest(name = "§2 leerplicht: geboren {0} → volledige leerplicht t/m {1}")
    @MethodSource
    void eindeVolledigeLeerplicht(String geboren, String einde) {
        assertThat(Leerplicht.eindeVolledigeLeerplicht(d(geboren))).isEqualTo(d(einde));
    }

    static Stream<Arguments> eindeVolledigeLeerplicht() {
        return Stream.of(
                Arguments.of("2010-09-10", "2027-07-31"),
                Arguments.of("2010-07-31", "2026-07-31"),
                Arguments.of("2010-08-01", "2027-07-31"));
    }

    @ParameterizedTest(name = "§3 age: geboren {0}, op {1} is de leerling {2}")
    @MethodSource
    void leeftijd(String geboren, String dag, int jaren) {
        assertThat(Leerplicht.leeftijdOp(d(geboren), d(dag))).isEqualTo(jaren);
    }

    static Stream<Arguments> leeftijd() {
        return Stream.of(
                Arguments.of("2008-11-02", "2026-11-02", 18),
                Arguments.of("2008-11-02", "2026-11-01", 17),
                Arguments.of("2003-11-02", "2026-11-02", 23),
                Arguments.of("2008-02-29", "2026-02-28", 17),
                Arguments.of("2008-02-29", "2026-03-01", 18));
    }
}
