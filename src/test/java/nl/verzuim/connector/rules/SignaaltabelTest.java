package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Afwezigheidscode.MED;
import static nl.verzuim.connector.rules.Afwezigheidscode.ONG;
import static nl.verzuim.connector.rules.Afwezigheidscode.TL;
import static nl.verzuim.connector.rules.Afwezigheidscode.ZK;
import static nl.verzuim.connector.rules.Beleid002.BIJNA_16_UUR;
import static nl.verzuim.connector.rules.Beleid002.DERDE_ZIEKMELDING;
import static nl.verzuim.connector.rules.Beleid002.SPIJBELEN;
import static nl.verzuim.connector.rules.Beleid002.TE_LAAT;
import static nl.verzuim.connector.rules.Beleid002.TE_LAAT_MINUTEN;
import static nl.verzuim.connector.rules.Beleid002.WEEKDAG;
import static nl.verzuim.connector.rules.Beleid002.ZIEKTEDAG;
import static nl.verzuim.connector.rules.Geval.geval;
import static nl.verzuim.connector.rules.Geval.lrv;
import static nl.verzuim.connector.rules.Geval.r16;
import static nl.verzuim.connector.rules.Geval.sig;
import static nl.verzuim.connector.rules.Geval.zas4;
import static nl.verzuim.connector.rules.Geval.zas7;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.verzuim.connector.rules.Signaalregel.Telling;
import nl.verzuim.connector.rules.Signaalregel.Venster;

/**
 * The table of cases of the school's own signals (issue 15): each case names the sentence of seed 002 ("002 …") or
 * of the domain reference ("§3 …") it checks, gives the school the rules it needs (mostly those of {@link Beleid002})
 * and lists every signal — the school's and the national ZAS ones — a person following {@link Schoolsignalen}'s
 * reading expects. Worked out by hand on the calendar of {@link Testschool}; the reasoning is in the comments where it
 * is not obvious.
 */
class SignaaltabelTest {

    /** 600 minutes ONG in 4 lesweken, giving way to nothing: the lesweken window alone. */
    private static final Signaalregel ONG_IN_LESWEKEN = Signaalregel.stappen("ONG_IN_4_LESWEKEN", null, Telling.MINUTEN,
            Set.of(ONG), Venster.lesweken(4), 600);
    /** The same in 28 kalenderdagen. */
    private static final Signaalregel ONG_IN_KALENDERDAGEN = Signaalregel.stappen("ONG_IN_28_DAGEN", null,
            Telling.MINUTEN, Set.of(ONG), Venster.kalenderdagen(28), 600);

    @ParameterizedTest(name = "{0}")
    @MethodSource({"stappen", "vensters", "schooljaar", "ziektedagen", "weekdagpatroon", "bijna16Uur", "beleid002"})
    void signalen(Geval geval) {
        List<Beslissing> beslissingen = geval.beoordeel();
        for (Map.Entry<Kanaal, List<String>> verwacht : geval.verwacht.entrySet()) {
            assertThat(beslissingen.stream().filter(b -> b.kanaal() == verwacht.getKey()).map(Geval::kort))
                    .as("%s, kanaal %s", geval.naam, verwacht.getKey())
                    .containsExactlyInAnyOrderElementsOf(verwacht.getValue());
        }
        for (Beslissing b : beslissingen) {
            assertThat(b.uitleg()).as("every decision explains itself").isNotBlank();
            assertThat(b.beslotenOp()).as("decided on or before the peildatum").isBeforeOrEqualTo(geval.peildatum);
            if (b.soort() instanceof Schoolsignaal) {
                assertThat(b.einddatum()).as("a signal has no einddatum").isNull();
                assertThat(b.verzuimoverzicht()).as("the registrations counted, up to the day it was decided")
                        .isNotEmpty().allSatisfy(r -> assertThat(r.datum()).isBeforeOrEqualTo(b.beslotenOp()));
            }
        }
    }

