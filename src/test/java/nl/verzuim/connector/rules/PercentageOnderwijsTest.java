package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Testschool.KALENDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The percentage onderwijs bucket of the last 4 lesweken (domain §4 "Percentage onderwijs"; seed 001). */
class PercentageOnderwijsTest {

    @ParameterizedTest(name = "§4 percentage onderwijs: {0} → {1}")
    @MethodSource
    void percentage(Geval geval, int percentage) {
        assertThat(PercentageOnderwijs.over4Lesweken(geval.registraties, KALENDER, geval.peildatum))
                .isEqualTo(percentage);
    }

    static Stream<Arguments> percentage() {
        return Stream.of(
                Arguments.of(Geval.geval("geen verzuim").peildatum("2026-11-27"), 100),
                Arguments.of(Geval.geval("1 van 4 lesweken afwezig").heleDagen(Afwezigheidscode.ONG, "2026-11-23",
                        "2026-11-27").peildatum("2026-11-27"), 75),
                Arguments.of(Geval.geval("2 van 4 lesweken afwezig").heleDagen(Afwezigheidscode.ONG, "2026-11-16",
                        "2026-11-27").peildatum("2026-11-27"), 50),
                Arguments.of(Geval.geval("3 van 4 lesweken afwezig").heleDagen(Afwezigheidscode.ONG, "2026-11-09",
                        "2026-11-27").peildatum("2026-11-27"), 25),
                Arguments.of(Geval.geval("4 van 4 lesweken afwezig").heleDagen(Afwezigheidscode.ONG, "2026-11-02",
                        "2026-11-27").peildatum("2026-11-27"), 0),
                // Last school day on or before 21-10 is 16-10: lesweken 21-09 (1200), 28-09, 05-10, 12-10 = 5790;
                // 2730 followed = 47 % → 50.
                Arguments.of(Geval.geval("peildatum in de herfstvakantie: de 4 lesweken ervoor")
                        .heleDagen(Afwezigheidscode.ONG, "2026-10-05", "2026-10-16").peildatum("2026-10-21"), 50),
                Arguments.of(Geval.geval("ziek telt als afwezig").heleDagen(Afwezigheidscode.ZK, "2026-11-23",
                        "2026-11-27").peildatum("2026-11-27"), 75),
                Arguments.of(Geval.geval("uit de les gestuurd is aanwezig").heleDagen(Afwezigheidscode.UIT,
                        "2026-11-23", "2026-11-27").peildatum("2026-11-27"), 100),
                // Capped at 330 a day: (6120 − 660) / 6120 = 89 % → 100 (uncapped 2000 would give 67 % → 75).
                Arguments.of(Geval.geval("meer minuten dan de lesdag tellen als de hele lesdag")
                        .minuten(Afwezigheidscode.ONG, "2026-11-23", 1000).minuten(Afwezigheidscode.ONG, "2026-11-24", 1000)
                        .peildatum("2026-11-27"), 100),
                // Window up to wo 25-11: 3 × 1530 + 870 = 5460 planned, 870 absent: 84 % → 75.
                Arguments.of(Geval.geval("midden in de week: t/m de peildatum")
                        .heleDagen(Afwezigheidscode.ONG, "2026-11-23", "2026-11-25").peildatum("2026-11-25"), 75));
    }
}
