package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Afwezigheidscode.ONG;
import static nl.verzuim.connector.rules.Afwezigheidscode.TL;
import static nl.verzuim.connector.rules.Afwezigheidscode.ZK;
import static nl.verzuim.connector.rules.Geval.geval;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A school's signal says, like every decision, which registrations counted, in which window and which step — so that
 * the verzuimcoördinator can redo the count from the LAS.
 */
class SignaaluitlegTest {

    @Test
    void teLaatNoemtDeStapHetSchooljaarEnElkeKeer() {
        Beslissing b = enige(geval("te laat").signalen(Beleid002.TE_LAAT).vanaf(TL, "2026-09-07", "08:30", 10)
                .vanaf(TL, "2026-09-07", "11:00", 5).minuten(TL, "2026-09-08", 10).peildatum("2026-09-30"));
        assertThat(b.soort()).isEqualTo(new Schoolsignaal("TE_LAAT", "3"));
        assertThat(b.uitleg()).startsWith("Signaal van de school: Te laat komen (TE_LAAT), stap 3 bereikt op 08-09-2026:"
                        + " 3 registraties te laat (TL)")
                .contains("in het schooljaar 2026-2027 (vanaf 01-08-2026)")
                .contains("geteld t/m 08-09-2026: 07-09-2026 (2 keer) en 08-09-2026.")
                .contains("Stappen: 3, 6 en 9.");
        assertThat(b.verzuimoverzicht()).extracting(Registratie::datum).map(Object::toString)
                .containsExactly("2026-09-07", "2026-09-07", "2026-09-08");
    }

    @Test
    void minutenNaDeNegendeNoemenWatNietMeetelt() {
        Geval geval = geval("50 minuten").signalen(Beleid002.TE_LAAT_MINUTEN).dagelijks(TL, "2026-09-07", "2026-09-17", 10)
                .minuten(TL, "2026-09-18", 120).peildatum("2026-09-30");
        Beslissing b = enige(geval);
        // 07-09 .. 17-09 are 9 school days: the 9 not counted; 120 minutes on 18-09 pass 50 and 100.
        assertThat(b.uitleg()).contains("stap 100 bereikt op 18-09-2026: 120 minuten te laat (TL)")
                .contains("geteld t/m 18-09-2026: 18-09-2026 120 min.")
                .contains("De eerste 9 registraties in dit venster (t/m 17-09-2026) tellen niet mee.")
                .contains("Stappen: 50, daarna elke 50.").contains("Op dezelfde dag is ook stap 50 bereikt.");
        assertThat(b.verzuimoverzicht()).extracting(Registratie::datum).map(Object::toString).containsExactly("2026-09-18");
    }

    @Test
    void eenLangVensterNoemtDeLaatste20DagenEnTeltDeEerdereSamen() {
        // 9 late arrivals 07-09..17-09, then 2 minutes on each school day from 18-09 (25-09 and the herfstvakantie
        // are no school days): 25 days, 50 minutes on 30-10. Named: 28-09 onwards; 18-09 to 24-09 (5 days) summed.
        Beslissing b = enige(geval("50 minuten in kleine stukjes").signalen(Beleid002.TE_LAAT_MINUTEN)
                .dagelijks(TL, "2026-09-07", "2026-09-17", 10).dagelijks(TL, "2026-09-18", "2026-10-30", 2)
                .peildatum("2026-10-30"));
        assertThat(b.uitleg()).contains("stap 50 bereikt op 30-10-2026: 50 minuten te laat (TL)")
                .contains("geteld t/m 30-10-2026: 18-09-2026 t/m 24-09-2026: 10 min, 28-09-2026 2 min, ")
                .contains(", 29-10-2026 2 min en 30-10-2026 2 min.");
        assertThat(b.verzuimoverzicht()).as("every registration counted").hasSize(25);
    }

