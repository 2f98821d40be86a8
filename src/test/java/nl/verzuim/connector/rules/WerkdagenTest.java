package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Testschool.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Domain §2: "Monday–Friday, vakanties included, the Dutch public holidays excluded (nieuwjaarsdag, goede vrijdag,
 * tweede paasdag, koningsdag, bevrijdingsdag, hemelvaartsdag, tweede pinksterdag, eerste en tweede kerstdag)".
 */
class WerkdagenTest {

    @ParameterizedTest(name = "§2 feestdag: {0} is {1}")
    @MethodSource
    void feestdagen(String dag, String naam) {
        assertThat(Werkdagen.feestdag(d(dag))).isEqualTo(naam);
        assertThat(Werkdagen.isWerkdag(d(dag))).isFalse();
    }

    static Stream<Arguments> feestdagen() {
        return Stream.of(
                Arguments.of("2027-01-01", "nieuwjaarsdag"),
                Arguments.of("2027-03-26", "goede vrijdag"),
                Arguments.of("2027-03-29", "tweede paasdag"),
                Arguments.of("2027-04-27", "koningsdag"),
                Arguments.of("2027-05-05", "bevrijdingsdag"),
                Arguments.of("2027-05-06", "hemelvaartsdag"),
                Arguments.of("2027-05-17", "tweede pinksterdag"),
                Arguments.of("2026-12-25", "eerste kerstdag"),
                Arguments.of("2025-12-26", "tweede kerstdag"),
                // Bevrijdingsdag every year, not only in a lustrum year (2025, 2030) — as the reference lists it.
                Arguments.of("2026-05-05", "bevrijdingsdag"));
    }

    @ParameterizedTest(name = "§2 Easter computed: eerste paasdag {0} is {1}")
    @MethodSource
    void pasen(int jaar, String pasen) {
        assertThat(Werkdagen.eerstePaasdag(jaar)).isEqualTo(d(pasen));
    }

    static Stream<Arguments> pasen() {
        return Stream.of(
                Arguments.of(2008, "2008-03-23"),
                Arguments.of(2011, "2011-04-24"),
                Arguments.of(2019, "2019-04-21"),
                Arguments.of(2024, "2024-03-31"),
                Arguments.of(2025, "2025-04-20"),
                Arguments.of(2026, "2026-04-05"),
                Arguments.of(2027, "2027-03-28"),
                Arguments.of(2038, "2038-04-25"));
    }

    @ParameterizedTest(name = "§2 koningsdag {0}: {1}")
    @MethodSource
    void koningsdag(int jaar, String dag) {
        assertThat(Werkdagen.koningsdag(jaar)).isEqualTo(d(dag));
    }

    static Stream<Arguments> koningsdag() {
        return Stream.of(
                Arguments.of(2026, "2026-04-27"),
                // 27 April 2025 was a Sunday: koningsdag on Saturday 26 April.
                Arguments.of(2025, "2025-04-26"),
                Arguments.of(2031, "2031-04-26"));
    }

    @ParameterizedTest(name = "§2 werkdag: {0} → {1}")
    @MethodSource
    void werkdagen(String dag, boolean werkdag) {
        assertThat(Werkdagen.isWerkdag(d(dag))).isEqualTo(werkdag);
    }

    static Stream<Arguments> werkdagen() {
        return Stream.of(
                Arguments.of("2026-10-19", true),   // herfstvakantie: vakanties included
                Arguments.of("2026-12-24", true),   // kerstavond is no public holiday
                Arguments.of("2026-12-31", true),   // oudejaarsdag neither
                Arguments.of("2027-03-28", false),  // eerste paasdag: a Sunday
                Arguments.of("2027-04-26", true),
                Arguments.of("2026-11-07", false),  // Saturday
                Arguments.of("2027-05-16", false)); // eerste pinksterdag: a Sunday
    }
}
