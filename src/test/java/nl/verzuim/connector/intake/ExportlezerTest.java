package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.SchoolconfiguratieLezer;

/** Which school and which profile a CSV is read with, and what a receiver gets of a file that is rejected. */
class ExportlezerTest {

    static final String SCHOOL = """
              - brin: %s
                vestiging: "00"
                naam: School %s
                onderwijssoort: PO
                contactpersoon: {naam: C. Contact, email: contact@school.example}
                melder: {naam: M. Melder, email: melder@school.example}
                las_profiel: %s
                lesminuten: {maandag: 330, dinsdag: 330, woensdag: 210, donderdag: 330, vrijdag: 330}
            """;

    @TempDir
    Path map;

    static Scholen scholen(String profielA, String profielB) {
        return SchoolconfiguratieLezer.lees(new StringReader("scholen:\n" + SCHOOL.formatted("11AA", "A", profielA)
                + SCHOOL.formatted("22BB", "B", profielB)), "scholen.yaml");
    }

    @Test
    void eenBestandsnaamMetBrinLeestMetHetProfielVanDieSchool() throws Exception {
        Scholen scholen = scholen("standaard", "komma-lettercodes");
        List<String> ontvangen = new ArrayList<>();
        List<IntakeFout> fouten = new ArrayList<>();
        new Exportlezer(scholen, id -> List.of(), Long.MAX_VALUE).lees(csv("22BB00_absenties.csv", """
                leerlingnummer,datum,van,tot,duur,reden,toelichting
                88,5-10-2026,,,,Z,
                """), ontvanger(ontvangen), fouten);
        assertThat(ontvangen).containsExactly("22BB00/88 ZK");
        assertThat(fouten).isEmpty();
    }

    @Test
    void eenBestandsnaamDieEenNietGeconfigureerdeSchoolNoemtWordtAfgewezen() throws Exception {
        Scholen eenSchool = SchoolconfiguratieLezer.lees(new StringReader("scholen:\n"
                + SCHOOL.formatted("11AA", "A", "standaard")), "scholen.yaml");
        assertThatThrownBy(() -> new Exportlezer(eenSchool, id -> List.of(), Long.MAX_VALUE).lees(
                csv("99XX00_verzuim.csv", "leerling_id;datum;code\nLN1;2026-10-05;ONG\n"), ontvanger(new ArrayList<>()),
                new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> assertThat(e.fouten().get(0).reden())
                        .isEqualTo("de bestandsnaam noemt school 99XX00, maar die is niet geconfigureerd in connector.schools"));
    }

    @Test
    void zonderSchoolInDeNaamGaatElkeRegelNaarDeSchoolVanDeLeerlingEnEenOnbekendeLeerlingIsEenFout() throws Exception {
        Scholen scholen = scholen("standaard", "standaard");
        Map<String, List<String>> bekend = Map.of("LN1", List.of("11AA00"), "LN2", List.of("22BB00"),
                "LN3", List.of("11AA00", "22BB00"));
        List<String> ontvangen = new ArrayList<>();
        List<IntakeFout> fouten = new ArrayList<>();
        new Exportlezer(scholen, id -> bekend.getOrDefault(id, List.of()), Long.MAX_VALUE).lees(csv("verzuim.csv", """
                leerling_id;datum;code
                LN1;2026-10-05;ONG
                LN2;2026-10-05;ZK
                LN3;2026-10-05;ONG
                LN4;2026-10-05;ONG
                LN1;2026-10-06;TL
                """), ontvanger(ontvangen), fouten);
        assertThat(ontvangen).as("de goede regels komen aan").containsExactly("11AA00/LN1 ONG", "22BB00/LN2 ZK",
                "11AA00/LN1 TL");
        assertThat(fouten).extracting(IntakeFout::regel).containsExactly(4, 5);
        assertThat(fouten.get(1).toString()).startsWith("verzuim.csv regel 5, veld 'leerling_id': leerling LN4 is bij"
                + " geen (of meer dan één) geconfigureerde school bekend");
    }

    @Test
    void scholenMetVerschillendeProfielenEisenDeSchoolInDeBestandsnaam() throws Exception {
        assertThatThrownBy(() -> new Exportlezer(scholen("standaard", "komma-lettercodes"), id -> List.of(), Long.MAX_VALUE)
                .lees(csv("verzuim.csv", "leerling_id;datum;code\n"), ontvanger(new ArrayList<>()), new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> assertThat(e.fouten().get(0).reden())
                        .startsWith("de scholen gebruiken verschillende LAS-profielen (standaard, komma-lettercodes)"));
    }

    @Test
    void eenOntvangerDieNietKanTerugdraaienKrijgtNietsVanEenBestandDatLaatWordtAfgewezen() throws Exception {
        ByteArrayOutputStream inhoud = new ByteArrayOutputStream();
        inhoud.write("leerling_id;datum;code;omschrijving\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5_000; i++) {
            inhoud.write(("LN1;2026-10-05;ONG;regel " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        inhoud.write("LN1;2026-10-06;ONG;één\n".getBytes(Charset.forName("windows-1252")));
        inhoud.write("LN1;2026-10-07;ONG;\u0081\n".getBytes(StandardCharsets.ISO_8859_1)); // undefined in Windows-1252
        Path bestand = map.resolve("11AA00_laat-fout.csv");
        Files.write(bestand, inhoud.toByteArray());
        List<String> ontvangen = new ArrayList<>();
        assertThatThrownBy(() -> new Exportlezer(scholen("standaard", "standaard"), id -> List.of(), Long.MAX_VALUE)
                .lees(bestand, ontvanger(ontvangen), new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> assertThat(e.fouten().get(0).toString())
                        .startsWith("11AA00_laat-fout.csv regel 5003: het bestand is geen geldige UTF-8 en ook geen"
                                + " Windows-1252"));
        assertThat(ontvangen).isEmpty();
    }

    @Test
    void eenTeGrootBestandWordtOngelezenGeweigerd() throws Exception {
        Path bestand = csv("11AA00_groot.csv", "leerling_id;datum;code\nLN1;2026-10-05;ONG\n");
        assertThatThrownBy(() -> new Exportlezer(scholen("standaard", "standaard"), id -> List.of(), 10)
                .lees(bestand, ontvanger(new ArrayList<>()), new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> assertThat(e.fouten().get(0).reden())
                        .contains("meer dan de toegestane 10 (connector.intake.max-bestandsgrootte)"));
    }

    private Path csv(String naam, String inhoud) throws Exception {
        Path bestand = map.resolve(naam);
        Files.writeString(bestand, inhoud, StandardCharsets.UTF_8);
        return bestand;
    }

    private static Exportlezer.Ontvanger ontvanger(List<String> ontvangen) {
        return new Exportlezer.Ontvanger() {
            @Override
            public void leerling(School school, LeerlingGegevens leerling) {
                ontvangen.add(school.code() + "/" + leerling.leerlingId());
            }

            @Override
            public void registratie(School school, CsvRegel regel) {
                ontvangen.add(school.code() + "/" + regel.leerlingId() + " " + regel.registratie().code());
            }
        };
    }
}