    static Stream<Geval> stappen() {
        return Stream.of(
                geval("002 te laat: 3 keer te laat is stap 3 (elke te-laatmelding telt)")
                        .signalen(TE_LAAT).minuten(TL, "2026-09-07", 10).minuten(TL, "2026-09-14", 10)
                        .minuten(TL, "2026-09-21", 10)
                        .peildatum("2026-09-30").signaal(sig("TE_LAAT", "3", "2026-09-21")),
                geval("002 te laat: 2 keer te laat is nog geen signaal")
                        .signalen(TE_LAAT).minuten(TL, "2026-09-07", 10).minuten(TL, "2026-09-14", 10)
                        .peildatum("2026-09-30").signaal(),
                geval("002 te laat: 3, 6 en 9 keer te laat: elke stap is een eigen signaal")
                        .signalen(TE_LAAT).minuten(TL, "2026-09-07", 10).minuten(TL, "2026-09-14", 10)
                        .minuten(TL, "2026-09-21", 10).minuten(TL, "2026-09-28", 10).minuten(TL, "2026-10-05", 10)
                        .minuten(TL, "2026-10-12", 10).minuten(TL, "2026-10-26", 10).minuten(TL, "2026-11-02", 10)
                        .minuten(TL, "2026-11-09", 10)
                        .peildatum("2026-11-20").signaal(sig("TE_LAAT", "3", "2026-09-21"),
                                sig("TE_LAAT", "6", "2026-10-12"), sig("TE_LAAT", "9", "2026-11-09")),
                geval("002 te laat: de 10e en 11e keer geven in hetzelfde schooljaar geen nieuw signaal")
                        .signalen(TE_LAAT).minuten(TL, "2026-09-07", 10).minuten(TL, "2026-09-14", 10)
                        .minuten(TL, "2026-09-21", 10).minuten(TL, "2026-09-28", 10).minuten(TL, "2026-10-05", 10)
                        .minuten(TL, "2026-10-12", 10).minuten(TL, "2026-10-26", 10).minuten(TL, "2026-11-02", 10)
                        .minuten(TL, "2026-11-09", 10).minuten(TL, "2026-11-16", 10).minuten(TL, "2026-11-23", 10)
                        .peildatum("2026-11-27").signaal(sig("TE_LAAT", "3", "2026-09-21"),
                                sig("TE_LAAT", "6", "2026-10-12"), sig("TE_LAAT", "9", "2026-11-09")),
                geval("002 te laat: twee te-laatmeldingen op één dag zijn twee keer")
                        .signalen(TE_LAAT).vanaf(TL, "2026-09-07", "08:30", 10).vanaf(TL, "2026-09-07", "11:00", 5)
                        .minuten(TL, "2026-09-08", 10)
                        .peildatum("2026-09-30").signaal(sig("TE_LAAT", "3", "2026-09-08")),
                // Two, then four on wo 09-09: 6 that day reaches steps 3 and 6 at once; then 10-09, 11-09, 14-09.
                geval("002 te laat: stap 3 en 6 op één dag geven één signaal, de hoogste stap")
                        .signalen(TE_LAAT).minuten(TL, "2026-09-07", 10).minuten(TL, "2026-09-08", 10)
                        .vanaf(TL, "2026-09-09", "08:30", 5).vanaf(TL, "2026-09-09", "09:30", 5)
                        .vanaf(TL, "2026-09-09", "10:30", 5).vanaf(TL, "2026-09-09", "11:30", 5)
                        .minuten(TL, "2026-09-10", 10).minuten(TL, "2026-09-11", 10).minuten(TL, "2026-09-14", 10)
                        .peildatum("2026-09-30").signaal(sig("TE_LAAT", "6", "2026-09-09"),
                                sig("TE_LAAT", "9", "2026-09-14")),
                geval("002 te laat: alleen te laat (TL) telt, spijbelen en ziekte niet")
                        .signalen(TE_LAAT).minuten(TL, "2026-09-07", 10).minuten(ONG, "2026-09-08", 50)
                        .heleDag(ZK, "2026-09-09").minuten(TL, "2026-09-10", 10)
                        .peildatum("2026-09-30").signaal(),
                // 25-09 is a studiedag, 26-09 a Saturday: two late arrivals count, not four.
                geval("§3 school day: te laat op een vrije dag of in het weekend telt niet")
                        .signalen(TE_LAAT).minuten(TL, "2026-09-24", 10).minuten(TL, "2026-09-25", 10)
                        .minuten(TL, "2026-09-26", 10).minuten(TL, "2026-09-28", 10)
                        .peildatum("2026-09-30").signaal(),
                geval("002 spijbelen: zes spijbeluren op één dag is één keer spijbelen")
                        .signalen(SPIJBELEN).vanaf(ONG, "2026-09-07", "08:30", 50).vanaf(ONG, "2026-09-07", "09:20", 50)
                        .vanaf(ONG, "2026-09-07", "10:10", 50).vanaf(ONG, "2026-09-07", "11:20", 50)
                        .vanaf(ONG, "2026-09-07", "12:10", 50).vanaf(ONG, "2026-09-07", "13:30", 50)
                        .minuten(ONG, "2026-09-08", 50)
                        .peildatum("2026-09-30").signaal(),
                geval("002 spijbelen: de derde dag met spijbelen is 3 keer spijbelen")
                        .signalen(SPIJBELEN).vanaf(ONG, "2026-09-07", "08:30", 50).vanaf(ONG, "2026-09-07", "09:20", 50)
                        .vanaf(ONG, "2026-09-07", "10:10", 50).vanaf(ONG, "2026-09-07", "11:20", 50)
                        .vanaf(ONG, "2026-09-07", "12:10", 50).vanaf(ONG, "2026-09-07", "13:30", 50)
                        .minuten(ONG, "2026-09-08", 50).minuten(ONG, "2026-09-10", 50)
                        .peildatum("2026-09-30").signaal(sig("SPIJBELEN", "3", "2026-09-10")),
                geval("002 spijbelen: 3, 6 en 9 keer spijbelen")
                        .signalen(SPIJBELEN).minuten(ONG, "2026-09-07", 50).minuten(ONG, "2026-09-14", 50)
                        .minuten(ONG, "2026-09-21", 50).minuten(ONG, "2026-09-28", 50).minuten(ONG, "2026-10-05", 50)
                        .minuten(ONG, "2026-10-12", 50).minuten(ONG, "2026-10-26", 50).minuten(ONG, "2026-11-02", 50)
                        .minuten(ONG, "2026-11-09", 50)
                        .peildatum("2026-11-20").signaal(sig("SPIJBELEN", "3", "2026-09-21"),
                                sig("SPIJBELEN", "6", "2026-10-12"), sig("SPIJBELEN", "9", "2026-11-09")),
                // 9 × 60 minutes before, then 10: only the 10 minutes of the 10th count.
                geval("002 meer dan 9 keer te laat: de minuten van de eerste 9 keer tellen niet")
                        .signalen(TE_LAAT_MINUTEN).minuten(TL, "2026-09-07", 60).minuten(TL, "2026-09-14", 60)
                        .minuten(TL, "2026-09-21", 60).minuten(TL, "2026-09-28", 60).minuten(TL, "2026-10-05", 60)
                        .minuten(TL, "2026-10-12", 60).minuten(TL, "2026-10-26", 60).minuten(TL, "2026-11-02", 60)
                        .minuten(TL, "2026-11-09", 60).minuten(TL, "2026-11-16", 10)
                        .peildatum("2026-11-20").signaal(),
                geval("002 bij 50 minuten te laat: signaal op de dag dat de minuten na de 9e keer 50 halen")
                        .signalen(TE_LAAT_MINUTEN).minuten(TL, "2026-09-07", 10).minuten(TL, "2026-09-14", 10)
                        .minuten(TL, "2026-09-21", 10).minuten(TL, "2026-09-28", 10).minuten(TL, "2026-10-05", 10)
                        .minuten(TL, "2026-10-12", 10).minuten(TL, "2026-10-26", 10).minuten(TL, "2026-11-02", 10)
                        .minuten(TL, "2026-11-09", 10).minuten(TL, "2026-11-16", 30).minuten(TL, "2026-11-17", 20)
                        .peildatum("2026-11-20").signaal(sig("TE_LAAT_MINUTEN", "50", "2026-11-17")),
                // After the 9th: 30, 20 (50), 45 (95), 5 (100), 60 (160).
                geval("002 bij 50 minuten te laat: elke volgende 50 minuten is een nieuwe stap (100, 150)")
                        .signalen(TE_LAAT_MINUTEN).minuten(TL, "2026-09-07", 10).minuten(TL, "2026-09-14", 10)
                        .minuten(TL, "2026-09-21", 10).minuten(TL, "2026-09-28", 10).minuten(TL, "2026-10-05", 10)
                        .minuten(TL, "2026-10-12", 10).minuten(TL, "2026-10-26", 10).minuten(TL, "2026-11-02", 10)
                        .minuten(TL, "2026-11-09", 10).minuten(TL, "2026-11-16", 30).minuten(TL, "2026-11-17", 20)
                        .minuten(TL, "2026-11-18", 45).minuten(TL, "2026-11-19", 5).minuten(TL, "2026-11-20", 60)
                        .peildatum("2026-11-20").signaal(sig("TE_LAAT_MINUTEN", "50", "2026-11-17"),
                                sig("TE_LAAT_MINUTEN", "100", "2026-11-19"), sig("TE_LAAT_MINUTEN", "150", "2026-11-20")),
                geval("002 bij 50 minuten te laat: 120 minuten op één dag haalt 50 en 100: één signaal, stap 100")
                        .signalen(TE_LAAT_MINUTEN).minuten(TL, "2026-09-07", 10).minuten(TL, "2026-09-14", 10)
                        .minuten(TL, "2026-09-21", 10).minuten(TL, "2026-09-28", 10).minuten(TL, "2026-10-05", 10)
                        .minuten(TL, "2026-10-12", 10).minuten(TL, "2026-10-26", 10).minuten(TL, "2026-11-02", 10)
                        .minuten(TL, "2026-11-09", 10).minuten(TL, "2026-11-16", 120)
                        .peildatum("2026-11-20").signaal(sig("TE_LAAT_MINUTEN", "100", "2026-11-16")));
    }

