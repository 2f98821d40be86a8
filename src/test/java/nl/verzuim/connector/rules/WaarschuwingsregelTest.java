package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Testschool.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.verzuim.connector.rules.Waarschuwingsregel.Oorzaak;
import nl.verzuim.connector.rules.Waarschuwingsregel.SchoolStand;
import nl.verzuim.connector.rules.Waarschuwingsregel.Stand;
import nl.verzuim.connector.rules.Waarschuwingsregel.Waarschuwing;

/**
 * Alerts to IT (src/docs/operating.md, "Alerts to IT"), one table per cause, on {@link Testschool}'s calendar
 * (herfstvakantie 17–25 Oct 2026, kerstvakantie 19 Dec 2026–3 Jan 2027, last vakantie known: zomervakantie 2027 until
 * 22 Aug 2027).
 */
class WaarschuwingsregelTest {

    private static final String SCHOOL = "12AB00";

    @ParameterizedTest(name = "geen registratie-export voor {2} schooldagen: laatste {0}, peildatum {1} → {3} ({4})")
    @MethodSource
    void geenExport(String laatste, String peildatum, int drempel, boolean waarschuwing, String waarom) {
        Stand stand = stand(d(peildatum), drempel, laatste == null ? null : d(laatste), 0, 0, List.of(), null);
        assertThat(oorzaken(stand)).as(waarom).containsExactly(waarschuwing ? new Oorzaak[] {Oorzaak.GEEN_EXPORT}
                : new Oorzaak[0]);
    }

    static Stream<Arguments> geenExport() {
        return Stream.of(
                Arguments.of("2026-11-16", "2026-11-18", 2, false, "di gemist; vandaag (wo) telt nog niet"),
                Arguments.of("2026-11-16", "2026-11-19", 2, true, "di en wo gemist"),
                Arguments.of("2026-11-16", "2026-11-19", 3, false, "drempel 3: twee gemist is nog goed"),
                Arguments.of("2026-11-13", "2026-11-17", 2, false, "het weekend telt niet: alleen ma gemist"),
                Arguments.of("2026-10-16", "2026-10-26", 2, false, "de herfstvakantie telt niet"),
                Arguments.of("2026-10-16", "2026-10-28", 2, true, "na de herfstvakantie ma en di gemist"),
                Arguments.of("2026-12-24", "2026-12-29", 2, false, "de vrije dag 25-12 en de kerstvakantie tellen niet"),
                Arguments.of(null, "2026-11-18", 2, true, "nog nooit een export ontvangen"));
    }

    @ParameterizedTest(name = "dode brieven {0}, quarantaine {1} → {2}")
    @MethodSource
    void doodlopersEnQuarantaine(long doodlopers, long quarantaine, List<Oorzaak> verwacht) {
        assertThat(oorzaken(stand(d("2026-11-18"), 2, d("2026-11-17"), doodlopers, quarantaine, List.of(), null)))
                .isEqualTo(verwacht);
    }

    static Stream<Arguments> doodlopersEnQuarantaine() {
        return Stream.of(
                Arguments.of(0L, 0L, List.of()),
                Arguments.of(1L, 0L, List.of(Oorzaak.DOODLOPERS)),
                Arguments.of(0L, 3L, List.of(Oorzaak.QUARANTAINE)),
                Arguments.of(2L, 1L, List.of(Oorzaak.DOODLOPERS, Oorzaak.QUARANTAINE)));
    }

    @ParameterizedTest(name = "DUO-termijn {1} op peildatum {0} → {2} ({3})")
    @MethodSource
    void duoTermijnBinnenEenDag(String peildatum, String termijn, boolean waarschuwing, String waarom) {
        Stand stand = stand(d(peildatum), 2, d(peildatum).minusDays(1), 0, 0, List.of(d(termijn)), null);
        assertThat(oorzaken(stand)).as(waarom).isEqualTo(waarschuwing ? List.of(Oorzaak.DUO_TERMIJN) : List.of());
    }

