package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Afwezigheidscode.LUX;
import static nl.verzuim.connector.rules.Afwezigheidscode.ONG;
import static nl.verzuim.connector.rules.Afwezigheidscode.TL;
import static nl.verzuim.connector.rules.Afwezigheidscode.ZK;
import static nl.verzuim.connector.rules.Geval.geval;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Domain §3: "Every outcome carries the reason (which rule fired, with the figures: hours, days, window) so that a
 * person can check it." These check that the figures a school administrator needs to redo the sum are in the uitleg.
 */
class UitlegTest {

    @Test
    void zestienUurNoemtDeLesweken_DeMinutenPerDag_DeLeeftijdEnDeTermijn() {
        Beslissing b = enige(geval("16 uur over de herfstvakantie")
                .minuten(ONG, "2026-10-01", 330).minuten(ONG, "2026-10-12", 330).minuten(TL, "2026-10-26", 300)
                .peildatum("2026-11-06"), Kanaal.DUO);
        assertThat(b.uitleg())
                .contains("16,00 uur (960 minuten) ongeoorloofd verzuim, waarvan 300 minuten te laat")
                .contains("de 4 lesweken die beginnen op 28-09-2026, 05-10-2026, 12-10-2026 en 26-10-2026")
                .contains("01-10-2026 330 min, 12-10-2026 330 min, 26-10-2026 300 min")
                .contains("bereikt op 26-10-2026")
                .contains("Leeftijd op de eerste verzuimdag 01-10-2026: 12 jaar")
                // 5 werkdagen after ma 26-10: 27, 28, 29, 30 October and 2 November.
                .contains("Uiterlijk melden bij DUO: 02-11-2026");
    }

    @Test
    void zestienUurNaEenLrvNoemtAlleenDeGeteldeMinutenEnWatNietMeetelde() {
        // §3 "The keuzehulp's order": the figures are the minutes counted; the LRV's days are named, not counted.
        Beslissing b = geval("16 uur na een LRV").heleDagen(ONG, "2026-11-02", "2026-12-04")
                .heleDagen(ONG, "2026-12-09", "2026-12-18").peildatum("2026-12-18").beoordeel().stream()
                .filter(x -> x.soort() == Verzuimsoort.RELATIEF_16_UUR && x.einddatum().equals(Testschool.d("2026-12-14")))
                .findFirst().orElseThrow();
        assertThat(b.uitleg())
                .startsWith("16 uur in 4 weken: 20,00 uur (1200 minuten) ongeoorloofd verzuim")
                .contains("de 4 lesweken die beginnen op 23-11-2026, 30-11-2026, 07-12-2026 en 14-12-2026")
                .contains("geteld t/m 14-12-2026: 09-12-2026 210 min, 10-12-2026 330 min, 11-12-2026 330 min,"
                        + " 14-12-2026 330 min.")
                .contains("Niet meegeteld: 3060 minuten van 23-11-2026 t/m 04-12-2026, dagen van de melding langdurig"
                        + " relatief verzuim die op 30-11-2026 is besloten")
                // 5 werkdagen after ma 14-12: 15, 16, 17, 18 and 21 December (the kerstvakantie counts).
                .contains("Uiterlijk melden bij DUO: 21-12-2026 (5 werkdagen na 14-12-2026");
        assertThat(b.verzuimoverzicht()).as("only the registrations counted prove the melding")
                .extracting(Registratie::datum).map(Object::toString)
                .containsExactly("2026-12-09", "2026-12-10", "2026-12-11", "2026-12-14");
    }