    static Stream<Geval> vensters() {
        return Stream.of(
                // Window of ma 26-10: lesweken 28-09, 05-10, 12-10 and 26-10 (19-10 is herfstvakantie).
                geval("§3 lesweek: een lesweken-venster slaat de herfstvakantie over en gaat een week verder terug")
                        .signalen(ONG_IN_LESWEKEN).minuten(ONG, "2026-09-28", 200).minuten(ONG, "2026-10-12", 200)
                        .minuten(ONG, "2026-10-26", 200)
                        .peildatum("2026-10-30").signaal(sig("ONG_IN_4_LESWEKEN", "600", "2026-10-26")),
                // 28 calendar days up to 26-10: 29-09 to 26-10, the herfstvakantie included; 28-09 is outside.
                geval("venster kalenderdagen: de herfstvakantie telt mee, het venster gaat niet verder terug")
                        .signalen(ONG_IN_KALENDERDAGEN).minuten(ONG, "2026-09-28", 200).minuten(ONG, "2026-10-12", 200)
                        .minuten(ONG, "2026-10-26", 200)
                        .peildatum("2026-10-30").signaal(),
                geval("venster kalenderdagen: de eerste dag van het venster (d − 27) telt mee")
                        .signalen(ONG_IN_KALENDERDAGEN).minuten(ONG, "2026-09-29", 200).minuten(ONG, "2026-10-12", 200)
                        .minuten(ONG, "2026-10-26", 200)
                        .peildatum("2026-10-30").signaal(sig("ONG_IN_28_DAGEN", "600", "2026-10-26")),
                geval("§3 16 uur: de vijfde lesweek terug valt buiten een venster van 4 lesweken")
                        .signalen(ONG_IN_LESWEKEN).minuten(ONG, "2026-09-24", 200).minuten(ONG, "2026-10-12", 200)
                        .minuten(ONG, "2026-10-26", 200)
                        .peildatum("2026-10-30").signaal(),
                // Window of 30-11: lesweken 09-11 to 30-11; 300 of 02-11 fall out: 200 + 100, then + 300 on 01-12.
                geval("venster lesweken: het venster schuift; een lesweek die eruit valt telt niet meer")
                        .signalen(ONG_IN_LESWEKEN).minuten(ONG, "2026-11-02", 300).minuten(ONG, "2026-11-09", 200)
                        .minuten(ONG, "2026-11-30", 100).minuten(ONG, "2026-12-01", 300)
                        .peildatum("2026-12-04").signaal(sig("ONG_IN_4_LESWEKEN", "600", "2026-12-01")),
                // 600 on 03-11; 800 on 23-11 but 03-11 is in that window; from 30-11 (window 09-11..) it is not:
                // 200 + 200 + 200 = 600 again on 01-12 from new minutes only.
                geval("geen herhaling: dezelfde stap is één signaal zolang de dag ervan in het venster ligt")
                        .signalen(ONG_IN_LESWEKEN).minuten(ONG, "2026-11-02", 300).minuten(ONG, "2026-11-03", 300)
                        .minuten(ONG, "2026-11-23", 200).minuten(ONG, "2026-11-30", 200).minuten(ONG, "2026-12-01", 200)
                        .peildatum("2026-12-04").signaal(sig("ONG_IN_4_LESWEKEN", "600", "2026-11-03"),
                                sig("ONG_IN_4_LESWEKEN", "600", "2026-12-01")),
                // Two months up to 12-11: from 13-09.
                geval("002 3e ziekmelding in twee maanden")
                        .signalen(DERDE_ZIEKMELDING).heleDag(ZK, "2026-09-15").heleDag(ZK, "2026-10-01")
                        .heleDag(ZK, "2026-11-12")
                        .peildatum("2026-11-20").signaal(sig("DERDE_ZIEKMELDING_IN_TWEE_MAANDEN", "3", "2026-11-12")),
                geval("002 twee maanden: een ziekmelding die precies twee maanden eerder begon, valt erbuiten")
                        .signalen(DERDE_ZIEKMELDING).heleDag(ZK, "2026-09-16").heleDag(ZK, "2026-10-01")
                        .heleDag(ZK, "2026-11-16")
                        .peildatum("2026-11-20").signaal(),
                geval("002 twee maanden: een dag later valt ze erbinnen")
                        .signalen(DERDE_ZIEKMELDING).heleDag(ZK, "2026-09-17").heleDag(ZK, "2026-10-01")
                        .heleDag(ZK, "2026-11-16")
                        .peildatum("2026-11-20").signaal(sig("DERDE_ZIEKMELDING_IN_TWEE_MAANDEN", "3", "2026-11-16")),
                geval("002 twee maanden: een ziekmelding van vrijdag tot en met maandag is één ziekmelding")
                        .signalen(DERDE_ZIEKMELDING).heleDag(ZK, "2026-10-02").heleDag(ZK, "2026-10-05")
                        .heleDag(ZK, "2026-11-12")
                        .peildatum("2026-11-20").signaal(),
                // 15-09, 01-10, 12-10 (3rd: signal); 02-11 (4th, 12-10 in its window); 14-12 and 04-01 (2 in their
                // windows); 07-01: 14-12, 04-01, 07-01 in 08-11..07-01, and 12-10 has left it. ZAS: 4 within 84 days
                // on 02-11 (48 days), 14-12 (74 after 01-10) and 07-01 (66 after 02-11); 04-01 is 84 after 12-10.
                geval("002 twee maanden: de 4e ziekmelding in hetzelfde venster geeft geen tweede signaal, een later"
                        + " venster wel")
                        .signalen(DERDE_ZIEKMELDING).heleDag(ZK, "2026-09-15").heleDag(ZK, "2026-10-01")
                        .heleDag(ZK, "2026-10-12").heleDag(ZK, "2026-11-02").heleDag(ZK, "2026-12-14")
                        .heleDag(ZK, "2027-01-04").heleDag(ZK, "2027-01-07")
                        .peildatum("2027-01-15").signaal(sig("DERDE_ZIEKMELDING_IN_TWEE_MAANDEN", "3", "2026-10-12"),
                                sig("DERDE_ZIEKMELDING_IN_TWEE_MAANDEN", "3", "2027-01-07"),
                                zas4("2026-11-02"), zas4("2026-12-14"), zas4("2027-01-07")));
    }

