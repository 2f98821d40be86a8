package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Afwezigheidscode.ONG;
import static nl.verzuim.connector.rules.Afwezigheidscode.TL;
import static nl.verzuim.connector.rules.Afwezigheidscode.UIT;
import static nl.verzuim.connector.rules.Afwezigheidscode.ZK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.verzuim.connector.rules.Signaalregel.Telling;
import nl.verzuim.connector.rules.Signaalregel.Venster;

/**
 * A signal rule that cannot mean anything is refused when the school file is read, with the key that is wrong named
 * in Dutch (phase 2 adds the file and line). And the steps: "3, 6, 9", and "50, daarna elke 50".
 */
class SignaalregelTest {

    static Stream<Arguments> fouten() {
        return Stream.<Arguments>of(
                fout("naam in kleine letters", () -> stappen("te_laat", Telling.REGISTRATIES, Set.of(TL), 3), "naam moet passen"),
                fout("naam langer dan de kolom soort (40)", () -> stappen("A".repeat(41), Telling.DAGEN, Set.of(ONG), 3),
                        "ten hoogste 40"),
                fout("naam van een landelijk ZAS-signaal", () -> stappen("ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN",
                        Telling.ZIEKTEDAGEN, Set.of(ZK), 3), "landelijke soort"),
                fout("naam die met ZAS_ begint", () -> stappen("ZAS_EIGEN", Telling.DAGEN, Set.of(ZK), 3), "ZAS_"),
                fout("naam van een DUO-verzuimsoort", () -> stappen("RELATIEF_16_UUR", Telling.MINUTEN, Set.of(ONG), 600),
                        "landelijke soort"),
                fout("geen codes", () -> stappen("X", Telling.DAGEN, Set.of(), 3), "codes: geef"),
                fout("UIT telt niet", () -> stappen("X", Telling.REGISTRATIES, Set.of(UIT), 3), "UIT"),
                fout("geen stappen", () -> stappen("X", Telling.REGISTRATIES, Set.of(TL)), "stappen: geef"),
                fout("stappen die niet oplopen", () -> stappen("X", Telling.REGISTRATIES, Set.of(TL), 3, 3), "oplopen"),
                fout("stap 0", () -> stappen("X", Telling.REGISTRATIES, Set.of(TL), 0), "positief"),
                fout("daarna_elke negatief", () -> stappen("X", Telling.MINUTEN, Set.of(TL), 50).metDaarnaElke(-1),
                        "daarna_elke"),
                fout("na_de_eerste bij ziektedagen", () -> Signaalregel.ziektedagen("X", null, Set.of(ZK), 4)
                        .metNaDeEerste(1), "na_de_eerste"),
                fout("ziektedagen met een ander venster", () -> new Signaalregel("X", null, Set.of(ZK), Telling.ZIEKTEDAGEN,
                        List.of(4), 0, 0, 0, 0, Venster.schooljaar(), Set.of()), "geef geen venster"),
                fout("venster ziekmelding bij registraties", () -> new Signaalregel("X", null, Set.of(TL),
                        Telling.REGISTRATIES, List.of(3), 0, 0, 0, 0, Venster.ziekmelding(), Set.of()),
                        "alleen bij telt: ziektedagen"),
                fout("weekdagpatroon met minstens 1", () -> Signaalregel.weekdagpatroon("X", null, Set.of(ZK), 1, 4,
                        Venster.schooljaar()), "minstens"),
                fout("weekdagpatroon met laatste < minstens", () -> Signaalregel.weekdagpatroon("X", null, Set.of(ZK),
                        3, 2, Venster.schooljaar()), "minstens ≤ laatste"),
                fout("weekdagpatroon met stappen", () -> new Signaalregel("X", null, Set.of(ZK), Telling.WEEKDAGPATROON,
                        List.of(3), 0, 0, 4, 3, Venster.schooljaar(), Set.of()), "geen stappen"),
                fout("laatste bij een regel met stappen", () -> new Signaalregel("X", null, Set.of(ZK), Telling.ZIEKMELDINGEN,
                        List.of(3), 0, 0, 4, 3, Venster.schooljaar(), Set.of()), "alleen bij telt: weekdagpatroon"),
                fout("wijkt_voor OVERIG", () -> stappen("X", Telling.MINUTEN, Set.of(ONG), 600)
                        .metWijktVoor(Verzuimsoort.OVERIG), "OVERIG"),
                fout("geen venster", () -> new Signaalregel("X", null, Set.of(TL), Telling.REGISTRATIES, List.of(3), 0, 0, 0,
                        0, null, Set.of()), "venster ontbreekt"),
                fout("0 lesweken", () -> Venster.lesweken(0), "tussen 1 en 52"),
                fout("53 lesweken", () -> Venster.lesweken(53), "tussen 1 en 52"),
                fout("13 kalendermaanden", () -> Venster.kalendermaanden(13), "tussen 1 en 12"),
                fout("twee regels met dezelfde naam", () -> new Regelinstellingen(false, List.of(Beleid002.TE_LAAT,
                        Beleid002.TE_LAAT)), "twee keer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fouten")
    void eenRegelDieNietsKanBetekenenWordtGeweigerd(String naam, Supplier<Object> maak, String melding) {
        assertThatThrownBy(maak::get).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(melding);
    }

    @Test
    void stappen369() {
        Signaalregel regel = Beleid002.TE_LAAT;
        assertThat(List.of(2L, 3L, 5L, 6L, 8L, 9L, 100L).stream().map(regel::hoogsteStap))
                .containsExactly(-1, 0, 0, 1, 1, 2, 2);
        assertThat(regel.stappenTekst()).isEqualTo("3, 6 en 9");
    }

    @Test
    void stappen50DaarnaElke50() {
        Signaalregel regel = Beleid002.TE_LAAT_MINUTEN;
        assertThat(List.of(0, 1, 2, 3).stream().map(regel::stap)).containsExactly(50L, 100L, 150L, 200L);
        assertThat(List.of(49L, 50L, 99L, 100L, 160L, 1000L).stream().map(regel::hoogsteStap))
                .containsExactly(-1, 0, 0, 1, 2, 19);
        assertThat(regel.stappenTekst()).isEqualTo("50, daarna elke 50");
    }

    @Test
    void zonderSignaalregelsIsDeStandaard() {
        assertThat(Regelinstellingen.STANDAARD.signalen()).isEmpty();
        assertThat(new Regelinstellingen(true).signalen()).isEmpty();
        assertThat(new Regelinstellingen(false, null)).isEqualTo(Regelinstellingen.STANDAARD);
    }

    private static Signaalregel stappen(String naam, Telling telt, Set<Afwezigheidscode> codes, Integer... stappen) {
        return Signaalregel.stappen(naam, null, telt, codes, Venster.schooljaar(), stappen);
    }

    private static Arguments fout(String naam, Supplier<Object> maak, String melding) {
        return Arguments.of(naam, maak, melding);
    }
}
