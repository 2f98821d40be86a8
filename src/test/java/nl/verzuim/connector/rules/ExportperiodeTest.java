package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Afwezigheidscode.ONG;
import static nl.verzuim.connector.rules.Afwezigheidscode.TL;
import static nl.verzuim.connector.rules.Afwezigheidscode.ZK;
import static nl.verzuim.connector.rules.Exportgeval.geval;
import static nl.verzuim.connector.rules.Geval.r16;
import static nl.verzuim.connector.rules.Testschool.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Domain §3 "An export speaks for its period" and "Registrations are identified by …", las-input.md §2: the files of
 * each case are read in order into a {@link Registratiestand}; what is held afterwards, and for some cases the DUO
 * decisions on it, are what a person following the reference expects. Schools {@code 00YY00} and {@code 11ZZ01};
 * the calendar of {@link Testschool} (a full day 330 minutes, Wednesday 210). Public, so that the inbox's database
 * side can run the same table: {@code @MethodSource("nl.verzuim.connector.rules.ExportperiodeTest#gevallen")}.
 */
public class ExportperiodeTest {

    public static final String A = "00YY00";
    public static final String B = "11ZZ01";

    @ParameterizedTest(name = "{0}")
    @MethodSource("gevallen")
    void gehoudenNaDeBestanden(Exportgeval geval) {
        Registratiestand stand = lees(geval);
        List<String> gehouden = new ArrayList<>();
        for (Registratiestand.Leerlingsleutel l : stand.leerlingen()) {
            for (Registratie r : stand.registraties(l.school(), l.leerlingId())) {
                gehouden.add(Exportgeval.kort(l.school(), l.leerlingId(), r));
            }
        }
        assertThat(gehouden).as(geval.naam).containsExactlyInAnyOrderElementsOf(geval.gehouden);
        assertThat(stand.aantalRegistraties()).isEqualTo(geval.gehouden.size());
        for (Map.Entry<String, List<String>> verwacht : geval.duo.entrySet()) {
            String[] sleutel = verwacht.getKey().split("/");
            List<String> duo = Beoordelaar.beoordeel(new Leerling(sleutel[1], Geval.TWAALF_JAAR, false),
                            Testschool.KALENDER, Regelinstellingen.STANDAARD,
                            stand.registraties(sleutel[0], sleutel[1]), geval.peildatum, List.of()).stream()
                    .filter(b -> b.kanaal() == Kanaal.DUO).map(Geval::kort).toList();
            assertThat(duo).as("%s: DUO voor %s", geval.naam, verwacht.getKey())
                    .containsExactlyInAnyOrderElementsOf(verwacht.getValue());
        }
    }

    static Registratiestand lees(Exportgeval geval) {
        Registratiestand stand = new Registratiestand();
        for (Exportgeval.Bestand bestand : geval.bestanden) {
            Registratiestand.Bestand gelezen = stand.lees(bestand.vervangt());
            for (Exportgeval.Regel regel : bestand.regels()) {
                gelezen.regel(regel.school(), regel.leerlingId(), regel.registratie());
            }
            gelezen.sluit();
        }
        return stand;
    }