    static Stream<Arguments> duoTermijnBinnenEenDag() {
        return Stream.of(
                Arguments.of("2026-11-18", "2026-11-18", true, "verloopt vandaag"),
                Arguments.of("2026-11-18", "2026-11-19", true, "verloopt morgen"),
                Arguments.of("2026-11-18", "2026-11-20", false, "nog twee dagen"),
                Arguments.of("2026-11-18", "2026-11-17", false, "al verlopen: de pagina toont 'te laat', geen alarm"));
    }

    @ParameterizedTest(name = "certificaat geldig tot {1}, peildatum {0} → {2}")
    @MethodSource
    void certificaat(String peildatum, String tot, boolean waarschuwing) {
        Stand stand = stand(d(peildatum), 2, d(peildatum).minusDays(1), 0, 0, List.of(), tot == null ? null : d(tot));
        assertThat(oorzaken(stand)).isEqualTo(waarschuwing ? List.of(Oorzaak.CERTIFICAAT) : List.of());
    }

    static Stream<Arguments> certificaat() {
        return Stream.of(
                Arguments.of("2026-11-18", "2026-12-18", true),
                Arguments.of("2026-11-18", "2026-12-19", false),
                Arguments.of("2026-11-18", "2026-11-10", true),
                Arguments.of("2026-11-18", null, false));
    }

    @ParameterizedTest(name = "kalender op peildatum {0} → {1} ({2})")
    @MethodSource
    void kalenderZonderVakantiesVoorDeKomendeWeken(String peildatum, boolean waarschuwing, String waarom) {
        Stand stand = stand(d(peildatum), 2, d(peildatum).minusDays(1), 0, 0, List.of(), null);
        assertThat(oorzaken(stand)).as(waarom).isEqualTo(waarschuwing ? List.of(Oorzaak.KALENDER) : List.of());
    }

    static Stream<Arguments> kalenderZonderVakantiesVoorDeKomendeWeken() {
        return Stream.of(
                Arguments.of("2027-06-01", false, "de zomervakantie 2027 ligt nog verder dan 4 weken"),
                Arguments.of("2027-07-25", false, "4 weken verder is het nog zomervakantie (tot 22-08)"),
                Arguments.of("2027-07-26", true, "4 weken verder (23-08) kent de kalender niets meer"),
                Arguments.of("2027-09-06", true, "het nieuwe schooljaar is niet ingevuld"));
    }

    @ParameterizedTest(name = "de sleutel: één waarschuwing per oorzaak (en school) per dag")
    @MethodSource
    void sleutel(Waarschuwing w, String verwacht) {
        assertThat(w.sleutel(d("2026-11-18"))).isEqualTo(verwacht);
    }

    static Stream<Arguments> sleutel() {
        return Stream.of(
                Arguments.of(new Waarschuwing(Oorzaak.GEEN_EXPORT, SCHOOL, ""), "waarschuwing:GEEN_EXPORT:12AB00:2026-11-18"),
                Arguments.of(new Waarschuwing(Oorzaak.QUARANTAINE, "", ""), "waarschuwing:QUARANTAINE::2026-11-18"));
    }

    private static Stand stand(LocalDate peildatum, int drempel, LocalDate laatsteExport, long doodlopers,
                               long quarantaine, List<LocalDate> termijnen, LocalDate certificaat) {
        return new Stand(peildatum, drempel, List.of(new SchoolStand(SCHOOL, Testschool.KALENDER, laatsteExport)),
                doodlopers, quarantaine, termijnen, certificaat);
    }

    private static List<Oorzaak> oorzaken(Stand stand) {
        List<Waarschuwing> ws = Waarschuwingsregel.watGeldt(stand);
        ws.forEach(w -> assertThat(w.tekst()).doesNotContainIgnoringCase("leerling"));
        return Arrays.asList(ws.stream().map(Waarschuwing::oorzaak).toArray(Oorzaak[]::new));
    }
}