    static Stream<Geval> schooljaar() {
        return Stream.of(
                geval("schooljaar: te laat in juli en in augustus tellen in twee schooljaren")
                        .signalen(TE_LAAT).minuten(TL, "2026-07-06", 10).minuten(TL, "2026-07-07", 10)
                        .minuten(TL, "2026-08-24", 10)
                        .peildatum("2026-08-28").signaal(),
                // Before the summer of 2026 every weekday is a school day of the test calendar: 30-07, 31-07 and
                // 01-08-2025 are lesson days, and the school year still turns on 1 August.
                geval("schooljaar: de grens is 1 augustus, ook als de school die dag les heeft")
                        .signalen(TE_LAAT).minuten(TL, "2025-07-30", 10).minuten(TL, "2025-07-31", 10)
                        .minuten(TL, "2025-08-01", 10).minuten(TL, "2025-08-04", 10).minuten(TL, "2025-08-05", 10)
                        .peildatum("2025-08-08").signaal(sig("TE_LAAT", "3", "2025-08-05")),
                geval("schooljaar: na stap 9 in juni begint het nieuwe schooljaar weer bij stap 3")
                        .signalen(TE_LAAT).dagelijks(TL, "2026-06-15", "2026-06-19", 10)
                        .dagelijks(TL, "2026-06-22", "2026-06-25", 10).dagelijks(TL, "2026-08-24", "2026-08-26", 10)
                        .peildatum("2026-08-28").signaal(sig("TE_LAAT", "3", "2026-06-17"),
                                sig("TE_LAAT", "6", "2026-06-22"), sig("TE_LAAT", "9", "2026-06-25"),
                                sig("TE_LAAT", "3", "2026-08-26")),
                geval("schooljaar: de eerste 9 keer te laat tellen per schooljaar (de minuten van augustus niet)")
                        .signalen(TE_LAAT_MINUTEN).dagelijks(TL, "2026-06-15", "2026-06-19", 10)
                        .dagelijks(TL, "2026-06-22", "2026-06-25", 10).minuten(TL, "2026-08-24", 50)
                        .peildatum("2026-08-28").signaal(),
                geval("schooljaar: spijbelen in juli en in september tellen in twee schooljaren")
                        .signalen(SPIJBELEN).minuten(ONG, "2026-07-08", 50).minuten(ONG, "2026-07-09", 50)
                        .minuten(ONG, "2026-09-07", 50)
                        .peildatum("2026-09-11").signaal());
    }

