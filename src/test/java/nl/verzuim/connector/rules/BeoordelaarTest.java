package nl.verzuim.connector.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * First cases of the rules, each naming the rule of ../shared/domain/verzuim-domain.md it checks. The school: 330
 * lesminuten Mon/Tue/Thu/Fri and 210 on Wednesday; herfstvakantie 17–25 October 2026.
 */
class BeoordelaarTest {

    static final Schoolkalender KALENDER = new Schoolkalender(
            Map.of(DayOfWeek.MONDAY, 330, DayOfWeek.TUESDAY, 330, DayOfWeek.WEDNESDAY, 210, DayOfWeek.THURSDAY, 330,
                    DayOfWeek.FRIDAY, 330),
            List.of(new Schoolkalender.Vakantie("herfstvakantie", LocalDate.of(2026, 10, 17), LocalDate.of(2026, 10, 25))),
            Set.of(LocalDate.of(2026, 12, 25)));
    static final Leerling TWAALF_JAAR = new Leerling("L1", LocalDate.of(2014, 3, 17), false);

    @Test
    void zestienUur_959MinutenIsGeenMelding_960Wel() {
        // §3 "16 uur in 4 weken (960 minutes)": the sum must reach 960.
        List<Registratie> net = List.of(
                Registratie.minuten(d("2026-11-02"), 330, Afwezigheidscode.ONG),
                Registratie.minuten(d("2026-11-03"), 330, Afwezigheidscode.ONG),
                Registratie.minuten(d("2026-11-05"), 299, Afwezigheidscode.ONG));
        assertThat(duo(net, d("2026-11-20"))).isEmpty();
        List<Registratie> genoeg = new ArrayList<>(net);
        genoeg.add(Registratie.minuten(d("2026-11-06"), 1, Afwezigheidscode.TL));
        List<Beslissing> beslissingen = duo(genoeg, d("2026-11-20"));
        assertThat(beslissingen).singleElement().satisfies(b -> {
            assertThat(b.soort()).isEqualTo(Verzuimsoort.RELATIEF_16_UUR);
            assertThat(b.begindatum()).isEqualTo(d("2026-11-02"));
            assertThat(b.einddatum()).as("de dag waarop de grens bereikt werd").isEqualTo(d("2026-11-06"));
            assertThat(b.uren()).isEqualByComparingTo(new BigDecimal("16.00"));
            assertThat(b.uitleg()).contains("960 minuten").contains("1 minuten te laat");
        });
    }

    @Test
    void zestienUur_luxeMinutenTellenNietMee() {
        // §3 "LUX minutes do not count towards the 16 hours": 870 LUX + 330 ONG stays below 960 ongeoorloofd.
        List<Registratie> registraties = new ArrayList<>();
        for (String dag : List.of("2026-11-02", "2026-11-03", "2026-11-04")) {
            registraties.add(Registratie.minuten(d(dag), 330, Afwezigheidscode.LUX));
        }
        registraties.add(Registratie.minuten(d("2026-11-06"), 330, Afwezigheidscode.ONG));
        assertThat(duo(registraties, d("2026-11-20"))).extracting(Beslissing::soort)
                .containsExactly(Verzuimsoort.LUXE);
    }

    @Test
    void vierjarigeKrijgtGeenDuoMelding() {
        // §3 "Who is subject to it": leerplichtig from the first school day of the month after the 5th birthday.
        Leerling vier = new Leerling("L4", LocalDate.of(2022, 1, 10), false);
        List<Registratie> heleWeken = volledigAfwezig(d("2026-10-26"), d("2026-11-20"));
        assertThat(Beoordelaar.beoordeel(vier, KALENDER, Regelinstellingen.STANDAARD, heleWeken, d("2026-11-20"), List.of())
                .stream().filter(b -> b.kanaal() == Kanaal.DUO)).isEmpty();
    }

    @Test
    void ziekteMaaktNooitEenDuoMelding() {
        // §2 "Ziekteverzuim ... must not report it to DUO".
        List<Registratie> ziek = new ArrayList<>();
        for (LocalDate dag = d("2026-10-26"); !dag.isAfter(d("2026-11-20")); dag = dag.plusDays(1)) {
            if (KALENDER.isSchooldag(dag)) {
                ziek.add(Registratie.heleDag(dag, Afwezigheidscode.ZK));
            }
        }
        List<Beslissing> beslissingen = Beoordelaar.beoordeel(TWAALF_JAAR, KALENDER, Regelinstellingen.STANDAARD, ziek,
                d("2026-11-20"), List.of());
        assertThat(beslissingen).noneMatch(b -> b.kanaal() == Kanaal.DUO);
        assertThat(beslissingen).extracting(Beslissing::soort)
                .contains(Signaal.ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN, Categorie.B_LANGDURIG_GEOORLOOFD_VERZUIM);
    }

    @Test
    void lrvNaAchtentwintigKalenderdagenMetDeHerfstvakantieErin() {
        // §3 "LRV / RMC (28 days)": vacation weeks inside the run count.
        List<Registratie> run = volledigAfwezig(d("2026-10-08"), d("2026-11-06"));
        List<Beslissing> lrv = duo(run, d("2026-11-20")).stream()
                .filter(b -> b.soort() == Verzuimsoort.LANGDURIG_RELATIEF).toList();
        assertThat(lrv).singleElement().satisfies(b -> {
            assertThat(b.begindatum()).isEqualTo(d("2026-10-08"));
            assertThat(b.beslotenOp()).as("eerste schooldag op of na D0+27").isEqualTo(d("2026-11-04"));
            assertThat(b.einddatum()).isEqualTo(d("2026-11-06"));
        });
    }

    @Test
    void dezelfdeRegistratieTweeKeerTeltEenKeer() {
        // §3 "Registrations are identified by (leerling_id, datum, begintijd, code)": the later one replaces.
        List<Registratie> dubbel = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            dubbel.add(Registratie.minuten(d("2026-11-02"), 330, Afwezigheidscode.ONG));
            dubbel.add(Registratie.minuten(d("2026-11-03"), 330, Afwezigheidscode.ONG));
        }
        assertThat(duo(dubbel, d("2026-11-20"))).isEmpty();
    }

    static List<Beslissing> duo(List<Registratie> registraties, LocalDate peildatum) {
        return Beoordelaar.beoordeel(TWAALF_JAAR, KALENDER, Regelinstellingen.STANDAARD, registraties, peildatum, List.of())
                .stream().filter(b -> b.kanaal() == Kanaal.DUO).toList();
    }

    static List<Registratie> volledigAfwezig(LocalDate van, LocalDate tot) {
        List<Registratie> registraties = new ArrayList<>();
        for (LocalDate dag = van; !dag.isAfter(tot); dag = dag.plusDays(1)) {
            if (KALENDER.isSchooldag(dag)) {
                registraties.add(Registratie.heleDag(dag, Afwezigheidscode.ONG));
            }
        }
        return registraties;
    }

    static LocalDate d(String tekst) {
        return LocalDate.parse(tekst);
    }
}