    @Test
    void lesweken_noemenDeMaandagenEnDeMinutenPerDag_enWaarvoorHetWijkt() {
        Beslissing b = enige(geval("bijna 16 uur over de herfstvakantie").signalen(Beleid002.BIJNA_16_UUR)
                .minuten(ONG, "2026-10-01", 330).minuten(TL, "2026-10-12", 30).minuten(ONG, "2026-10-26", 240)
                .peildatum("2026-10-30"));
        assertThat(b.uitleg()).contains("600 minuten ongeoorloofd afwezig (ONG) of te laat (TL)")
                .contains("in de 4 lesweken die beginnen op 28-09-2026, 05-10-2026, 12-10-2026 en 26-10-2026")
                .contains("01-10-2026 330 min, 12-10-2026 30 min en 26-10-2026 240 min")
                .contains("Drempel: 600.")
                .contains("geen DUO-melding 16 uur in 4 weken, langdurig relatief verzuim of RMC in dit venster");
    }

    @Test
    void ziektedagNoemtDeReeksEnDeDagen() {
        Beslissing b = enige(geval("ziektedag 4 over het weekend").signalen(Beleid002.ZIEKTEDAG)
                .heleDagen(ZK, "2026-11-05", "2026-11-10").peildatum("2026-11-10"));
        assertThat(b.uitleg()).contains("stap 4 bereikt op 10-11-2026: de 4e schooldag aaneengesloten ziek (ZK), sinds"
                        + " 05-11-2026")
                .contains("05-11-2026, 06-11-2026, 09-11-2026 en 10-11-2026").contains("Stappen: 4 en 6.");
    }

    @Test
    void ziekmeldingenInTweeMaandenNoemenHetVensterEnDeBegindagen() {
        Beslissing b = enige(geval("3e ziekmelding").signalen(Beleid002.DERDE_ZIEKMELDING).heleDag(ZK, "2026-09-15")
                .heleDagen(ZK, "2026-10-01", "2026-10-02").heleDag(ZK, "2026-11-12").peildatum("2026-11-20"));
        assertThat(b.uitleg()).contains("3 ziekmeldingen in 2 kalendermaanden, van 13-09-2026 t/m 12-11-2026")
                .contains("15-09-2026, 01-10-2026 en 12-11-2026").contains("Drempel: 3.");
        assertThat(b.verzuimoverzicht()).as("the three ziekmeldingen, the second with both its days")
                .extracting(Registratie::datum).map(Object::toString)
                .containsExactly("2026-09-15", "2026-10-01", "2026-10-02", "2026-11-12");
    }

    @Test
    void weekdagpatroonNoemtDeZiekmeldingenMetHunWeekdag() {
        Beslissing b = enige(geval("maandagen").signalen(Beleid002.WEEKDAG).heleDag(ZK, "2026-09-07")
                .heleDag(ZK, "2026-09-16").heleDag(ZK, "2026-09-28").heleDag(ZK, "2026-10-12").peildatum("2026-10-16"));
        assertThat(b.soort()).isEqualTo(new Schoolsignaal("ZIEK_OP_DEZELFDE_WEEKDAG", "maandag"));
        assertThat(b.uitleg()).contains("van de laatste 4 ziekmeldingen in het schooljaar 2026-2027")
                .contains("begonnen er 3 op een maandag: 07-09-2026 (maandag), 16-09-2026 (woensdag), 28-09-2026"
                        + " (maandag) en 12-10-2026 (maandag)")
                .contains("minstens 3 van de laatste 4");
        assertThat(b.verzuimoverzicht()).as("the ziekmeldingen that make the pattern").extracting(Registratie::datum)
                .map(Object::toString).containsExactly("2026-09-07", "2026-09-28", "2026-10-12");
    }

    private static Beslissing enige(Geval geval) {
        List<Beslissing> signalen = geval.beoordeel().stream().filter(b -> b.soort() instanceof Schoolsignaal).toList();
        assertThat(signalen).as(geval.naam).hasSize(1);
        return signalen.get(0);
    }
}