    static Stream<Geval> ziektedagen() {
        return Stream.of(
                geval("002 ziektedag 4: de 4e schooldag aaneengesloten ziek")
                        .signalen(ZIEKTEDAG).heleDagen(ZK, "2026-11-02", "2026-11-05")
                        .peildatum("2026-11-20").signaal(sig("ZIEKTEDAG", "4", "2026-11-05")),
                geval("002 ziektedag 1-3: nog geen signaal")
                        .signalen(ZIEKTEDAG).heleDagen(ZK, "2026-11-02", "2026-11-04")
                        .peildatum("2026-11-20").signaal(),
                // 02, 03, 04, 05, 06, 09 (6th), 10 (7th: the national ZAS signal).
                geval("002 ziektedag 4 en 6: twee signalen in één ziekmelding, naast de landelijke 7e dag")
                        .signalen(ZIEKTEDAG).heleDagen(ZK, "2026-11-02", "2026-11-10")
                        .peildatum("2026-11-20").signaal(sig("ZIEKTEDAG", "4", "2026-11-05"),
                                sig("ZIEKTEDAG", "6", "2026-11-09"), zas7("2026-11-02", "2026-11-10")),
                geval("§3 consecutive: het weekend onderbreekt de ziekmelding niet")
                        .signalen(ZIEKTEDAG).heleDagen(ZK, "2026-11-05", "2026-11-10")
                        .peildatum("2026-11-20").signaal(sig("ZIEKTEDAG", "4", "2026-11-10")),
                geval("§3 consecutive: de herfstvakantie onderbreekt de ziekmelding niet")
                        .signalen(ZIEKTEDAG).heleDagen(ZK, "2026-10-14", "2026-10-16").heleDag(ZK, "2026-10-26")
                        .peildatum("2026-10-30").signaal(sig("ZIEKTEDAG", "4", "2026-10-26")),
                geval("§3 consecutive: een vrije dag onderbreekt de ziekmelding niet")
                        .signalen(ZIEKTEDAG).heleDagen(ZK, "2026-09-22", "2026-09-24").heleDag(ZK, "2026-09-28")
                        .peildatum("2026-10-02").signaal(sig("ZIEKTEDAG", "4", "2026-09-28")),
                geval("§3 ziekmelding: een aanwezige schooldag ertussen begint een nieuwe ziekmelding")
                        .signalen(ZIEKTEDAG).heleDagen(ZK, "2026-11-02", "2026-11-04")
                        .heleDagen(ZK, "2026-11-06", "2026-11-11")
                        .peildatum("2026-11-20").signaal(sig("ZIEKTEDAG", "4", "2026-11-11")),
                geval("002 ziektedag 4: elke ziekmelding telt opnieuw")
                        .signalen(ZIEKTEDAG).heleDagen(ZK, "2026-11-02", "2026-11-05")
                        .heleDagen(ZK, "2026-11-09", "2026-11-12")
                        .peildatum("2026-11-20").signaal(sig("ZIEKTEDAG", "4", "2026-11-05"),
                                sig("ZIEKTEDAG", "4", "2026-11-12")),
                geval("§3 ziekmelding: ziek voor een deel van de dag is een ziektedag")
                        .signalen(ZIEKTEDAG).dagelijks(ZK, "2026-11-02", "2026-11-05", 60)
                        .peildatum("2026-11-20").signaal(sig("ZIEKTEDAG", "4", "2026-11-05")),
                geval("§3 illness: medisch (MED) is geen ziekmelding")
                        .signalen(ZIEKTEDAG).heleDagen(MED, "2026-11-02", "2026-11-05")
                        .peildatum("2026-11-20").signaal());
    }

