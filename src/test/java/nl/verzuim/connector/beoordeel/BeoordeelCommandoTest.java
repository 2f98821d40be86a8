package nl.verzuim.connector.beoordeel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code beoordeel} command as a user runs it (connector-interface.md "Checking an export without sending
 * anything"): real files on disk, {@link BeoordeelCommando#voerUit} with the arguments of the command line, and what
 * lands on standard output, standard error and in the exit status. The schools file is the test school (00YY00:
 * herfstvakantie 17–25 October 2026, kerstvakantie 19 December – 3 January, 330 lesminuten a day and 210 on
 * Wednesday); the expected decisions are worked out by hand from the domain reference.
 */
class BeoordeelCommandoTest {

    static final Path SCHOLEN = Path.of("src/test/resources/scholen-test.yaml");
    /** Edustandaard's PaO sample dossier as the sandbox ships it: LN094837, born 17-03-2014, school 00YY00. */
    static final Path DOSSIER_2014 = Path.of("src/main/resources/sandbox/Voorbeelddossier_PaO_POSWV_sandbox.xml");
    /** Edustandaard's OV sample dossier unchanged (../shared/formats/oso): LN094837, born 17-03-2003. */
    static final Path DOSSIER_2003 = Path.of("src/test/resources/formats/oso/Voorbeelddossier_OV_POVO_full.xml");
    static final String KOP = "leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path map;

    @Test
    void dossierEnCsvGevenDeBeslissingenVanDeReferentieGesorteerdEnMetAlleenDeVeldenDieGelden() throws IOException {
        // LN094837 (12) absent without leave every school day from 02-11 to 04-12; LN100200, known from no dossier,
        // ill from ma 16-11 to di 24-11 (7 school days).
        List<String> regels = new ArrayList<>(List.of(KOP));
        regels.addAll(elkeSchooldag("LN094837", "2026-11-02", "2026-12-04", "08:30;;;ONG;niet op school"));
        regels.addAll(elkeSchooldag("LN100200", "2026-11-16", "2026-11-24", ";;;ZK;ziek gemeld door moeder"));
        Path csv = schrijf("00YY00_verzuim.csv", regels);

        Resultaat r = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-12-04", DOSSIER_2014.toString(),
                csv.toString());

        assertThat(r.status).isZero();
        // 16 uur on do 05-11 (330+330+210+330). LRV: D0 02-11, D0 + 27 = zo 29-11, so ma 30-11; from that day the
        // LRV holds, so the first window without week 02-11 (that of 30-11) gives no second 16-uur melding for the
        // same days (domain §3, "The keuzehulp's order"). OT A in the window of 16-11 (26-10, 02-11, 09-11, 16-11):
        // 4590 of 6120. ZAS: the 7th sick school day is 24-11.
        assertThat(r.zonderUitleg()).containsExactly(
                Map.of("leerling_id", "LN094837", "brin", "00YY", "vestiging", "00", "kanaal", "DUO",
                        "soort", "LANGDURIG_RELATIEF", "begindatum", "2026-11-02", "einddatum", "2026-12-04"),
                Map.of("leerling_id", "LN094837", "brin", "00YY", "vestiging", "00", "kanaal", "DUO",
                        "soort", "RELATIEF_16_UUR", "begindatum", "2026-11-02", "einddatum", "2026-11-05",
                        "uren", 20.0),
                Map.of("leerling_id", "LN094837", "brin", "00YY", "vestiging", "00", "kanaal", "OT",
                        "soort", "A_LANGDURIG_RELATIEF_VERZUIM", "begindatum", "2026-11-02"),
                Map.of("leerling_id", "LN100200", "brin", "00YY", "vestiging", "00", "kanaal", "SIGNAAL",
                        "soort", "ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN", "begindatum", "2026-11-16"));
        assertThat(r.uit).contains("\"uren\":20.00,");
        assertThat(r.uitleggen()).allSatisfy(uitleg -> assertThat(uitleg).isNotBlank())
                .anySatisfy(uitleg -> assertThat(uitleg).contains("1200 minuten").contains("12 jaar"));
        assertThat(r.fout.lines()).containsExactly("waarschuwing: leerling LN100200 van school 00YY00: geen"
                + " geboortedatum bekend (geen OSO-dossier of EDEXML-export met deze leerling); de DUO-regels zijn niet"
                + " toegepast, alleen OT en de ZAS-signalen");
    }

    @Test
    void eenSchoolMetSignalenKrijgtOokDeEigenSignalenMetDeNaamVanDeRegelAlsSoort() throws IOException {
        // The data of the first test, with a schools file whose 00YY00 has seed 002's policy (scholen-signalen.yaml,
        // the README's example). LN094837 absent without leave every school day from 02-11: SPIJBELEN counts school
        // days with ONG, steps 3, 6, 9 on wo 04-11, ma 09-11, do 12-11; BIJNA_16_UUR: 330 + 330 = 660 >= 600 minutes
        // on di 03-11, before the 16-uur melding of do 05-11 it gives way to. LN100200 ill 16-11 to 24-11: ZIEKTEDAG
        // 4 on do 19-11 and 6 on ma 23-11. Every national decision stays as it was.
        List<String> regels = new ArrayList<>(List.of(KOP));
        regels.addAll(elkeSchooldag("LN094837", "2026-11-02", "2026-12-04", "08:30;;;ONG;niet op school"));
        regels.addAll(elkeSchooldag("LN100200", "2026-11-16", "2026-11-24", ";;;ZK;ziek gemeld door moeder"));
        Path csv = schrijf("00YY00_verzuim.csv", regels);

        Resultaat zonder = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-12-04",
                DOSSIER_2014.toString(), csv.toString());
        Resultaat met = beoordeel("--scholen", "src/test/resources/scholen-signalen.yaml", "--peildatum",
                "2026-12-04", DOSSIER_2014.toString(), csv.toString());

        assertThat(met.status).isZero();
        List<String> eigen = met.zonderUitleg().stream().filter(b -> !zonder.zonderUitleg().contains(b))
                .map(b -> b.get("leerling_id") + " " + b.get("kanaal") + " " + b.get("soort") + " " + b.get("begindatum"))
                .toList();
        assertThat(eigen).containsExactlyInAnyOrder(
                "LN094837 SIGNAAL BIJNA_16_UUR 2026-11-03",
                "LN094837 SIGNAAL SPIJBELEN 2026-11-04", "LN094837 SIGNAAL SPIJBELEN 2026-11-09",
                "LN094837 SIGNAAL SPIJBELEN 2026-11-12",
                "LN100200 SIGNAAL ZIEKTEDAG 2026-11-19", "LN100200 SIGNAAL ZIEKTEDAG 2026-11-23");
        assertThat(met.zonderUitleg()).as("every national decision as without signalen:")
                .containsAll(zonder.zonderUitleg()).hasSize(zonder.zonderUitleg().size() + eigen.size());
        assertThat(met.uit).contains("SPIJBELEN");
    }

    @Test
    void eenLatereExportDieDagenHercodeertNeemtDeBeslissingWegZoalsInDeInbox() throws IOException {
        // Monday's export: 2–5 November ONG (1200 minutes: a 16-uur melding). Tuesday's covers 2–6 November: the
        // parent called, 2–5 November are ZK now, and 6 November is ONG. The later export speaks for its period
        // (domain §3): nothing of Monday's ONG is left, so no 16-uur melding.
        List<String> maandag = new ArrayList<>(List.of(KOP));
        maandag.addAll(elkeSchooldag("LN094837", "2026-11-02", "2026-11-05", ";;;ONG;"));
        List<String> dinsdag = new ArrayList<>(List.of(KOP));
        dinsdag.addAll(elkeSchooldag("LN094837", "2026-11-02", "2026-11-05", ";;;ZK;ouder belde achteraf"));
        dinsdag.addAll(elkeSchooldag("LN094837", "2026-11-06", "2026-11-06", ";;;ONG;"));

        Resultaat alleenMaandag = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-11-06",
                DOSSIER_2014.toString(), schrijf("00YY00_maandag.csv", maandag).toString());
        Resultaat beide = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-11-06",
                DOSSIER_2014.toString(), schrijf("00YY00_maandag.csv", maandag).toString(),
                schrijf("00YY00_dinsdag.csv", dinsdag).toString());

        assertThat(alleenMaandag.zonderUitleg()).extracting(b -> b.get("soort")).contains("RELATIEF_16_UUR");
        assertThat(beide.status).isZero();
        assertThat(beide.zonderUitleg()).extracting(b -> b.get("soort")).doesNotContain("RELATIEF_16_UUR");
    }

    @Test
    void hetVoorbeeldUitDeReadme() {
        // src/docs/beoordeel.md: LN094837 (12) LUX on do 15 and vr 16 October; 16 uur reached on di 10-11:
        // 25 (TL) + 210 (08:30–12:00) + 330 + 330 + 20 (TL) + 330 = 1245 minutes = 20,75 uur. UIT is present.
        // LN100200 (no dossier): the 7th sick school day is di 24-11.
        Resultaat r = beoordeel("--scholen", "src/main/resources/sandbox/scholen.yaml", "--peildatum", "2026-11-27",
                DOSSIER_2014.toString(), "src/test/resources/beoordeel/00YY00_voorbeeld.csv");

        assertThat(r.status).isZero();
        assertThat(r.zonderUitleg()).containsExactly(
                Map.of("leerling_id", "LN094837", "brin", "00YY", "vestiging", "00", "kanaal", "DUO",
                        "soort", "LUXE", "begindatum", "2026-10-15", "einddatum", "2026-10-16"),
                Map.of("leerling_id", "LN094837", "brin", "00YY", "vestiging", "00", "kanaal", "DUO",
                        "soort", "RELATIEF_16_UUR", "begindatum", "2026-11-02", "einddatum", "2026-11-10",
                        "uren", 20.75),
                Map.of("leerling_id", "LN100200", "brin", "00YY", "vestiging", "00", "kanaal", "SIGNAAL",
                        "soort", "ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN", "begindatum", "2026-11-16"));
        assertThat(r.fout.lines()).singleElement().asString().startsWith("waarschuwing: leerling LN100200");
    }

    @Test
    void hetOnveranderdeVoorbeelddossierIsVanEen23JarigeDieGeenDuoMeldingKrijgtWelOt() throws IOException {
        // The Edustandaard sample pupil is born 17-03-2003: 23 in November 2026, so no DUO melding (§3); OT applies
        // whatever the age.
        List<String> regels = new ArrayList<>(List.of(KOP));
        regels.addAll(elkeSchooldag("LN094837", "2026-11-02", "2026-12-04", ";;;ONG;"));
        Path csv = schrijf("00YY00_verzuim.csv", regels);

        Resultaat r = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-12-04", DOSSIER_2003.toString(),
                csv.toString());

        assertThat(r.status).isZero();
        assertThat(r.fout).isEmpty();
        assertThat(r.zonderUitleg()).containsExactly(Map.of("leerling_id", "LN094837", "brin", "00YY",
                "vestiging", "00", "kanaal", "OT", "soort", "A_LANGDURIG_RELATIEF_VERZUIM", "begindatum", "2026-11-02"));
    }

    @Test
    void eenLatereExportVervangtDezelfdeRegistratieUitEenEerdere() throws IOException {
        // Export 1: ma–do 02–05 November, 1200 minutes: a 16-uur melding. Export 2 (overlapping) corrects Monday to
        // 30 minutes: 900 minutes, no melding. The files are read in the order given, as the inbox would.
        Path eerste = schrijf("00YY00_export1.csv", List.of(KOP, "LN094837;2026-11-02;08:30;;330;ONG;",
                "LN094837;2026-11-03;08:30;;330;ONG;", "LN094837;2026-11-04;08:30;;210;ONG;",
                "LN094837;2026-11-05;08:30;;330;ONG;"));
        Path tweede = schrijf("00YY00_export2.csv", List.of(KOP, "LN094837;2026-11-02;08:30;;30;ONG;gecorrigeerd",
                "LN094837;2026-11-03;08:30;;330;ONG;"));

        Resultaat alleenEerste = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-11-20",
                DOSSIER_2014.toString(), eerste.toString());
        Resultaat beide = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-11-20",
                DOSSIER_2014.toString(), eerste.toString(), tweede.toString());

        assertThat(alleenEerste.zonderUitleg()).extracting(m -> m.get("soort")).containsExactly("RELATIEF_16_UUR");
        assertThat(beide.status).isZero();
        assertThat(beide.uit).isEmpty();
    }

    @Test
    void eenAfgewezenRegelStaatOpStandaardfoutMetBestandRegelEnVeldEnDeRestWordtBeoordeeld() throws IOException {
        Path csv = schrijf("00YY00_verzuim.csv", List.of(KOP,
                "LN094837;2026-11-02;08:30;;330;ONG;",
                "LN094837;2026-11-03;08:30;;330;XYZ;",
                "LN094837;2026-13-03;08:30;;330;ONG;",
                "LN094837;2026-11-03;08:30;;330;ONG;",
                "LN094837;2026-11-04;08:30;;210;ONG;",
                "LN094837;2026-11-05;08:30;;330;ONG;"));

        Resultaat r = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-11-20", DOSSIER_2014.toString(),
                csv.toString());

        assertThat(r.status).isEqualTo(2);
        assertThat(r.fout.lines()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("00YY00_verzuim.csv regel 3, veld 'code': ").contains("XYZ"))
                .anySatisfy(l -> assertThat(l).startsWith("00YY00_verzuim.csv regel 4, veld 'datum': "));
        assertThat(r.zonderUitleg()).extracting(m -> m.get("soort"), m -> m.get("einddatum"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RELATIEF_16_UUR", "2026-11-05"));
    }

    @Test
    void eenBestandDatPasAanZijnEindeHeelWordtAfgewezenLaatNietsAchterVanZijnEerdereRegels() throws IOException {
        // The command streams a file's lines into what it holds; a later export that turns out to be rejected whole
        // at its end (a quote never closed) must leave what the earlier export said, as the inbox would.
        Path eerder = schrijf("00YY00_eerder.csv", new ArrayList<>(Stream.concat(Stream.of(KOP),
                elkeSchooldag("LN094837", "2026-11-02", "2026-11-06", ";;;LUX;").stream()).toList()));
        List<String> later = new ArrayList<>(List.of(KOP));
        later.addAll(elkeSchooldag("LN094837", "2026-11-02", "2026-11-06", ";;;ZK;ziek gemeld"));
        later.addAll(elkeSchooldag("LN100200", "2026-11-02", "2026-11-27", "08:30;;;ONG;"));
        later.add("LN100200;2026-11-30;08:30;;;ONG;\"" + "x".repeat(1 << 20));
        Path afgewezen = schrijf("00YY00_later.csv", later);

        Resultaat r = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-11-30", DOSSIER_2014.toString(),
                eerder.toString(), afgewezen.toString());

        assertThat(r.status).isEqualTo(2);
        assertThat(r.fout.lines()).singleElement().asString().startsWith("00YY00_later.csv regel ");
        assertThat(r.zonderUitleg()).containsExactly(Map.of("leerling_id", "LN094837", "brin", "00YY",
                "vestiging", "00", "kanaal", "DUO", "soort", "LUXE", "begindatum", "2026-11-02",
                "einddatum", "2026-11-06"));
    }

    @Test
    void eenOntbrekendBestandWordtGemeldEnDeAndereWordenBeoordeeld() throws IOException {
        Path csv = schrijf("00YY00_verzuim.csv", new ArrayList<>(Stream.concat(Stream.of(KOP),
                elkeSchooldag("LN094837", "2026-11-02", "2026-11-06", ";;;LUX;").stream()).toList()));

        Resultaat r = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-11-20", DOSSIER_2014.toString(),
                map.resolve("bestaat-niet.csv").toString(), csv.toString());

        assertThat(r.status).isEqualTo(2);
        assertThat(r.fout).startsWith("bestaat-niet.csv: bestand bestaat niet");
        assertThat(r.zonderUitleg()).containsExactly(Map.of("leerling_id", "LN094837", "brin", "00YY",
                "vestiging", "00", "kanaal", "DUO", "soort", "LUXE", "begindatum", "2026-11-02",
                "einddatum", "2026-11-06"));
    }

    @Test
    void gesorteerdOpBrinVestigingLeerlingKanaalSoortEnBegindatum() throws IOException {
        Path scholen = map.resolve("scholen.yaml");
        Files.writeString(scholen, Files.readString(SCHOLEN) + Files.readString(SCHOLEN).lines()
                .dropWhile(l -> !l.startsWith("  - brin"))
                .map(l -> l.replace("brin: 00YY", "brin: 00AA").replace("Testschool De Verrekijker", "Tweede school"))
                .reduce("", (a, b) -> a + b + "\n"));
        // Given in the order 00YY, 00AA and pupils 2, 1. Each pupil (12): LUX on ma 02-11 and ma 16-11, ill wo 04-11
        // to do 12-11 (7 school days), and ONG di 17-11 to vr 20-11 (330+210+330+330 = 1200, 16 uur on 20-11).
        List<String> regels = new ArrayList<>(List.of(KOP));
        List<String> bestanden = new ArrayList<>(List.of("--scholen", scholen.toString(), "--peildatum", "2026-11-20"));
        for (String brin : List.of("00YY", "00AA")) {
            for (String leerling : List.of("LN000002", "LN000001")) {
                bestanden.add(dossier(leerling, brin, "2014-03-17").toString());
            }
        }
        for (String leerling : List.of("LN000002", "LN000001")) {
            regels.addAll(elkeSchooldag(leerling, "2026-11-02", "2026-11-02", ";;;LUX;"));
            regels.addAll(elkeSchooldag(leerling, "2026-11-04", "2026-11-12", ";;;ZK;"));
            regels.addAll(elkeSchooldag(leerling, "2026-11-16", "2026-11-16", ";;;LUX;"));
            regels.addAll(elkeSchooldag(leerling, "2026-11-17", "2026-11-20", ";;;ONG;"));
        }
        bestanden.add(schrijf("00YY00_verzuim.csv", regels).toString());
        bestanden.add(schrijf("00AA00_verzuim.csv", regels).toString());

        Resultaat r = beoordeel(bestanden.toArray(String[]::new));

        assertThat(r.status).isZero();
        assertThat(r.fout).isEmpty();
        List<String> perLeerling = List.of("DUO LUXE 2026-11-02", "DUO LUXE 2026-11-16",
                "DUO RELATIEF_16_UUR 2026-11-17", "SIGNAAL ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN 2026-11-04");
        List<String> verwacht = new ArrayList<>();
        for (String voor : List.of("00AA LN000001 ", "00AA LN000002 ", "00YY LN000001 ", "00YY LN000002 ")) {
            perLeerling.forEach(b -> verwacht.add(voor + b));
        }
        assertThat(r.zonderUitleg()).extracting(m -> m.get("brin") + " " + m.get("leerling_id") + " " + m.get("kanaal")
                + " " + m.get("soort") + " " + m.get("begindatum")).containsExactlyElementsOf(verwacht);
    }

    /** The sandbox's sample dossier for another pupil, school and birth date (a valid OSO 2019.1 dossier). */
    private Path dossier(String leerlingId, String brin, String geboren) throws IOException {
        LocalDate datum = LocalDate.parse(geboren);
        String xml = Files.readString(DOSSIER_2014)
                .replaceFirst("<brincode>00YY</brincode>", "<brincode>" + brin + "</brincode>")
                .replace("<leerlingid>LN094837</leerlingid>", "<leerlingid>" + leerlingId + "</leerlingid>")
                .replace("<geboortedatum>2014-03-17</geboortedatum>", "<geboortedatum>" + datum + "</geboortedatum>")
                .replace("<gbageboortedatum>17-03-2014</gbageboortedatum>", "<gbageboortedatum>"
                        + datum.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + "</gbageboortedatum>");
        return Files.writeString(map.resolve(brin + "_" + leerlingId + ".xml"), xml);
    }

    @Test
    void verkeerdeArgumentenOfSchoolconfiguratieGevenStatus1() throws IOException {
        Path csv = schrijf("00YY00_verzuim.csv", List.of(KOP, "LN094837;2026-11-02;;;;ONG;"));

        Resultaat zonderPeildatum = beoordeel("--scholen", SCHOLEN.toString(), csv.toString());
        Resultaat slechteDatum = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "20-11-2026",
                csv.toString());
        Resultaat onbekendeOptie = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-11-20", "--snel",
                csv.toString());
        Resultaat geenScholen = beoordeel("--scholen", map.resolve("geen.yaml").toString(), "--peildatum",
                "2026-11-20", csv.toString());
        Path kapot = map.resolve("kapot.yaml");
        Files.writeString(kapot, "scholen:\n  - brin: 12AB\n    onbekend: ja\n");
        Resultaat kapotteScholen = beoordeel("--scholen", kapot.toString(), "--peildatum", "2026-11-20",
                csv.toString());
        Resultaat geenBestandGelezen = beoordeel("--scholen", SCHOLEN.toString(), "--peildatum", "2026-11-20",
                map.resolve("weg.csv").toString());

        for (Resultaat r : List.of(zonderPeildatum, slechteDatum, onbekendeOptie, geenScholen, kapotteScholen,
                geenBestandGelezen)) {
            assertThat(r.status).isEqualTo(1);
            assertThat(r.uit).isEmpty();
            assertThat(r.fout).isNotBlank();
        }
        assertThat(slechteDatum.fout).contains("'20-11-2026' is geen datum");
        assertThat(geenScholen.fout).contains("geen.yaml");
        assertThat(kapotteScholen.fout).contains("kapot.yaml").contains("regel");
        assertThat(geenBestandGelezen.fout).contains("weg.csv");
    }

    private Resultaat beoordeel(String... args) {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        ByteArrayOutputStream fout = new ByteArrayOutputStream();
        int status = BeoordeelCommando.voerUit(args, new PrintStream(uit, true, StandardCharsets.UTF_8),
                new PrintStream(fout, true, StandardCharsets.UTF_8));
        return new Resultaat(status, uit.toString(StandardCharsets.UTF_8), fout.toString(StandardCharsets.UTF_8));
    }

    private Path schrijf(String naam, List<String> regels) throws IOException {
        return Files.write(map.resolve(naam), regels, StandardCharsets.UTF_8);
    }

    /** A line for every weekday from van to tot; the rules themselves skip the days that are no school day. */
    static List<String> elkeSchooldag(String leerling, String van, String tot, String rest) {
        List<String> regels = new ArrayList<>();
        for (LocalDate dag = LocalDate.parse(van); !dag.isAfter(LocalDate.parse(tot)); dag = dag.plusDays(1)) {
            if (dag.getDayOfWeek() != DayOfWeek.SATURDAY && dag.getDayOfWeek() != DayOfWeek.SUNDAY) {
                regels.add(leerling + ";" + dag + ";" + rest);
            }
        }
        return regels;
    }

    record Resultaat(int status, String uit, String fout) {

        List<Map<String, Object>> regels() {
            return uit.lines().map(Resultaat::lees).toList();
        }

        /** Each line's fields but the uitleg, which the tests check separately. */
        List<Map<String, Object>> zonderUitleg() {
            return regels().stream().map(m -> {
                Map<String, Object> kopie = new java.util.LinkedHashMap<>(m);
                kopie.remove("uitleg");
                return kopie;
            }).toList();
        }

        List<String> uitleggen() {
            return regels().stream().map(m -> (String) m.get("uitleg")).toList();
        }

        private static Map<String, Object> lees(String regel) {
            try {
                return JSON.readValue(regel, new TypeReference<>() { });
            } catch (IOException e) {
                throw new AssertionError("geen JSON: " + regel, e);
            }
        }
    }
}
