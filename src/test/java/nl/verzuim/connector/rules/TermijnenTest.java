package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Testschool.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.verzuim.connector.rules.Termijnen.Opschalingsmoment;
import nl.verzuim.connector.rules.Termijnen.Opschalingsstap;

/** Deadlines and dates (domain §2 "within 5 werkdagen", §4 opgave and escalation; seeds 001, 002, 004). */
class TermijnenTest {

    @ParameterizedTest(name = "§2 DUO-termijn, 5 werkdagen: besloten op {0} → uiterlijk {1} ({2})")
    @MethodSource
    void uitersteMelddatumDuo(String besloten, String uiterlijk, String waarom) {
        assertThat(Termijnen.uitersteMelddatumDuo(d(besloten))).isEqualTo(d(uiterlijk));
    }

    static Stream<Arguments> uitersteMelddatumDuo() {
        return Stream.of(
                Arguments.of("2026-11-06", "2026-11-13", "vrijdag: de volgende week"),
                Arguments.of("2026-11-07", "2026-11-13", "een zaterdag: 5 werkdagen erna"),
                Arguments.of("2026-10-12", "2026-10-19", "vakanties included: de herfstvakantie telt mee"),
                Arguments.of("2026-12-15", "2026-12-22", "vakanties included: de kerstvakantie telt mee"),
                Arguments.of("2026-09-21", "2026-09-28", "de vrije dag van de school (studiedag) telt mee"),
                Arguments.of("2026-12-22", "2026-12-30", "eerste kerstdag telt niet (tweede valt op zaterdag)"),
                Arguments.of("2026-12-28", "2027-01-05", "nieuwjaarsdag telt niet"),
                Arguments.of("2027-03-24", "2027-04-02", "over Pasen: goede vrijdag en tweede paasdag tellen niet"),
                Arguments.of("2026-04-02", "2026-04-13", "over Pasen 2026 (5 april): goede vrijdag 3-4, paasmaandag 6-4"),
                Arguments.of("2026-04-24", "2026-05-04", "koningsdag op maandag 27-04-2026 telt niet"),
                Arguments.of("2027-04-23", "2027-05-03", "koningsdag 27-04-2027 telt niet, de meivakantie wel"),
                Arguments.of("2027-05-03", "2027-05-12", "bevrijdingsdag 05-05 en hemelvaartsdag 06-05-2027 tellen niet"),
                Arguments.of("2027-05-14", "2027-05-24", "tweede pinksterdag 17-05-2027 telt niet"));
    }

    @ParameterizedTest(name = "§2 DUO-termijn: besloten {0}, verzonden {1} → gemist: {2}")
    @MethodSource
    void duoTermijnGemist(String besloten, String verzonden, boolean gemist) {
        assertThat(Termijnen.duoTermijnGemist(d(besloten), d(verzonden))).isEqualTo(gemist);
    }

    static Stream<Arguments> duoTermijnGemist() {
        return Stream.of(
                Arguments.of("2026-11-06", "2026-11-06", false),
                Arguments.of("2026-11-06", "2026-11-13", false),
                Arguments.of("2026-11-06", "2026-11-14", true),
                Arguments.of("2026-10-12", "2026-10-19", false),
                Arguments.of("2026-10-12", "2026-10-20", true));
    }

    @ParameterizedTest(name = "§4 opgave: na {0} is de volgende opgave vóór {1}")
    @MethodSource
    void volgendeOpgavedatum(String dag, String opgave) {
        assertThat(Termijnen.volgendeOpgavedatum(d(dag))).isEqualTo(d(opgave));
    }

    static Stream<Arguments> volgendeOpgavedatum() {
        return Stream.of(
                Arguments.of("2026-09-14", "2026-09-15"),
                Arguments.of("2026-09-15", "2026-12-15"),
                Arguments.of("2026-12-31", "2027-03-15"),
                Arguments.of("2027-01-01", "2027-03-15"),
                Arguments.of("2027-03-15", "2027-06-15"),
                Arguments.of("2027-06-16", "2027-09-15"));
    }

    @Test
    void opschalingNa4_8_11En13Weken() {
        // §4 escalation, counted from the first date of zorgwekkend verzuim (seed 004, Bijlage 1).
        assertThat(Termijnen.opschaling(d("2026-11-02"))).containsExactly(
                new Opschalingsmoment(Opschalingsstap.INTERCOLLEGIALE_AFSTEMMING, d("2026-11-30")),
                new Opschalingsmoment(Opschalingsstap.MANAGEMENTAFSTEMMING, d("2026-12-28")),
                new Opschalingsmoment(Opschalingsstap.ADVIESTAFEL, d("2027-01-18")),
                new Opschalingsmoment(Opschalingsstap.DIRECTEURENNIVEAU, d("2027-02-01")));
        assertThat(Opschalingsstap.MANAGEMENTAFSTEMMING.alleenDenHaag()).isTrue();
        assertThat(Opschalingsstap.ADVIESTAFEL.alleenDenHaag()).isFalse();
    }

    @ParameterizedTest(name = "§4 escalation: verzuim sinds 02-11-2026, op {0} is de stap {1}")
    @MethodSource
    void opschalingOp(String dag, Opschalingsstap stap) {
        assertThat(Termijnen.opschalingOp(d("2026-11-02"), d(dag))).isEqualTo(stap);
    }

    static Stream<Arguments> opschalingOp() {
        return Stream.of(
                Arguments.of("2026-11-29", null),
                Arguments.of("2026-11-30", Opschalingsstap.INTERCOLLEGIALE_AFSTEMMING),
                Arguments.of("2026-12-27", Opschalingsstap.INTERCOLLEGIALE_AFSTEMMING),
                Arguments.of("2026-12-28", Opschalingsstap.MANAGEMENTAFSTEMMING),
                Arguments.of("2027-01-18", Opschalingsstap.ADVIESTAFEL),
                Arguments.of("2027-02-01", Opschalingsstap.DIRECTEURENNIVEAU));
    }
}