    static Stream<Geval> weekdagpatroon() {
        return Stream.of(
                // 07-09 ma, 16-09 wo, 28-09 ma, 12-10 ma. ZAS: the 4th 35 days after the 1st.
                geval("002 veel ziekte op een bepaalde dag: 3 van de laatste 4 ziekmeldingen begonnen op maandag")
                        .signalen(WEEKDAG).heleDag(ZK, "2026-09-07").heleDag(ZK, "2026-09-16")
                        .heleDag(ZK, "2026-09-28").heleDag(ZK, "2026-10-12")
                        .peildatum("2026-10-16").signaal(sig("ZIEK_OP_DEZELFDE_WEEKDAG", "maandag", "2026-10-12"),
                                zas4("2026-10-12")),
                geval("002 veel ziekte op een bepaalde dag: drie ziekmeldingen, alle drie op maandag")
                        .signalen(WEEKDAG).heleDag(ZK, "2026-09-07").heleDag(ZK, "2026-09-14")
                        .heleDag(ZK, "2026-09-21")
                        .peildatum("2026-09-25").signaal(sig("ZIEK_OP_DEZELFDE_WEEKDAG", "maandag", "2026-09-21")),
                geval("002 veel ziekte op een bepaalde dag: 2 van de 4 op maandag is geen patroon")
                        .signalen(WEEKDAG).heleDag(ZK, "2026-09-07").heleDag(ZK, "2026-09-15")
                        .heleDag(ZK, "2026-09-21").heleDag(ZK, "2026-10-01")
                        .peildatum("2026-10-09").signaal(zas4("2026-10-01")),
                // Last 4 on 05-10: di 15-09, wo 23-09, ma 28-09, ma 05-10; ma 07-09 is the 5th back.
                geval("002 veel ziekte op een bepaalde dag: een maandag vijf ziekmeldingen terug telt niet meer")
                        .signalen(WEEKDAG).heleDag(ZK, "2026-09-07").heleDag(ZK, "2026-09-15")
                        .heleDag(ZK, "2026-09-23").heleDag(ZK, "2026-09-28").heleDag(ZK, "2026-10-05")
                        .peildatum("2026-10-09").signaal(zas4("2026-09-28"), zas4("2026-10-05")),
                geval("002 veel ziekte op een bepaalde dag: de eerste dag telt; ziek van vrijdag t/m maandag is vrijdag")
                        .signalen(WEEKDAG).heleDag(ZK, "2026-09-11").heleDag(ZK, "2026-09-14")
                        .heleDag(ZK, "2026-09-18").heleDag(ZK, "2026-10-02")
                        .peildatum("2026-10-09").signaal(sig("ZIEK_OP_DEZELFDE_WEEKDAG", "vrijdag", "2026-10-02")),
                geval("002 veel ziekte op een bepaalde dag: een 4e maandag in hetzelfde schooljaar is geen nieuw signaal")
                        .signalen(WEEKDAG).heleDag(ZK, "2026-09-07").heleDag(ZK, "2026-09-14")
                        .heleDag(ZK, "2026-09-21").heleDag(ZK, "2026-09-28")
                        .peildatum("2026-10-02").signaal(sig("ZIEK_OP_DEZELFDE_WEEKDAG", "maandag", "2026-09-21"),
                                zas4("2026-09-28")),
                // On 14-10 the last 4 are ma 21-09 and wo 30-09, 07-10, 14-10. ZAS on the 4th, 5th and 6th.
                geval("002 veel ziekte op een bepaalde dag: een andere weekdag is een eigen signaal")
                        .signalen(WEEKDAG).heleDag(ZK, "2026-09-07").heleDag(ZK, "2026-09-14")
                        .heleDag(ZK, "2026-09-21").heleDag(ZK, "2026-09-30").heleDag(ZK, "2026-10-07")
                        .heleDag(ZK, "2026-10-14")
                        .peildatum("2026-10-16").signaal(sig("ZIEK_OP_DEZELFDE_WEEKDAG", "maandag", "2026-09-21"),
                                sig("ZIEK_OP_DEZELFDE_WEEKDAG", "woensdag", "2026-10-14"),
                                zas4("2026-09-30"), zas4("2026-10-07"), zas4("2026-10-14")),
                geval("schooljaar: de maandagen van vorig schooljaar tellen niet voor het weekdagpatroon")
                        .signalen(WEEKDAG).heleDag(ZK, "2026-06-29").heleDag(ZK, "2026-07-06")
                        .heleDag(ZK, "2026-08-24")
                        .peildatum("2026-08-28").signaal());
    }

