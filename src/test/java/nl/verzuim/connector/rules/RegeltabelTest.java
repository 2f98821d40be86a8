package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Afwezigheidscode.LUX;
import static nl.verzuim.connector.rules.Afwezigheidscode.MED;
import static nl.verzuim.connector.rules.Afwezigheidscode.ONG;
import static nl.verzuim.connector.rules.Afwezigheidscode.REL;
import static nl.verzuim.connector.rules.Afwezigheidscode.SCH;
import static nl.verzuim.connector.rules.Afwezigheidscode.TL;
import static nl.verzuim.connector.rules.Afwezigheidscode.UIT;
import static nl.verzuim.connector.rules.Afwezigheidscode.VRL;
import static nl.verzuim.connector.rules.Afwezigheidscode.ZK;
import static nl.verzuim.connector.rules.Geval.geval;
import static nl.verzuim.connector.rules.Geval.lrv;
import static nl.verzuim.connector.rules.Geval.luxe;
import static nl.verzuim.connector.rules.Geval.otA;
import static nl.verzuim.connector.rules.Geval.otB;
import static nl.verzuim.connector.rules.Geval.r16;
import static nl.verzuim.connector.rules.Geval.rmc;
import static nl.verzuim.connector.rules.Geval.zas4;
import static nl.verzuim.connector.rules.Geval.zas7;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of cases of the rules. Each case names the rule of {@code ../shared/domain/verzuim-domain.md} it checks
 * (§2, §3 "Exact reading", §4) and lists, per channel it checks, every decision a person following the reference
 * would make. The answers were worked out by hand on the calendar of {@link Testschool} (a full week has 1530
 * lesminuten; 960 minutes = 16 uur); the reasoning is in the comments where it is not obvious.
 */
class RegeltabelTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({"zestienUur", "keuzehulpVolgorde", "leerplichtEnLeeftijd", "langdurigVerzuim", "luxeVerzuim", "ziekte", "otCategorie"})
    void beslissingen(Geval geval) {
        List<Beslissing> beslissingen = geval.beoordeel();
        for (Map.Entry<Kanaal, List<String>> verwacht : geval.verwacht.entrySet()) {
            assertThat(beslissingen.stream().filter(b -> b.kanaal() == verwacht.getKey()).map(Geval::kort))
                    .as("%s, kanaal %s", geval.naam, verwacht.getKey())
                    .containsExactlyInAnyOrderElementsOf(verwacht.getValue());
        }
        for (Beslissing b : beslissingen) {
            assertThat(b.soort()).as("OVERIG is never decided by the rules").isNotEqualTo(Verzuimsoort.OVERIG);
            assertThat(b.uitleg()).as("every decision explains itself").isNotBlank();
            assertThat(b.beslotenOp()).as("decided on or before the peildatum").isBeforeOrEqualTo(geval.peildatum);
        }
    }

    static Stream<Geval> zestienUur() {
        return Stream.of(
                geval("§3 16 uur: 959 minuten in 4 lesweken is geen melding")
                        .minuten(ONG, "2026-11-02", 330).minuten(ONG, "2026-11-03", 330).minuten(ONG, "2026-11-05", 299)
                        .peildatum("2026-11-20").duo(),
                geval("§3 16 uur: 960 minuten is een melding, einddatum de dag van de 960e minuut")
                        .minuten(ONG, "2026-11-02", 330).minuten(ONG, "2026-11-03", 330).minuten(ONG, "2026-11-05", 299)
                        .minuten(TL, "2026-11-06", 1)
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-06", "16.00")),
                geval("§3 minutes: zonder minuten en tijden telt de hele lesdag (woensdag 210)")
                        .heleDag(ONG, "2026-11-02").heleDag(ONG, "2026-11-03").heleDag(ONG, "2026-11-04")
                        .minuten(ONG, "2026-11-05", 90)
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-05", "16.00")),
                geval("§3 minutes: zonder minuten telt eindtijd − begintijd")
                        .tijden(ONG, "2026-11-02", "08:30", "13:30").tijden(ONG, "2026-11-03", "08:30", "13:30")
                        .tijden(ONG, "2026-11-05", "08:30", "13:30").tijden(ONG, "2026-11-06", "08:30", "09:30")
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-06", "16.00")),
                geval("§2 te laat komen telt mee: 20 keer 48 minuten te laat is 16 uur")
                        .dagelijks(TL, "2026-11-02", "2026-11-27", 48)
                        .peildatum("2026-11-27").duo(r16("2026-11-02", "2026-11-27", "16.00")),
                geval("§2 te laat komen telt mee: 20 keer 47 minuten blijft onder de 16 uur")
                        .dagelijks(TL, "2026-11-02", "2026-11-27", 47)
                        .peildatum("2026-11-27").duo(),
                geval("§3 luxe: LUX-minuten tellen niet mee voor de 16 uur")
                        .heleDagen(LUX, "2026-11-02", "2026-11-04").heleDag(ONG, "2026-11-05").heleDag(ONG, "2026-11-06")
                        .peildatum("2026-11-20").duo(luxe("2026-11-02", "2026-11-04")),
                // Window of 26-10: lesweken 28-09, 05-10, 12-10 and 26-10 (19-10 is herfstvakantie): 330+330+300.
                geval("§3 lesweek: een vakantieweek in de 4 lesweken telt niet, het venster gaat een week verder terug")
                        .minuten(ONG, "2026-10-01", 330).minuten(ONG, "2026-10-12", 330).minuten(ONG, "2026-10-26", 300)
                        .peildatum("2026-11-06").duo(r16("2026-10-01", "2026-10-26", "16.00")),
                geval("§3 16 uur: verzuim in de vijfde lesweek terug valt buiten het venster")
                        .minuten(ONG, "2026-09-24", 330).minuten(ONG, "2026-10-12", 330).minuten(ONG, "2026-10-26", 300)
                        .peildatum("2026-11-06").duo(),
                geval("§3 school day: een registratie op een vrije dag telt niet")
                        .heleDagen(ONG, "2026-09-21", "2026-09-23").minuten(ONG, "2026-09-25", 330)
                        .peildatum("2026-10-02").duo(),
                geval("§3 school day: dezelfde week met donderdag in plaats van de vrije dag wel (1200 minuten)")
                        .heleDagen(ONG, "2026-09-21", "2026-09-24")
                        .peildatum("2026-10-02").duo(r16("2026-09-21", "2026-09-24", "20.00")),
                geval("§3 school day: registraties in de herfstvakantie tellen niet")
                        .dagelijks(ONG, "2026-10-19", "2026-10-23", 330)
                        .minuten(ONG, "2026-10-26", 330).minuten(ONG, "2026-10-27", 330).minuten(ONG, "2026-10-28", 299)
                        .peildatum("2026-11-06").duo(),
                geval("§3 school day: een registratie in het weekend telt niet")
                        .minuten(ONG, "2026-11-02", 330).minuten(ONG, "2026-11-03", 330).minuten(ONG, "2026-11-05", 299)
                        .minuten(ONG, "2026-11-07", 60)
                        .peildatum("2026-11-20").duo(),
                geval("§3 registrations: dezelfde registratie in twee overlappende exporten telt één keer")
                        .vanaf(ONG, "2026-11-02", "08:30", 330).vanaf(ONG, "2026-11-03", "08:30", 330)
                        .vanaf(ONG, "2026-11-02", "08:30", 330).vanaf(ONG, "2026-11-03", "08:30", 330)
                        .vanaf(ONG, "2026-11-05", "08:30", 299)
                        .peildatum("2026-11-20").duo(),
                geval("§3 registrations: een latere export met dezelfde sleutel vervangt de eerdere (330 → 30)")
                        .vanaf(ONG, "2026-11-02", "08:30", 330).vanaf(ONG, "2026-11-03", "08:30", 330)
                        .vanaf(ONG, "2026-11-04", "08:30", 210).vanaf(ONG, "2026-11-05", "08:30", 330)
                        .vanaf(ONG, "2026-11-02", "08:30", 30)
                        .peildatum("2026-11-20").duo(),
                geval("§3 registrations: een latere export met dezelfde sleutel vervangt de eerdere (30 → 330)")
                        .vanaf(ONG, "2026-11-02", "08:30", 30).vanaf(ONG, "2026-11-03", "08:30", 330)
                        .vanaf(ONG, "2026-11-04", "08:30", 210).vanaf(ONG, "2026-11-05", "08:30", 330)
                        .vanaf(ONG, "2026-11-02", "08:30", 330)
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-05", "20.00")),
                geval("§3 minutes: registraties op één dag met een andere begintijd tellen op")
                        .vanaf(ONG, "2026-11-02", "08:30", 165).vanaf(ONG, "2026-11-02", "11:30", 165)
                        .heleDag(ONG, "2026-11-03").heleDag(ONG, "2026-11-04").minuten(ONG, "2026-11-05", 255)
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-05", "18.75")),
                geval("§3 registrations: dezelfde begintijd met een andere code is een andere registratie")
                        .vanaf(ONG, "2026-11-02", "08:30", 300).vanaf(TL, "2026-11-02", "08:30", 30)
                        .heleDag(ONG, "2026-11-03").heleDag(ONG, "2026-11-04").minuten(ONG, "2026-11-05", 90)
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-05", "16.00")),
                geval("§3 registrations: met een registratie_id zijn twee gelijke regels op één dag twee registraties")
                        .metId("1", ONG, "2026-11-02", 300).metId("2", ONG, "2026-11-02", 300)
                        .minuten(ONG, "2026-11-03", 330).minuten(ONG, "2026-11-05", 30)
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-05", "16.00")),
                geval("§3 registrations: dezelfde registratie_id twee keer op één dag is één registratie")
                        .metId("1", ONG, "2026-11-02", 300).metId("1", ONG, "2026-11-02", 300)
                        .minuten(ONG, "2026-11-03", 330).minuten(ONG, "2026-11-05", 30)
                        .peildatum("2026-11-20").duo(),
                geval("§3 16 uur: uren in twee decimalen (961 minuten = 16,02 uur)")
                        .minuten(ONG, "2026-11-02", 330).minuten(ONG, "2026-11-03", 330).minuten(ONG, "2026-11-05", 301)
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-05", "16.02")),
                geval("§2 ziek en medisch zijn geoorloofd en tellen niet voor de 16 uur")
                        .heleDag(ONG, "2026-11-02").heleDag(ONG, "2026-11-03").heleDag(ZK, "2026-11-04")
                        .heleDag(MED, "2026-11-05").minuten(ONG, "2026-11-06", 299)
                        .peildatum("2026-11-20").duo(),
                geval("§2 verlof, schorsing en religieuze feestdag tellen niet voor de 16 uur")
                        .minuten(ONG, "2026-11-02", 330).minuten(ONG, "2026-11-03", 330).minuten(ONG, "2026-11-05", 299)
                        .heleDag(VRL, "2026-11-06").heleDag(SCH, "2026-11-09").heleDag(REL, "2026-11-10")
                        .peildatum("2026-11-20").duo(),
                geval("§3 school day: UIT (uit de les gestuurd) is aanwezig en telt niet")
                        .minuten(ONG, "2026-11-02", 330).minuten(ONG, "2026-11-03", 330).minuten(ONG, "2026-11-05", 299)
                        .minuten(UIT, "2026-11-06", 60)
                        .peildatum("2026-11-20").duo(),
                // Threshold on do 05-11 (330+330+210+330). Blocked while a window holds 05-11 (weeks of 02-11 up to
                // 23-11); with one present day (18-11) there is no LRV, and on ma 30-11 the window of lesweken 09-11,
                // 16-11, 23-11 and 30-11 holds 1530 + 1320 + 1530 + 330 = 4710 minutes.
                geval("§3 16 uur: geen tweede melding zolang de einddatum van de eerste in het venster ligt")
                        .heleDagen(ONG, "2026-11-02", "2026-12-04", "2026-11-18")
                        .peildatum("2026-12-04").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                r16("2026-11-09", "2026-11-30", "78.50")),
                geval("§3 16 uur: geen tweede melding zonder 16 nieuwe uren (de minuten van vr 06-11 tellen nooit)")
                        .heleDagen(ONG, "2026-11-02", "2026-11-06").heleDagen(ONG, "2026-11-30", "2026-12-01")
                        .peildatum("2026-12-18").duo(r16("2026-11-02", "2026-11-05", "20.00")),
                geval("§3 16 uur: een eerdere melding met einddatum in het venster blokkeert (eerste melding in 4 weken?)")
                        .eerdere16Uur("2026-11-02", "2026-11-05").heleDagen(ONG, "2026-11-09", "2026-11-12")
                        .peildatum("2026-11-20").duo(),
                geval("§3 16 uur: een eerdere melding vóór het venster (voor de herfstvakantie) blokkeert niet")
                        .eerdere16Uur("2026-10-05", "2026-10-09").heleDagen(ONG, "2026-11-09", "2026-11-12")
                        .peildatum("2026-11-20").duo(r16("2026-11-09", "2026-11-12", "20.00")),
                // Window of ma 24-08-2026 = lesweken 22-06, 29-06, 06-07 and 24-08: the summer weeks are no lesweken.
                // The three days are also consecutive school days, fully absent, and 24-08 is D0 + 46: by the
                // reference's reading (vacation inside a run counts) that is LRV too — see src/docs/rules.md. On 24-08
                // the LRV holds, so the keuzehulp answers with LRV and the 16,50 uur are no 16-uur melding.
                geval("§3 lesweek: de 4 lesweken lopen door over de zomervakantie (schooljaargrens)")
                        .heleDag(ONG, "2026-07-09").heleDag(ONG, "2026-07-10").heleDag(ONG, "2026-08-24")
                        .peildatum("2026-08-28").duo(lrv("2026-07-09", "2026-08-24", "2026-08-24")),
                geval("§3 lesweek: over de zomervakantie: een deels aanwezige dag erna maakt geen LRV")
                        .heleDag(ONG, "2026-07-09").heleDag(ONG, "2026-07-10").minuten(ONG, "2026-08-24", 300)
                        .peildatum("2026-08-28").duo(r16("2026-07-09", "2026-08-24", "16.00")),
                geval("§3 16 uur: verspreid over 4 lesweken (4 maandagen × 240 minuten)")
                        .minuten(ONG, "2026-11-02", 240).minuten(ONG, "2026-11-09", 240).minuten(ONG, "2026-11-16", 240)
                        .minuten(ONG, "2026-11-23", 240)
                        .peildatum("2026-11-27").duo(r16("2026-11-02", "2026-11-23", "16.00")),
                geval("§3 16 uur: het venster schuift; de maandag van 5 lesweken terug telt niet meer")
                        .minuten(ONG, "2026-10-26", 239).minuten(ONG, "2026-11-02", 240).minuten(ONG, "2026-11-09", 240)
                        .minuten(ONG, "2026-11-16", 240).minuten(ONG, "2026-11-23", 240)
                        .peildatum("2026-11-27").duo(r16("2026-11-02", "2026-11-23", "16.00")));
    }

    /**
     * Domain §3, "The keuzehulp's order": steps 2 and 4 (RMC, LRV) come before step 5 (16 uur). A run of fully absent
     * school days from ma 02-11-2026 reaches D0 + 27 on zo 29-11: the LRV is made on ma 30-11 and holds from then on.
     */
    static Stream<Geval> keuzehulpVolgorde() {
        return Stream.of(
                // The sandbox's situation: without the order, 30-11 also gave a 16-uur melding of 82 hours (lesweken
                // 09-11 to 30-11) for the same days as the LRV.
                geval("§3 keuzehulp's order: geen 16-uur-melding op een dag waarop een LRV-melding geldt (82 uur op de"
                        + " dag van de LRV)")
                        .heleDagen(ONG, "2026-11-02", "2026-12-18")
                        .peildatum("2026-12-18").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                lrv("2026-11-02", "2026-12-18", "2026-11-30")),
                geval("§3 keuzehulp's order: de 16-uur-melding op de derde dag van een lang verzuim blijft")
                        .heleDagen(ONG, "2026-11-02", "2026-12-04")
                        .peildatum("2026-12-04").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                lrv("2026-11-02", "2026-12-04", "2026-11-30")),
                // Run 02-11..04-12 (LRV on 30-11); present ma 07-12 and di 08-12; absent again from wo 09-12. The
                // window of ma 14-12 (lesweken 23-11 to 14-12) holds 3060 LRV minutes that are not counted, and
                // 210 + 330 + 330 + 330 = 1200 new ones.
                geval("§3 keuzehulp's order: na een LRV twee schooldagen later weer afwezig: de LRV-dagen tellen niet")
                        .heleDagen(ONG, "2026-11-02", "2026-12-04").heleDagen(ONG, "2026-12-09", "2026-12-18")
                        .peildatum("2026-12-18").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                lrv("2026-11-02", "2026-12-04", "2026-11-30"),
                                r16("2026-12-09", "2026-12-14", "20.00")),
                // Present 07-12 to 10-12; absent from vr 11-12: 330 + 330 + 330 = 990 on di 15-12.
                geval("§3 keuzehulp's order: na een LRV vier schooldagen later weer afwezig: de LRV-dagen tellen niet")
                        .heleDagen(ONG, "2026-11-02", "2026-12-04").heleDagen(ONG, "2026-12-11", "2026-12-18")
                        .peildatum("2026-12-18").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                lrv("2026-11-02", "2026-12-04", "2026-11-30"),
                                r16("2026-12-11", "2026-12-15", "16.50")),
                geval("§3 keuzehulp's order: na een LRV twee dagen afwezig (540 minuten) is geen 16-uur-melding")
                        .heleDagen(ONG, "2026-11-02", "2026-12-04").heleDagen(ONG, "2026-12-08", "2026-12-09")
                        .peildatum("2026-12-18").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                lrv("2026-11-02", "2026-12-04", "2026-11-30")),
                // The LRV is made only on 30-11: on fr 27-11 the run has 26 days, and the earlier 16-uur melding
                // (einddatum 05-11) blocks that window; from 30-11 the LRV holds.
                geval("§3 keuzehulp's order: een lopende reeks zonder LRV (nog geen 28 dagen) houdt de 16-uur-regel"
                        + " niet tegen")
                        .heleDagen(ONG, "2026-11-04", "2026-11-30")
                        .peildatum("2026-12-04").duo(r16("2026-11-04", "2026-11-09", "20.00")),
                geval("§3 keuzehulp's order: RMC gaat ook voor 16 uur (18 jaar, meld_18_plus_16_uur)")
                        .geboren("2008-11-02").meld18Plus16Uur().heleDagen(ONG, "2026-11-02", "2026-12-18")
                        .peildatum("2026-12-18").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                rmc("2026-11-02", "2026-12-18", "2026-11-30")));
    }

    static Stream<Geval> leerplichtEnLeeftijd() {
        return Stream.of(
                // Born 10-01-2022: leerplichtig from ma 01-02-2027. OT window of 16-11: 4590 of 6120 ongeoorloofd.
                geval("§3 who: een 4-jarige krijgt geen DUO-melding, hoeveel verzuim ook (OT wel)")
                        .geboren("2022-01-10").heleDagen(ONG, "2026-11-02", "2026-12-18")
                        .peildatum("2026-12-18").duo().ot(otA("2026-11-02", "2026-11-20")),
                // Born 15-09-2021: 5 on 15-09-2026, leerplichtig from do 01-10-2026; 28-09 to 30-09 are ignored.
                geval("§3 who: leerplichtig vanaf de eerste schooldag van de maand na de 5e verjaardag")
                        .geboren("2021-09-15").heleDagen(ONG, "2026-09-28", "2026-10-05")
                        .peildatum("2026-10-09").duo(r16("2026-10-01", "2026-10-05", "16.50")),
                geval("§3 who: een reeks ONG die loopt op de dag dat de leerplicht begint, telt vanaf die dag (D0)")
                        .geboren("2021-09-15").heleDagen(ONG, "2026-09-14", "2026-10-28")
                        .peildatum("2026-10-28").duo(r16("2026-10-01", "2026-10-05", "16.50"),
                                lrv("2026-10-01", "2026-10-28", "2026-10-28")),
                geval("§3 who: een reeks LUX die loopt op de dag dat de leerplicht begint, telt vanaf die dag")
                        .geboren("2021-09-15").heleDagen(LUX, "2026-09-28", "2026-10-06")
                        .peildatum("2026-10-09").duo(luxe("2026-10-01", "2026-10-06")),
                // Born 10-12-2021: 5 on 10-12-2026; 01-01-2027 lies in the kerstvakantie, so leerplicht starts on the
                // first school day, ma 04-01-2027. The LUX run over the vakantie counts from that day.
                geval("§3 who: leerplicht begint in een vakantie: een reeks LUX erover telt vanaf de eerste schooldag")
                        .geboren("2021-12-10").heleDagen(LUX, "2026-12-14", "2027-01-06", "2026-12-25")
                        .peildatum("2027-01-08").duo(luxe("2027-01-04", "2027-01-06")),
                // Same pupil, a fully absent run 14-12-2026 to 01-02-2027: D0 = 04-01-2027, D0 + 27 = 31-01 (zo), so
                // the LRV is made on ma 01-02. The 16-uur rule counts only from 04-01 too: 330+330+210+330 on 07-01.
                geval("§3 who: een reeks volledig afwezig over de start van de leerplicht: D0 en begindatum die dag")
                        .geboren("2021-12-10").heleDagen(ONG, "2026-12-14", "2027-02-01", "2026-12-25")
                        .peildatum("2027-02-05").duo(r16("2027-01-04", "2027-01-07", "20.00"),
                                lrv("2027-01-04", "2027-02-01", "2027-02-01")),
                geval("§3 who: 18 jaar op de eerste verzuimdag (de verjaardag zelf): geen 16-uur-melding")
                        .geboren("2008-11-02").heleDagen(ONG, "2026-11-02", "2026-11-06")
                        .peildatum("2026-11-20").duo(),
                geval("§3 who: 17 jaar op de eerste verzuimdag (18 de dag erna): wel een 16-uur-melding")
                        .geboren("2008-11-03").heleDagen(ONG, "2026-11-02", "2026-11-06")
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-05", "20.00")),
                geval("§3 meld_18_plus_16_uur: 18 op de eerste verzuimdag met afspraak met de gemeente: 16-uur-melding")
                        .geboren("2008-11-02").meld18Plus16Uur().heleDagen(ONG, "2026-11-02", "2026-11-06")
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-05", "20.00")),
                geval("§3 RMC: 18 jaar op de eerste dag van 28 dagen afwezig")
                        .geboren("2008-11-02").heleDagen(ONG, "2026-11-02", "2026-12-04")
                        .peildatum("2026-12-04").duo(rmc("2026-11-02", "2026-12-04", "2026-11-30")),
                // LRV and the first 16-uur by the age on their begindatum (17); the second 16-uur would begin on
                // 09-11, when the pupil is 18, so none.
                geval("§3 who: 17 op D0 geeft LRV, ook als de leerling tijdens de reeks 18 wordt")
                        .geboren("2008-11-03").heleDagen(ONG, "2026-11-02", "2026-12-04")
                        .peildatum("2026-12-04").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                lrv("2026-11-02", "2026-12-04", "2026-11-30")),
                geval("§3 who: 23 jaar: geen DUO-melding, ook niet met meld_18_plus_16_uur (OT wel)")
                        .geboren("2003-10-01").meld18Plus16Uur().heleDagen(ONG, "2026-11-02", "2026-12-04")
                        .peildatum("2026-12-04").duo().ot(otA("2026-11-02", "2026-11-20")),
                geval("§3 RMC: 22 jaar")
                        .geboren("2004-01-15").heleDagen(ONG, "2026-11-02", "2026-12-04")
                        .peildatum("2026-12-04").duo(rmc("2026-11-02", "2026-12-04", "2026-11-30")),
                geval("§2 RMC: 18 tot 23 mét startkwalificatie: geen melding")
                        .geboren("2006-05-01").metStartkwalificatie().heleDagen(ONG, "2026-11-02", "2026-12-04")
                        .peildatum("2026-12-04").duo(),
                geval("§2 leerplicht: met startkwalificatie na het schooljaar waarin de leerling 16 werd: geen melding")
                        .geboren("2009-05-01").metStartkwalificatie().heleDagen(ONG, "2026-11-02", "2026-11-06")
                        .peildatum("2026-11-20").duo(),
                geval("§2 leerplicht: met startkwalificatie in het schooljaar waarin de leerling 16 wordt: wel")
                        .geboren("2010-09-10").metStartkwalificatie().heleDagen(ONG, "2026-11-02", "2026-11-06")
                        .peildatum("2026-11-20").duo(r16("2026-11-02", "2026-11-05", "20.00")),
                geval("§3 who: zonder geboortedatum worden de DUO-regels niet toegepast")
                        .geboren(null).heleDagen(ONG, "2026-11-02", "2026-11-06")
                        .peildatum("2026-11-20").duo(),
                geval("§3 who: luxe verzuim van een 18-jarige: geen melding")
                        .geboren("2008-06-01").heleDagen(LUX, "2026-11-02", "2026-11-04")
                        .peildatum("2026-11-20").duo(),
                geval("§3 who: luxe verzuim van een 4-jarige: geen melding")
                        .geboren("2022-01-10").heleDagen(LUX, "2026-11-02", "2026-11-04")
                        .peildatum("2026-11-20").duo(),
                // Born 29-02-2020: 5 on 01-03-2025 (the age counts so), leerplichtig from di 01-04-2025; before the
                // summer of 2026 every weekday is a school day in the test calendar.
                geval("§3 who: geboren op 29 februari: leerplichtig vanaf april, niet maart")
                        .geboren("2020-02-29").heleDagen(ONG, "2025-03-27", "2025-04-04")
                        .peildatum("2025-04-04").duo(r16("2025-04-01", "2025-04-04", "20.00")));
    }

    static Stream<Geval> langdurigVerzuim() {
        return Stream.of(
                // Wed 04-11 + 26 = ma 30-11: 27 calendar days. 16 uur on ma 09-11 (210+330+330+330).
                geval("§3 LRV: 27 kalenderdagen aaneengesloten afwezig is geen LRV")
                        .heleDagen(ONG, "2026-11-04", "2026-11-30")
                        .peildatum("2026-12-04").duo(r16("2026-11-04", "2026-11-09", "20.00")),
                geval("§3 LRV: 28 kalenderdagen (tot di 01-12 = D0 + 27) is LRV")
                        .heleDagen(ONG, "2026-11-04", "2026-12-01")
                        .peildatum("2026-12-04").duo(r16("2026-11-04", "2026-11-09", "20.00"),
                                lrv("2026-11-04", "2026-12-01", "2026-12-01")),
                // D0 12-10, D0 + 27 = zo 08-11, first school day of the run on or after it: ma 09-11.
                geval("§3 LRV: de herfstvakantie binnen de reeks telt mee voor de 28 dagen")
                        .heleDagen(ONG, "2026-10-12", "2026-11-09")
                        .peildatum("2026-11-13").duo(r16("2026-10-12", "2026-10-15", "20.00"),
                                lrv("2026-10-12", "2026-11-09", "2026-11-09")),
                // D0 07-09 + 27 = zo 04-10: the LRV holds from ma 05-10, so no second 16-uur melding that day.
                geval("§3 consecutive: een vrije dag zonder registratie onderbreekt de reeks niet")
                        .heleDagen(ONG, "2026-09-07", "2026-10-05", "2026-09-25")
                        .peildatum("2026-10-05").duo(r16("2026-09-07", "2026-09-10", "20.00"),
                                lrv("2026-09-07", "2026-10-05", "2026-10-05")),
                // Second 16-uur on 30-11: 1530 + (1530 − 210) + 1530 + 330 = 4710.
                geval("§3 consecutive: een aanwezige schooldag breekt de reeks: geen LRV")
                        .heleDagen(ONG, "2026-11-02", "2026-12-04", "2026-11-18")
                        .peildatum("2026-12-04").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                r16("2026-11-09", "2026-11-30", "78.50")),
                geval("§3 fully absent: een dag met minder ongeoorloofde minuten dan lesminuten breekt de reeks")
                        .heleDagen(ONG, "2026-11-02", "2026-12-04", "2026-11-18").minuten(ONG, "2026-11-18", 200)
                        .peildatum("2026-12-04").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                r16("2026-11-09", "2026-11-30", "81.83")),
                geval("§3 fully absent: ongeoorloofd en te laat samen vullen de dag")
                        .dagelijksTotDeLesdag(ONG, TL, 30, "2026-11-02", "2026-11-30")
                        .peildatum("2026-11-30").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                lrv("2026-11-02", "2026-11-30", "2026-11-30")),
                geval("§3 LRV: de einddatum volgt de reeks tot de peildatum")
                        .heleDagen(ONG, "2026-11-02", "2026-12-18")
                        .peildatum("2026-12-10").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                lrv("2026-11-02", "2026-12-10", "2026-11-30")),
                geval("§3 LRV: een ziektedag is geen ongeoorloofd verzuim en breekt de reeks")
                        .heleDagen(ONG, "2026-11-02", "2026-11-13").heleDag(ZK, "2026-11-16")
                        .heleDagen(ONG, "2026-11-17", "2026-12-04")
                        .peildatum("2026-12-04").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                r16("2026-11-09", "2026-11-30", "76.50")),
                geval("§3 LRV: luxe verzuim is een eigen melding en breekt de ongeoorloofde reeks")
                        .heleDagen(ONG, "2026-11-02", "2026-11-13").heleDagen(LUX, "2026-11-16", "2026-11-20")
                        .heleDagen(ONG, "2026-11-23", "2026-12-04")
                        .peildatum("2026-12-04").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                luxe("2026-11-16", "2026-11-20"),
                                r16("2026-11-09", "2026-11-30", "56.50")),
                // D0 07-12 + 27 = zo 03-01-2027 (kerstvakantie): the first school day on or after it is ma 04-01.
                geval("§3 LRV: over de kerstvakantie heen, besloten op de eerste schooldag erna")
                        .heleDagen(ONG, "2026-12-07", "2027-01-04")
                        .peildatum("2027-01-04").duo(r16("2026-12-07", "2026-12-10", "20.00"),
                                lrv("2026-12-07", "2027-01-04", "2027-01-04")));
    }

    static Stream<Geval> luxeVerzuim() {
        return Stream.of(
                geval("§3 luxe: één reeks LUX is één melding")
                        .heleDag(LUX, "2026-10-15").heleDag(LUX, "2026-10-16")
                        .peildatum("2026-10-30").duo(luxe("2026-10-15", "2026-10-16")),
                geval("§3 luxe: de herfstvakantie onderbreekt de reeks niet")
                        .heleDag(LUX, "2026-10-15").heleDag(LUX, "2026-10-16").heleDag(LUX, "2026-10-26")
                        .peildatum("2026-10-30").duo(luxe("2026-10-15", "2026-10-26")),
                geval("§3 luxe: een aanwezige schooldag ertussen maakt twee meldingen")
                        .heleDag(LUX, "2026-11-02").heleDag(LUX, "2026-11-03").heleDag(LUX, "2026-11-05")
                        .peildatum("2026-11-20").duo(luxe("2026-11-02", "2026-11-03"), luxe("2026-11-05", "2026-11-05")),
                geval("§3 luxe: de einddatum volgt de reeks tot de peildatum")
                        .heleDagen(LUX, "2026-11-02", "2026-11-06")
                        .peildatum("2026-11-04").duo(luxe("2026-11-02", "2026-11-04")),
                geval("§3 luxe: ook een deel van een dag")
                        .minuten(LUX, "2026-11-02", 60)
                        .peildatum("2026-11-20").duo(luxe("2026-11-02", "2026-11-02")),
                geval("§3 school day: LUX op een vrije dag telt niet")
                        .heleDag(LUX, "2026-09-25")
                        .peildatum("2026-10-02").duo());
    }

    static Stream<Geval> ziekte() {
        return Stream.of(
                // ZAS-7 on the 7th school day (di 10-11). OT: window of 09-11 has 3060 of 6120 ziek: B at S/2.
                geval("§2 illness: ziekte maakt nooit een DUO-melding; wel ZAS en OT B")
                        .heleDagen(ZK, "2026-11-02", "2026-12-04")
                        .peildatum("2026-12-04").duo().signaal(zas7("2026-11-02", "2026-11-10"))
                        .ot(otB("2026-11-02", "2026-11-13")),
                geval("§3 illness: medisch (MED) is geen ziekmelding")
                        .heleDagen(MED, "2026-11-02", "2026-11-12")
                        .peildatum("2026-11-13").duo().signaal().ot(),
                geval("§3 ZAS: 7e schooldag aaneengesloten ziek over een weekend")
                        .heleDagen(ZK, "2026-11-04", "2026-11-12")
                        .peildatum("2026-11-20").signaal(zas7("2026-11-04", "2026-11-12")).duo(),
                geval("§3 ZAS: 6 schooldagen ziek is nog geen signaal")
                        .heleDagen(ZK, "2026-11-04", "2026-11-11")
                        .peildatum("2026-11-20").signaal(),
                geval("§3 ZAS: 7e ziektedag over de herfstvakantie")
                        .heleDagen(ZK, "2026-10-12", "2026-10-16").heleDag(ZK, "2026-10-26").heleDag(ZK, "2026-10-27")
                        .peildatum("2026-10-30").signaal(zas7("2026-10-12", "2026-10-27")),
                geval("§3 ZAS: een vrije dag onderbreekt de ziekmelding niet")
                        .heleDagen(ZK, "2026-09-21", "2026-09-30", "2026-09-25")
                        .peildatum("2026-10-02").signaal(zas7("2026-09-21", "2026-09-30")),
                geval("§3 ZAS: een aanwezige schooldag breekt de ziekmelding")
                        .heleDagen(ZK, "2026-11-02", "2026-11-06").heleDagen(ZK, "2026-11-10", "2026-11-12")
                        .peildatum("2026-11-20").signaal(),
                geval("§3 ZAS: 4e ziekmelding 83 dagen na de eerste (binnen 84 dagen): signaal")
                        .heleDag(ZK, "2026-09-08").heleDag(ZK, "2026-10-01").heleDag(ZK, "2026-11-03")
                        .heleDag(ZK, "2026-11-30")
                        .peildatum("2026-12-04").signaal(zas4("2026-11-30")),
                geval("§3 ZAS: 4e ziekmelding 84 dagen na de eerste (op dag 85): geen signaal")
                        .heleDag(ZK, "2026-09-07").heleDag(ZK, "2026-10-01").heleDag(ZK, "2026-11-03")
                        .heleDag(ZK, "2026-11-30")
                        .peildatum("2026-12-04").signaal(),
                geval("§3 ZAS: de 5e ziekmelding binnen 84 dagen na de 2e geeft een signaal")
                        .heleDag(ZK, "2026-09-07").heleDag(ZK, "2026-10-01").heleDag(ZK, "2026-11-03")
                        .heleDag(ZK, "2026-11-30").heleDag(ZK, "2026-12-07")
                        .peildatum("2026-12-11").signaal(zas4("2026-12-07")),
                geval("§3 ZAS: ziek op vrijdag en maandag is één ziekmelding")
                        .heleDag(ZK, "2026-10-01").heleDag(ZK, "2026-10-15").heleDag(ZK, "2026-11-06")
                        .heleDag(ZK, "2026-11-09").heleDag(ZK, "2026-11-12")
                        .peildatum("2026-11-20").signaal(zas4("2026-11-12")),
                geval("§3 ZAS: een ziekmelding van een deel van de dag telt ook")
                        .minuten(ZK, "2026-10-01", 60).minuten(ZK, "2026-10-15", 60).minuten(ZK, "2026-11-03", 60)
                        .minuten(ZK, "2026-11-24", 60)
                        .peildatum("2026-11-27").signaal(zas4("2026-11-24")),
                geval("§3 ZAS: signalen gelden op elke leeftijd (23 jaar)")
                        .geboren("2003-10-01").heleDagen(ZK, "2026-11-02", "2026-11-10")
                        .peildatum("2026-11-10").signaal(zas7("2026-11-02", "2026-11-10")).duo(),
                geval("§3 ZAS: signalen gelden op elke leeftijd (4 jaar)")
                        .geboren("2022-01-10").heleDagen(ZK, "2026-11-02", "2026-11-10")
                        .peildatum("2026-11-10").signaal(zas7("2026-11-02", "2026-11-10")));
    }

    static Stream<Geval> otCategorie() {
        return Stream.of(
                geval("§3 OT: A bij meer dan de helft ongeoorloofd (4590 van 6120)")
                        .heleDagen(ONG, "2026-11-02", "2026-11-20")
                        .peildatum("2026-11-27").ot(otA("2026-11-02", "2026-11-20")),
                geval("§3 OT: precies de helft ongeoorloofd (3060 van 6120) is geen A")
                        .heleDagen(ONG, "2026-11-02", "2026-11-13")
                        .peildatum("2026-11-13").ot(),
                geval("§3 OT: B bij ziek en medisch samen precies de helft")
                        .heleDagen(ZK, "2026-11-02", "2026-11-06").heleDagen(MED, "2026-11-09", "2026-11-13")
                        .peildatum("2026-11-13").ot(otB("2026-11-02", "2026-11-13")).signaal(),
                geval("§3 OT: ziek en medisch net onder de helft (3029 van 6120) is geen B")
                        .heleDagen(ZK, "2026-11-02", "2026-11-06").heleDagen(MED, "2026-11-09", "2026-11-12")
                        .minuten(MED, "2026-11-13", 299)
                        .peildatum("2026-11-13").ot(),
                // Window 26-10..20-11: ONG 3060, VRL 1530, ZK 1530: every day fully absent, ONG not more than the rest.
                geval("§3 OT gemengd: elke schooldag volledig afwezig, niets boven de helft: B")
                        .heleDagen(ONG, "2026-10-26", "2026-11-06").heleDagen(VRL, "2026-11-09", "2026-11-13")
                        .heleDagen(ZK, "2026-11-16", "2026-11-20")
                        .peildatum("2026-11-20").ot(otB("2026-10-26", "2026-11-20")),
                geval("§3 OT gemengd: één dag niet volledig afwezig: geen categorie")
                        .heleDagen(ONG, "2026-10-26", "2026-11-06").heleDagen(VRL, "2026-11-09", "2026-11-13")
                        .heleDagen(ZK, "2026-11-16", "2026-11-20", "2026-11-18").minuten(ZK, "2026-11-18", 200)
                        .peildatum("2026-11-20").ot(),
                geval("§3 OT: A gaat voor B wanneer beide de helft halen")
                        .heleDagen(ONG, "2026-11-02", "2026-11-20").heleDagen(ZK, "2026-11-09", "2026-11-20")
                        .peildatum("2026-11-20").ot(otA("2026-11-02", "2026-11-20")),
                geval("§3 OT: geen nieuwe beslissing zolang het verzuim de helft of meer blijft, ook niet van A naar B")
                        .heleDagen(ONG, "2026-11-02", "2026-11-20").heleDagen(ZK, "2026-11-23", "2026-12-18")
                        .peildatum("2026-12-18").ot(otA("2026-11-02", "2026-11-20"))
                        .signaal(zas7("2026-11-23", "2026-12-01")),
                // Window of 07-12 has 1530 of 6120 absent: afgerond. Window of 11-01-2027 (07-12, 14-12, 04-01,
                // 11-01) has 4590 ongeoorloofd: a new A from 14-12.
                geval("§3 OT: afgerond zodra een venster onder de helft blijft; daarna een nieuwe beslissing")
                        .heleDagen(ONG, "2026-11-02", "2026-11-20").heleDagen(ONG, "2026-12-14", "2026-12-18")
                        .heleDagen(ONG, "2027-01-04", "2027-01-15")
                        .peildatum("2027-01-15").ot(otA("2026-11-02", "2026-11-20"), otA("2026-12-14", "2027-01-15")),
                geval("§3 OT: precies de helft afwezig sluit de melding niet af")
                        .heleDagen(ONG, "2026-11-02", "2026-11-20").heleDagen(ONG, "2026-12-07", "2026-12-18")
                        .heleDagen(ONG, "2027-01-04", "2027-01-08")
                        .peildatum("2027-01-08").ot(otA("2026-11-02", "2026-11-20")),
                geval("§3 OT: een venster waarvan de laatste schooldag na de peildatum ligt, wordt niet beoordeeld")
                        .heleDagen(ONG, "2026-11-02", "2026-11-19")
                        .peildatum("2026-11-19").ot(),
                geval("§3 OT: het venster wordt beoordeeld op de laatste schooldag van de lesweek")
                        .heleDagen(ONG, "2026-11-02", "2026-11-19")
                        .peildatum("2026-11-20").ot(otA("2026-11-02", "2026-11-20")),
                // Lesweken 21-09 (1200), 28-09, 05-10, 12-10: S = 5790, S/2 = 2895 < 3060.
                geval("§3 OT: een vrije dag telt niet mee in de geplande lesminuten S")
                        .heleDagen(ONG, "2026-10-05", "2026-10-16")
                        .peildatum("2026-10-16").ot(otA("2026-10-05", "2026-10-16")),
                // Window of 26-10 = 28-09, 05-10, 12-10, 26-10: 3060 of 6120, no A; window of 02-11: 3390.
                geval("§3 OT: de herfstvakantie is geen lesweek in het OT-venster")
                        .heleDagen(ONG, "2026-10-12", "2026-10-30").heleDag(ONG, "2026-11-02")
                        .peildatum("2026-11-06").ot(otA("2026-10-12", "2026-11-06")),
                geval("§4 OT: startdatum categorie = eerste schooldag met enige afwezigheid in het venster")
                        .minuten(MED, "2026-10-28", 60).heleDagen(ONG, "2026-11-02", "2026-11-16")
                        .peildatum("2026-11-20").ot(otA("2026-10-28", "2026-11-20")));
    }
}