    public static Stream<Exportgeval> gevallen() {
        return Stream.of(
                // The issue's case: a parent calls after the fact and the school recodes four days ONG → ZK.
                geval("§3 period: een hercodering ONG → ZK in de volgende export laat alleen ZK over; geen 16-uur-melding")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05")
                        .bestand().heleDag(A, "L1", ZK, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05")
                        .minuten(A, "L2", TL, "2026-11-06", 15)
                        .gehouden(A + "/L1 2026-11-02 ZK", A + "/L1 2026-11-03 ZK", A + "/L1 2026-11-04 ZK",
                                A + "/L1 2026-11-05 ZK", A + "/L2 2026-11-06 TL 15 min")
                        .duo(A + "/L1", "2026-11-20"),
                geval("§3 period: zonder de hercodering blijft het een 16-uur-melding (de eerste export alleen)")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05")
                        .gehouden(A + "/L1 2026-11-02 ONG", A + "/L1 2026-11-03 ONG", A + "/L1 2026-11-04 ONG",
                                A + "/L1 2026-11-05 ONG")
                        .duo(A + "/L1", "2026-11-20", r16("2026-11-02", "2026-11-05", "20.00")),
                // Without 05-11 the 960th minute comes on vr 06-11: 330 + 330 + 210 + 330.
                geval("§3 period: een registratie die de LAS verwijderde, verdwijnt met de volgende export die haar dag"
                        + " dekt")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05",
                                "2026-11-06")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-06")
                        .gehouden(A + "/L1 2026-11-02 ONG", A + "/L1 2026-11-03 ONG", A + "/L1 2026-11-04 ONG",
                                A + "/L1 2026-11-06 ONG")
                        .duo(A + "/L1", "2026-11-20", r16("2026-11-02", "2026-11-06", "20.00")),
                geval("§3 period: ook de enige registratie van een leerling verdwijnt als de export van de school haar"
                        + " dag dekt")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-03").heleDag(A, "L2", ONG, "2026-11-02", "2026-11-06")
                        .bestand().heleDag(A, "L2", ONG, "2026-11-02", "2026-11-06")
                        .gehouden(A + "/L2 2026-11-02 ONG", A + "/L2 2026-11-06 ONG"),
                geval("§3 period: late invoer: een registratie die later werd ingevoerd komt met de volgende export erbij")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05")
                        .gehouden(A + "/L1 2026-11-02 ONG", A + "/L1 2026-11-03 ONG", A + "/L1 2026-11-04 ONG",
                                A + "/L1 2026-11-05 ONG")
                        .duo(A + "/L1", "2026-11-20", r16("2026-11-02", "2026-11-05", "20.00")),
                geval("§3 period: dezelfde export twee keer gelezen telt één keer")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03").minuten(A, "L1", TL, "2026-11-05", 299)
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03").minuten(A, "L1", TL, "2026-11-05", 299)
                        .gehouden(A + "/L1 2026-11-02 ONG", A + "/L1 2026-11-03 ONG", A + "/L1 2026-11-05 TL 299 min")
                        .duo(A + "/L1", "2026-11-20"),
                geval("§3 period: een herexport van één oude week van één school vervangt alleen die week van die"
                        + " school")
                        .bestand().heleDag(A, "L1", ONG, "2026-10-05", "2026-10-12", "2026-10-13", "2026-11-02")
                        .heleDag(A, "L2", ONG, "2026-10-13").heleDag(B, "L9", ONG, "2026-10-12", "2026-10-13")
                        .bestand().heleDag(A, "L1", ZK, "2026-10-12").minuten(A, "L3", TL, "2026-10-16", 10)
                        .gehouden(A + "/L1 2026-10-05 ONG", A + "/L1 2026-10-12 ZK", A + "/L1 2026-11-02 ONG",
                                A + "/L3 2026-10-16 TL 10 min", B + "/L9 2026-10-12 ONG", B + "/L9 2026-10-13 ONG"),
                geval("§3 period: van de vroegste tot de laatste datum van de school in het bestand; daarbuiten blijft"
                        + " alles")
                        .bestand().heleDag(A, "L1", ONG, "2026-10-26", "2026-11-02", "2026-11-09")
                        .minuten(A, "L1", TL, "2026-11-03", 5)
                        .bestand().minuten(A, "L1", ONG, "2026-11-02", 100)
                        .gehouden(A + "/L1 2026-10-26 ONG", A + "/L1 2026-11-02 ONG 100 min",
                                A + "/L1 2026-11-03 TL 5 min", A + "/L1 2026-11-09 ONG"),
                geval("§3 period: een bestand met twee scholen vervangt per school de eigen periode")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05")
                        .heleDag(B, "L9", ONG, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05")
                        .bestand().heleDag(A, "L1", ZK, "2026-11-02", "2026-11-03")
                        .heleDag(B, "L9", ZK, "2026-11-04", "2026-11-05")
                        .gehouden(A + "/L1 2026-11-02 ZK", A + "/L1 2026-11-03 ZK", A + "/L1 2026-11-04 ONG",
                                A + "/L1 2026-11-05 ONG", B + "/L9 2026-11-02 ONG", B + "/L9 2026-11-03 ONG",
                                B + "/L9 2026-11-04 ZK", B + "/L9 2026-11-05 ZK"),
                geval("§3 period: vervangt: leerlingen — alleen de leerlingen met regels in het bestand")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03")
                        .heleDag(A, "L2", ONG, "2026-11-02", "2026-11-03", "2026-11-04")
                        .bestand(Vervangt.LEERLINGEN).heleDag(A, "L2", ZK, "2026-11-02", "2026-11-03")
                        .gehouden(A + "/L1 2026-11-02 ONG", A + "/L1 2026-11-03 ONG", A + "/L2 2026-11-02 ZK",
                                A + "/L2 2026-11-03 ZK", A + "/L2 2026-11-04 ONG"),
                // The school's period in the second file is 03-11..05-11: L1 is in the file, so its 04-11 goes.
                geval("§3 period: vervangt: leerlingen — de periode is die van de school, niet die van de leerling")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02", "2026-11-03", "2026-11-04")
                        .heleDag(A, "L2", ONG, "2026-11-02", "2026-11-04")
                        .bestand(Vervangt.LEERLINGEN).heleDag(A, "L1", ZK, "2026-11-03").heleDag(A, "L2", ONG, "2026-11-05")
                        .gehouden(A + "/L1 2026-11-02 ONG", A + "/L1 2026-11-03 ZK", A + "/L2 2026-11-02 ONG",
                                A + "/L2 2026-11-05 ONG"),
                geval("§3 period: vervangt: niets met registratie_id — alleen een registratie met dezelfde id wordt"
                        + " vervangen")
                        .bestand(Vervangt.NIETS).metId("1", A, "L1", ONG, "2026-11-02").metId("2", A, "L1", ONG, "2026-11-03")
                        .metId("3", A, "L1", ONG, "2026-11-04").metId("4", A, "L1", ONG, "2026-11-05")
                        .bestand(Vervangt.NIETS).metId("3", A, "L1", ZK, "2026-11-04")
                        .metId("5", A, "L1", TL, "2026-11-06", 20)
                        .gehouden(A + "/L1 2026-11-02 ONG #1", A + "/L1 2026-11-03 ONG #2", A + "/L1 2026-11-04 ZK #3",
                                A + "/L1 2026-11-05 ONG #4", A + "/L1 2026-11-06 TL 20 min #5")
                        // 330 + 330 + 330 (04-11 is ZK now) = 990 on 05-11; with the ONG of 04-11 it would be 1200.
                        .duo(A + "/L1", "2026-11-20", r16("2026-11-02", "2026-11-05", "16.50")),
                geval("§3 registrations: een registratie_id die terugkomt vervangt de registratie, ook op een andere dag"
                        + " (vervangt: school, buiten de periode)")
                        .bestand().metId("7", A, "L1", ONG, "2026-11-03").metId("8", A, "L1", ONG, "2026-11-02")
                        .bestand().metId("7", A, "L1", ONG, "2026-11-10")
                        .gehouden(A + "/L1 2026-11-02 ONG #8", A + "/L1 2026-11-10 ONG #7"),
                geval("§3 registrations: een registratie_id naar een andere dag verplaatst (vervangt: niets)")
                        .bestand(Vervangt.NIETS).metId("7", A, "L1", ONG, "2026-11-03")
                        .bestand(Vervangt.NIETS).metId("7", A, "L1", ONG, "2026-11-10")
                        .gehouden(A + "/L1 2026-11-10 ONG #7"),
                geval("§3 registrations: een registratie_id bij een andere leerling vervangt de registratie waar die ook"
                        + " was")
                        .bestand(Vervangt.NIETS).metId("7", A, "L1", ONG, "2026-11-03")
                        .bestand(Vervangt.NIETS).metId("7", A, "L2", ONG, "2026-11-03")
                        .gehouden(A + "/L2 2026-11-03 ONG #7"),
                geval("§3 registrations: een registratie_id geldt per school")
                        .bestand(Vervangt.NIETS).metId("7", A, "L1", ONG, "2026-11-03").metId("7", B, "L9", ONG, "2026-11-03")
                        .bestand(Vervangt.NIETS).metId("7", A, "L1", ZK, "2026-11-03")
                        .gehouden(A + "/L1 2026-11-03 ZK #7", B + "/L9 2026-11-03 ONG #7"),
                geval("§3 registrations: in één bestand wint de latere regel met dezelfde sleutel")
                        .bestand().vanaf(A, "L1", ONG, "2026-11-02", "08:30", 330).vanaf(A, "L1", ONG, "2026-11-02", "08:30", 30)
                        .gehouden(A + "/L1 2026-11-02 08:30 ONG 30 min"),
                geval("§3 registrations: in één bestand wint de latere regel met dezelfde registratie_id, ook op een"
                        + " andere dag")
                        .bestand(Vervangt.NIETS).metId("7", A, "L1", ONG, "2026-11-03").metId("7", A, "L1", ZK, "2026-11-04")
                        .gehouden(A + "/L1 2026-11-04 ZK #7"),
                geval("§3 registrations: zelfde dag en code zonder tijden maar met een eigen registratie_id: twee"
                        + " registraties")
                        .bestand().metId("1", A, "L1", ONG, "2026-11-02", 60).metId("2", A, "L1", ONG, "2026-11-02", 60)
                        .gehouden(A + "/L1 2026-11-02 ONG 60 min #1", A + "/L1 2026-11-02 ONG 60 min #2"),
                geval("§3 registrations: onder vervangt: niets vervangt een regel zonder id die met dezelfde sleutel")
                        .bestand(Vervangt.NIETS).vanaf(A, "L1", ONG, "2026-11-02", "08:30", 330)
                        .bestand(Vervangt.NIETS).vanaf(A, "L1", ONG, "2026-11-02", "08:30", 30)
                        .gehouden(A + "/L1 2026-11-02 08:30 ONG 30 min"),
                geval("§3 period: een bestand zonder geaccepteerde regels verandert niets")
                        .bestand().heleDag(A, "L1", ONG, "2026-11-02")
                        .bestand()
                        .gehouden(A + "/L1 2026-11-02 ONG"));
    }

    @Test
    void eenRegistratieIdDieGeenGetalIsWordtOokHerkend() {
        // §3 "a registratie_id seen again replaces the registration held under it": ids need not be numbers.
        Registratiestand stand = lees(geval("ids als tekst")
                .bestand(Vervangt.NIETS).metId("abs-7f3a", A, "L1", ONG, "2026-11-03").metId("abs-7f3b", A, "L1", ONG,
                        "2026-11-04")
                .bestand(Vervangt.NIETS).metId("abs-7f3a", A, "L1", ZK, "2026-11-03"));
        assertThat(stand.registraties(A, "L1")).extracting(Registratie::code).containsExactlyInAnyOrder(ONG, ZK);
        assertThat(stand.registraties(A, "L1")).extracting(Registratie::registratieId)
                .allSatisfy(id -> assertThat(id).startsWith("#")).doesNotHaveDuplicates();
        // Numbers are kept as they are, leading zeros make a text.
        assertThat(Registratieopslag.vingerafdruk("0123")).isNotEqualTo(Registratieopslag.vingerafdruk("123"));
        assertThat(Registratieopslag.vingerafdruk("123")).isEqualTo(124);
        assertThat(Registratieopslag.vingerafdruk("999999999999999999")).isPositive();
        assertThat(Registratieopslag.vingerafdruk("9999999999999999999")).isNegative();
    }

    @Test
    void deExportperiodeNoemtPerSchoolVanTotEnVervalt() {
        // What the inbox's database side uses for step 2: per school its van..tot, and whether a held row goes.
        Exportperiode periode = new Exportperiode(Vervangt.LEERLINGEN);
        periode.regel(A, "L1", d("2026-11-04"));
        periode.regel(B, "L9", d("2026-11-09"));
        periode.regel(A, "L2", d("2026-11-02"));
        assertThat(periode.scholen()).containsExactly(A, B);
        assertThat(periode.van(A)).isEqualTo(d("2026-11-02"));
        assertThat(periode.tot(A)).isEqualTo(d("2026-11-04"));
        assertThat(periode.leerlingen(A)).containsExactlyInAnyOrder("L1", "L2");
        assertThat(periode.vervalt(A, "L1", d("2026-11-03"))).isTrue();
        assertThat(periode.vervalt(A, "L3", d("2026-11-03"))).as("not in the file").isFalse();
        assertThat(periode.vervalt(A, "L1", d("2026-11-05"))).as("after its tot").isFalse();
        assertThat(periode.vervalt(B, "L9", d("2026-11-04"))).as("B's period is its own").isFalse();
        assertThat(periode.van("22XX00")).isNull();
    }

    @Test
    void eenBestandTegelijk() {
        Registratiestand stand = new Registratiestand();
        Registratiestand.Bestand eerste = stand.lees(Vervangt.SCHOOL);
        assertThatThrownBy(() -> stand.lees(Vervangt.SCHOOL)).isInstanceOf(IllegalStateException.class);
        eerste.sluit();
        assertThatThrownBy(() -> eerste.regel(A, "L1", Registratie.heleDag(d("2026-11-02"), ONG)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eenAfgebrokenBestandLaatHetGehoudeneZoalsHetWasEnEenLosgelatenSchoolIsWeg() {
        Registratiestand stand = new Registratiestand();
        Registratiestand.Bestand eerste = stand.lees(Vervangt.SCHOOL);
        eerste.regel(A, "L1", Registratie.heleDag(d("2026-11-02"), ONG));
        eerste.regel(B, "L1", Registratie.heleDag(d("2026-11-02"), ZK));
        eerste.sluit();

        // a later file, rejected whole after two of its lines were given: one replacing L1's day, one a new pupil
        Registratiestand.Bestand afgewezen = stand.lees(Vervangt.SCHOOL);
        afgewezen.regel(A, "L1", Registratie.heleDag(d("2026-11-02"), ZK));
        afgewezen.regel(A, "L2", Registratie.heleDag(d("2026-11-03"), ONG));
        afgewezen.breekAf();

        assertThat(stand.leerlingen()).containsExactly(new Registratiestand.Leerlingsleutel(A, "L1"),
                new Registratiestand.Leerlingsleutel(B, "L1"));
        assertThat(stand.registraties(A, "L1")).extracting(Registratie::code).containsExactly(ONG);
        assertThat(stand.aantalRegistraties()).isEqualTo(2);
        assertThat(stand.scholen()).containsExactlyInAnyOrder(A, B);

        stand.laatLos(A);
        assertThat(stand.scholen()).containsExactly(B);
        assertThat(stand.leerlingen(A)).isEmpty();
        assertThat(stand.registraties(A, "L1")).isEmpty();
        assertThat(stand.registraties(B, "L1")).extracting(Registratie::code).containsExactly(ZK);
        assertThat(stand.aantalRegistraties()).isEqualTo(1);
        assertThatThrownBy(() -> stand.lees(Vervangt.SCHOOL)).isInstanceOf(IllegalStateException.class);
    }
}