    static Stream<Geval> bijna16Uur() {
        Signaalregel alleen16Uur = Signaalregel.stappen("BIJNA_16_UUR", null, Telling.MINUTEN, Set.of(ONG, TL),
                Venster.lesweken(4), 600).metWijktVoor(Verzuimsoort.RELATIEF_16_UUR);
        return Stream.of(
                geval("bijna 16 uur: 600 minuten ongeoorloofd in 4 lesweken")
                        .signalen(BIJNA_16_UUR).minuten(ONG, "2026-11-02", 330).minuten(ONG, "2026-11-03", 270)
                        .peildatum("2026-11-06").duo().signaal(sig("BIJNA_16_UUR", "600", "2026-11-03")),
                geval("bijna 16 uur: 599 minuten is geen signaal")
                        .signalen(BIJNA_16_UUR).minuten(ONG, "2026-11-02", 330).minuten(ONG, "2026-11-03", 269)
                        .peildatum("2026-11-06").signaal(),
                geval("§2 te laat komen telt mee: 20 keer 30 minuten te laat is bijna 16 uur")
                        .signalen(BIJNA_16_UUR).dagelijks(TL, "2026-11-02", "2026-11-27", 30)
                        .peildatum("2026-11-27").duo().signaal(sig("BIJNA_16_UUR", "600", "2026-11-27")),
                geval("bijna 16 uur: niet op de dag dat de 16-uur-melding zelf wordt gemaakt")
                        .signalen(BIJNA_16_UUR).minuten(ONG, "2026-11-02", 500).minuten(ONG, "2026-11-03", 500)
                        .peildatum("2026-11-06").duo(r16("2026-11-02", "2026-11-03", "16.67")).signaal(),
                // 05-11 lies in a window with the melding's days; from 30-11 (window 09-11..30-11) none does.
                geval("bijna 16 uur: niet zolang de 16-uur-melding in het venster ligt, daarna weer")
                        .signalen(BIJNA_16_UUR).minuten(ONG, "2026-11-02", 500).minuten(ONG, "2026-11-03", 500)
                        .minuten(ONG, "2026-11-05", 60).minuten(ONG, "2026-11-30", 330).minuten(ONG, "2026-12-01", 300)
                        .peildatum("2026-12-04").duo(r16("2026-11-02", "2026-11-03", "16.67"))
                        .signaal(sig("BIJNA_16_UUR", "600", "2026-12-01")),
                geval("bijna 16 uur: een 16-uur-melding van een eerdere run wijkt ook")
                        .signalen(BIJNA_16_UUR).eerdere16Uur("2026-11-02", "2026-11-03")
                        .minuten(ONG, "2026-11-04", 330).minuten(ONG, "2026-11-05", 300)
                        .peildatum("2026-11-06").duo().signaal(),
                // 660 on di 03-11, before the 16-uur melding of do 05-11; then its days, and from 30-11 the LRV's,
                // are in every window.
                geval("bijna 16 uur wijkt voor LRV: geen signaal zolang een LRV-melding het venster raakt")
                        .signalen(BIJNA_16_UUR).heleDagen(ONG, "2026-11-02", "2026-12-18")
                        .peildatum("2026-12-18").duo(r16("2026-11-02", "2026-11-05", "20.00"),
                                lrv("2026-11-02", "2026-12-18", "2026-11-30"))
                        .signaal(sig("BIJNA_16_UUR", "600", "2026-11-03")),
                geval("bijna 16 uur dat alleen voor 16 uur wijkt, komt tijdens een LRV wel terug")
                        .signalen(alleen16Uur).heleDagen(ONG, "2026-11-02", "2026-12-18")
                        .peildatum("2026-12-18").signaal(sig("BIJNA_16_UUR", "600", "2026-11-03"),
                                sig("BIJNA_16_UUR", "600", "2026-11-30")),
                geval("§3 who: een 4-jarige krijgt geen DUO-melding, wel het signaal van de school")
                        .geboren("2022-01-10").signalen(BIJNA_16_UUR).heleDagen(ONG, "2026-11-02", "2026-11-06")
                        .peildatum("2026-11-06").duo().signaal(sig("BIJNA_16_UUR", "600", "2026-11-03")),
                geval("§3 who: zonder geboortedatum geen DUO-regels, het signaal van de school wel")
                        .geboren(null).signalen(BIJNA_16_UUR).heleDagen(ONG, "2026-11-02", "2026-11-06")
                        .peildatum("2026-11-06").duo().signaal(sig("BIJNA_16_UUR", "600", "2026-11-03")));
    }