    @Test
    void lrvNoemtSchooldagenKalenderdagenEnDeGrens() {
        Beslissing b = geval("LRV over de herfstvakantie").heleDagen(ONG, "2026-10-12", "2026-11-09")
                .peildatum("2026-11-13").beoordeel().stream()
                .filter(x -> x.soort() == Verzuimsoort.LANGDURIG_RELATIEF).findFirst().orElseThrow();
        // 12–16 Oct, 26–30 Oct, 2–6 Nov and 9 Nov: 16 school days; 12 Oct to 9 Nov inclusive: 29 calendar days.
        assertThat(b.uitleg()).contains("van 12-10-2026 t/m 09-11-2026, 16 schooldagen en 29 kalenderdagen")
                .contains("Op 09-11-2026 omvatte de reeks 29 kalenderdagen")
                .contains("12 jaar");
    }

    @Test
    void rmcEn18PlusNoemenDeAfspraakMetDeGemeente() {
        List<Beslissing> duo = geval("18 met afspraak").geboren("2008-11-02").meld18Plus16Uur()
                .heleDagen(ONG, "2026-11-02", "2026-12-04").peildatum("2026-12-04").beoordeel().stream()
                .filter(b -> b.kanaal() == Kanaal.DUO).toList();
        assertThat(duo).filteredOn(b -> b.soort() == Verzuimsoort.RMC).singleElement()
                .satisfies(b -> assertThat(b.uitleg()).startsWith("RMC-melding").contains(": 18 jaar"));
        assertThat(duo).filteredOn(b -> b.soort() == Verzuimsoort.RELATIEF_16_UUR).isNotEmpty()
                .allSatisfy(b -> assertThat(b.uitleg()).contains("meld_18_plus_16_uur").contains(": 18 jaar"));
    }

    @Test
    void luxeZegtDatHetNietMeetelt() {
        Beslissing b = enige(geval("luxe").heleDagen(LUX, "2026-11-02", "2026-11-04").peildatum("2026-11-06"),
                Kanaal.DUO);
        assertThat(b.uitleg()).contains("3 aaneengesloten schooldag(en), van 02-11-2026 t/m 04-11-2026")
                .contains("870 minuten").contains("telt niet mee voor de 16 uur");
    }

    @Test
    void otNoemtLesminutenPercentagesEnReden() {
        Beslissing b = enige(geval("OT met vrije dag").heleDagen(ONG, "2026-10-05", "2026-10-16")
                .peildatum("2026-10-16"), Kanaal.OT);
        assertThat(b.uitleg()).contains("OT categorie A")
                .contains("21-09-2026, 28-09-2026, 05-10-2026 en 12-10-2026 (t/m 16-10-2026)")
                .contains("5790 lesminuten gepland").contains("ongeoorloofd 3060 minuten (53%)")
                .contains("meer dan de helft (2895 minuten)")
                .contains("Startdatum verzuim (eerste schooldag met afwezigheid in dit venster): 05-10-2026")
                .contains("Percentage onderwijs in dit venster: 50%");
    }

    @Test
    void zasNoemtDeZiekmeldingenEnDeDagen() {
        Beslissing vierde = enige(geval("4e ziekmelding").heleDag(ZK, "2026-09-08").heleDag(ZK, "2026-10-01")
                .heleDag(ZK, "2026-11-03").heleDag(ZK, "2026-11-30").peildatum("2026-12-04"), Kanaal.SIGNAAL);
        assertThat(vierde.uitleg()).contains("08-09-2026, 01-10-2026, 03-11-2026 en 30-11-2026")
                .contains("83 dagen na de eerste").contains("niet aan DUO gemeld");
        Beslissing zevende = enige(geval("7e dag").heleDagen(ZK, "2026-11-04", "2026-11-12").peildatum("2026-11-20"),
                Kanaal.SIGNAAL);
        assertThat(zevende.uitleg()).contains("7e schooldag aaneengesloten ziek op 12-11-2026")
                .contains("Ziek sinds 04-11-2026, 7 schooldagen");
    }

    private static Beslissing enige(Geval geval, Kanaal kanaal) {
        return geval.beoordeel().stream().filter(b -> b.kanaal() == kanaal).reduce((a, b) -> {
            throw new AssertionError("meer dan één beslissing in " + kanaal);
        }).orElseThrow();
    }
}