    static Stream<Geval> beleid002() {
        return Stream.of(
                // TL 07–09-09 (3); ONG 50 on 14–16-09 (3 days); ZK ma 21-09 to do 24-09 (4th day), ma 05-10 and ma
                // 12-10 (3rd ziekmelding since 13-08; three Mondays); TL 26-10 to 02-11 (6 on 28-10, 9 on 02-11),
                // then 30 and 25 minutes: 55 after the 9th on 04-11. ONG+TL never near 600 in 4 lesweken.
                geval("002 het hele beleid: een leerling die te laat komt, spijbelt en ziek is")
                        .signalen(Beleid002.REGELS).dagelijks(TL, "2026-09-07", "2026-09-09", 10)
                        .dagelijks(ONG, "2026-09-14", "2026-09-16", 50).heleDagen(ZK, "2026-09-21", "2026-09-24")
                        .heleDag(ZK, "2026-10-05").heleDag(ZK, "2026-10-12")
                        .dagelijks(TL, "2026-10-26", "2026-11-02", 10).minuten(TL, "2026-11-03", 30)
                        .minuten(TL, "2026-11-04", 25)
                        .peildatum("2026-11-06").duo().signaal(sig("TE_LAAT", "3", "2026-09-09"),
                                sig("SPIJBELEN", "3", "2026-09-16"), sig("ZIEKTEDAG", "4", "2026-09-24"),
                                sig("DERDE_ZIEKMELDING_IN_TWEE_MAANDEN", "3", "2026-10-12"),
                                sig("ZIEK_OP_DEZELFDE_WEEKDAG", "maandag", "2026-10-12"),
                                sig("TE_LAAT", "6", "2026-10-28"), sig("TE_LAAT", "9", "2026-11-02"),
                                sig("TE_LAAT_MINUTEN", "50", "2026-11-04")),
                geval("002 het hele beleid: bijna 16 uur, en twee dagen later de 16-uur-melding")
                        .signalen(Beleid002.REGELS).heleDag(ONG, "2026-11-02").heleDag(ONG, "2026-11-03")
                        .heleDag(ONG, "2026-11-05")
                        .peildatum("2026-11-06").duo(r16("2026-11-02", "2026-11-05", "16.50"))
                        .signaal(sig("BIJNA_16_UUR", "600", "2026-11-03"), sig("SPIJBELEN", "3", "2026-11-05")));
    }

    /**
     * "A school without signal rules gets exactly today's output": every case of the rule tables, judged with and
     * without the whole policy of seed 002, gives the same decisions apart from the school's own signals.
     */
    @Test
    void signaalregelsVeranderenGeenAndereBeslissing() {
        List<Geval> gevallen = Stream.of(RegeltabelTest.zestienUur(), RegeltabelTest.keuzehulpVolgorde(),
                        RegeltabelTest.leerplichtEnLeeftijd(), RegeltabelTest.langdurigVerzuim(),
                        RegeltabelTest.luxeVerzuim(), RegeltabelTest.ziekte(), RegeltabelTest.otCategorie())
                .flatMap(s -> s).toList();
        int metSignaal = 0;
        for (Geval geval : gevallen) {
            assertThat(geval.signalen).as("the rule tables run without signal rules").isEmpty();
            List<Beslissing> zonder = geval.beoordeel();
            assertThat(zonder).as(geval.naam).noneMatch(b -> b.soort() instanceof Schoolsignaal);
            geval.signalen(Beleid002.REGELS);
            List<Beslissing> met = geval.beoordeel();
            assertThat(met.stream().filter(b -> !(b.soort() instanceof Schoolsignaal)).toList()).as(geval.naam)
                    .isEqualTo(zonder);
            metSignaal += met.size() > zonder.size() ? 1 : 0;
        }
        assertThat(metSignaal).as("the policy does signal on many of those cases").isGreaterThan(50);
    }
}
