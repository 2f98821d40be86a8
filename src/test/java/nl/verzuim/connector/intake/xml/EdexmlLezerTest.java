package nl.verzuim.connector.intake.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.verzuim.connector.intake.CsvRegel;
import nl.verzuim.connector.intake.Exportlezer;
import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.OngeldigBestandException;
import nl.verzuim.connector.leerling.Geslacht;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.SchoolconfiguratieLezer;

/**
 * EDEXML 2.1 exports, read through the same {@link Exportlezer} the inbox and the beoordeel command use: the
 * official sample as it is, and the faults a real export can have.
 */
class EdexmlLezerTest {

    static final Path VOORBEELD = Path.of("src/test/resources/formats/edexml/EDEXML.Voorbeeld.2.1.xml");

    /** The sample's school (99ZZ, dependance 00) and the test school 00YY00. */
    static final Scholen SCHOLEN = SchoolconfiguratieLezer.lees(new StringReader("""
            scholen:
              - brin: 99ZZ
                vestiging: "00"
                naam: Voorbeeldschool uit EDEXML.Voorbeeld.2.1.xml
                onderwijssoort: PO
                contactpersoon: {naam: C. Contact, email: contact@voorbeeld.example}
                melder: {naam: M. Melder, email: melder@voorbeeld.example}
                lesminuten: {maandag: 330, dinsdag: 330, woensdag: 210, donderdag: 330, vrijdag: 330}
              - brin: 00YY
                vestiging: "00"
                naam: Testschool De Verrekijker
                onderwijssoort: SO
                contactpersoon: {naam: C. Contact, email: contact@verrekijker.example}
                melder: {naam: M. Melder, email: melder@verrekijker.example}
                lesminuten: {maandag: 330, dinsdag: 330, woensdag: 210, donderdag: 330, vrijdag: 330}
            """), "scholen-test.yaml");

    @TempDir
    Path map;

    @Test
    void hetOfficieleVoorbeeldWordtGelezenZoalsHetIsEnDeLeerlingMetFoutBsnWordtGemeld() throws Exception {
        List<IntakeFout> fouten = new ArrayList<>();
        Map<String, LeerlingGegevens> gelezen = lees(VOORBEELD, fouten);

        assertThat(gelezen).containsOnlyKeys("99ZZ00/00001", "99ZZ00/12345");
        assertThat(fouten).singleElement().satisfies(f -> {
            assertThat(f.bestand()).isEqualTo("EDEXML.Voorbeeld.2.1.xml");
            assertThat(f.regel()).as("de regel van <bsn>").isEqualTo(102);
            assertThat(f.veld()).isEqualTo("bsn");
            assertThat(f.reden()).isEqualTo("leerling 00002: het BSN voldoet niet aan de elfproef");
            assertThat(f.toString()).doesNotContain("133456785").doesNotContain("Assati");
        });

        LeerlingGegevens wimpie = gelezen.get("99ZZ00/00001");
        assertThat(wimpie.bron()).isEqualTo(LeerlingGegevens.Bron.EDEXML);
        assertThat(wimpie.achternaam()).isEqualTo("ie");
        assertThat(wimpie.voorvoegsel()).isEqualTo("imp");
        assertThat(wimpie.voorletters()).isEqualTo("W");
        assertThat(wimpie.roepnaam()).isEqualTo("Wimpie");
        assertThat(wimpie.geboortedatum()).isEqualTo(LocalDate.of(2006, 6, 21));
        assertThat(wimpie.geslacht()).as("EDEXML/NEN-ISO 5218: 1 is jongen").isEqualTo(Geslacht.MAN);
        assertThat(wimpie.groepOfLeerjaar()).isEqualTo("4");
        assertThat(wimpie.bsn()).isNull();
        assertThat(wimpie.adres()).as("EDEXML heeft geen straat: niets verzinnen").isNull();
        assertThat(wimpie.verzorgers()).isEmpty();

        LeerlingGegevens gradje = gelezen.get("99ZZ00/12345");
        assertThat(gradje.bsn()).as("bsn_ondwnr-4 is alleen de laatste vier cijfers: geen identificatie").isNull();
        assertThat(gradje.onderwijsnummer()).isNull();
        assertThat(gradje.voorvoegsel()).isEqualTo("van 't");
        assertThat(gradje.groepOfLeerjaar()).isEqualTo("H");
        assertThat(gradje.datumUitschrijving()).as("uitstroomdatum").isEqualTo(LocalDate.of(2014, 7, 18));
        assertThat(gradje.toString()).doesNotContain("Hof");
    }

    @Test
    void geslachtJaargroepViaDeGroepOnderwijsnummerEnPostcode() throws Exception {
        List<IntakeFout> fouten = new ArrayList<>();
        Map<String, LeerlingGegevens> gelezen = lees(export("""
                <leerling key="A1"><achternaam>Een</achternaam><geboortedatum>2015-01-02Z</geboortedatum><geslacht>2</geslacht>
                  <groep key="G5"/><onderwijsnummer>101234503</onderwijsnummer><postcodenl>2511AB</postcodenl></leerling>
                <leerling key="A2"><achternaam>Twee</achternaam><geslacht>9</geslacht><jaargroep>7</jaargroep><groep key="G5"/>
                  <sofinummer>111222333</sofinummer></leerling>
                <leerling key="A3"><achternaam>Drie</achternaam><onderwijsnummer>101234568</onderwijsnummer></leerling>
                """), fouten);
        assertThat(gelezen).containsOnlyKeys("00YY00/A1", "00YY00/A2");
        LeerlingGegevens een = gelezen.get("00YY00/A1");
        assertThat(een.geslacht()).as("EDEXML 2 is meisje (in OSO zou 2 man zijn)").isEqualTo(Geslacht.VROUW);
        assertThat(een.groepOfLeerjaar()).as("jaargroep van de groep").isEqualTo("5");
        assertThat(een.onderwijsnummer()).isEqualTo("101234503");
        assertThat(een.postcodeNl()).isEqualTo("2511AB");
        assertThat(een.geboortedatum()).as("xs:date met tijdzone").isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(gelezen.get("00YY00/A2").geslacht()).isEqualTo(Geslacht.ONBEKEND);
        assertThat(gelezen.get("00YY00/A2").groepOfLeerjaar()).as("eigen jaargroep gaat voor").isEqualTo("7");
        assertThat(gelezen.get("00YY00/A2").bsn()).as("sofinummer is het BSN").isEqualTo("111222333");
        assertThat(fouten).singleElement().satisfies(f -> {
            assertThat(f.veld()).isEqualTo("onderwijsnummer");
            assertThat(f.reden()).startsWith("leerling A3: het onderwijsnummer voldoet niet").doesNotContain("101234568");
        });
    }

    @Test
    void eenExportDieNietAanHetSchemaVoldoetWordtHeelAfgewezenEnLevertNiets() throws Exception {
        Path bestand = export("""
                <leerling key="A1"><achternaam>Een</achternaam><geslacht>1</geslacht></leerling>
                <leerling key="A2"><achternaam>Twee</achternaam><geboortedatum>02-01-2015</geboortedatum></leerling>
                """);
        List<LeerlingGegevens> ontvangen = new ArrayList<>();
        assertThatThrownBy(() -> new Exportlezer(SCHOLEN, id -> List.of(), Long.MAX_VALUE).lees(bestand, ontvanger(ontvangen),
                new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> {
                    IntakeFout fout = e.fouten().get(0);
                    assertThat(fout.regel()).isEqualTo(9);
                    assertThat(fout.veld()).isEqualTo("EDEX/leerlingen/leerling/geboortedatum");
                    assertThat(fout.reden()).contains("schema").doesNotContain("02-01-2015");
                });
        assertThat(ontvangen).as("ook de goede leerling vóór de fout niet: het bestand is afgewezen").isEmpty();
    }

    @Test
    void eenDubbeleKeyIsEenSchemafoutZonderDeWaardeTeHerhalen() throws Exception {
        Path bestand = export("""
                <leerling key="123456782"><achternaam>Een</achternaam></leerling>
                <leerling key="123456782"><achternaam>Twee</achternaam></leerling>
                """);
        assertThatThrownBy(() -> new Exportlezer(SCHOLEN, id -> List.of(), Long.MAX_VALUE).lees(bestand,
                ontvanger(new ArrayList<>()), new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> assertThat(e.fouten().get(0).reden())
                        .contains("leerlingKey").doesNotContain("123456782"));
    }

    @Test
    void deSleutelbeperkingenVanHetSchemaGeldenOok() throws Exception {
        // keyref: a pupil's groep must exist among the groepen
        assertThat(schemafout(export("<leerling key=\"A1\"><achternaam>Een</achternaam><groep key=\"G9\"/></leerling>\n")))
                .isEqualTo("edex.xml regel 8, veld 'EDEX/leerlingen/leerling/groep': voldoet niet aan het schema:"
                        + " verwijzing naar een onbekende key (keyref 'groepsRefLeerling')");
        // unique: two pupils with one ECK iD
        assertThat(schemafout(export("""
                <leerling key="A1" eckid="https://id.school/LL_1"><achternaam>Een</achternaam></leerling>
                <leerling key="A2" eckid="https://id.school/LL_1"><achternaam>Twee</achternaam></leerling>
                """))).contains("regel 9").contains("'leerlingEckidUnique'").doesNotContain("LL_1");
        // a groep key used twice, once as samengestelde_groep
        Path bestand = map.resolve("groepen.xml");
        Files.writeString(bestand, Files.readString(export("<leerling key=\"A1\"><achternaam>Een</achternaam></leerling>\n"))
                .replace("</groepen>", "<samengestelde_groep key=\"G5\"><naam>ook G5</naam></samengestelde_groep></groepen>"));
        assertThat(schemafout(bestand)).contains("'groepKeyUnique'");
        // what the official sample refers to does exist: no fault there (see the first test)
    }

    @Test
    void eenBrincodeMetEenNietNederlandseHoofdletterIsGeenBrin() throws Exception {
        // The schema's \p{Lu} admits any capital; a BRIN is [0-9]{2}[A-Z]{2}.
        List<IntakeFout> fouten = new ArrayList<>();
        assertThat(lees(export("<leerling key=\"A1\"><achternaam>Een</achternaam></leerling>\n", "00ÅY", "00"), fouten))
                .isEmpty();
        assertThat(fouten).singleElement().satisfies(f -> {
            assertThat(f.veld()).isEqualTo("school/brincode");
            assertThat(f.reden()).isEqualTo("brincode of dependancecode past niet bij het patroon 12AB en 00; de 1"
                    + " leerling(en) zijn niet overgenomen");
        });
    }

    private static String schemafout(Path bestand) {
        List<LeerlingGegevens> ontvangen = new ArrayList<>();
        try {
            new Exportlezer(SCHOLEN, id -> List.of(), Long.MAX_VALUE).lees(bestand, ontvanger(ontvangen), new ArrayList<>());
        } catch (OngeldigBestandException e) {
            assertThat(ontvangen).isEmpty();
            return e.fouten().get(0).toString();
        }
        throw new AssertionError("het bestand had afgewezen moeten worden");
    }

    @Test
    void eenNietGeconfigureerdeSchoolWordtEenKeerGemeldMetHetAantal() throws Exception {
        Path bestand = export("""
                <leerling key="A1"><achternaam>Een</achternaam></leerling>
                <leerling key="A2"><achternaam>Twee</achternaam></leerling>
                """, "12AB", "01");
        List<IntakeFout> fouten = new ArrayList<>();
        assertThat(lees(bestand, fouten)).isEmpty();
        assertThat(fouten).singleElement().satisfies(f -> assertThat(f.toString()).isEqualTo("edex.xml regel 3, veld"
                + " 'school/brincode': school 12AB01 (brincode + dependancecode) is niet geconfigureerd in"
                + " connector.schools; de 2 leerling(en) van deze export zijn niet overgenomen"));
    }

    @Test
    void eenExportZonderBrincodeNoemtDatEenKeer() throws Exception {
        Path bestand = map.resolve("vlaams.xml");
        Files.writeString(bestand, """
                <?xml version="1.0" encoding="UTF-8"?>
                <EDEX>
                  <school><schooljaar>2026-2027</schooljaar><instellingsnummer>12345</instellingsnummer></school>
                  <leerlingen><leerling key="A1"><achternaam>Een</achternaam></leerling></leerlingen>
                </EDEX>
                """, StandardCharsets.UTF_8);
        List<IntakeFout> fouten = new ArrayList<>();
        assertThat(lees(bestand, fouten)).isEmpty();
        assertThat(fouten).singleElement().satisfies(f -> assertThat(f.reden()).startsWith("de export noemt geen brincode"));
    }

    @Test
    void eenDoctypeWordtGeweigerdOokEenMiljardLachjes() throws Exception {
        Path bestand = map.resolve("lachjes.xml");
        StringBuilder dtd = new StringBuilder("<!DOCTYPE EDEX [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        Files.writeString(bestand, "<?xml version=\"1.0\"?>\n" + dtd + "\n<EDEX><school>&l9;</school></EDEX>\n");
        assertThatThrownBy(() -> new Exportlezer(SCHOLEN, id -> List.of(), Long.MAX_VALUE).lees(bestand,
                ontvanger(new ArrayList<>()), new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e ->
                        assertThat(e.fouten().get(0).reden()).contains("DOCTYPE"));

        Path extern = map.resolve("xxe.xml");
        Files.writeString(extern, "<?xml version=\"1.0\"?>\n<!DOCTYPE EDEX SYSTEM \"file:///etc/passwd\">\n<EDEX/>\n");
        assertThatThrownBy(() -> new Exportlezer(SCHOLEN, id -> List.of(), Long.MAX_VALUE).lees(extern,
                ontvanger(new ArrayList<>()), new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e ->
                        assertThat(e.fouten().get(0).reden()).contains("DOCTYPE"));
    }

    @Test
    void eenEntiteitZonderDoctypeWordtGeweigerd() throws Exception {
        Path bestand = export("<leerling key=\"A1\"><achternaam>&xxe;</achternaam></leerling>\n");
        assertThatThrownBy(() -> new Exportlezer(SCHOLEN, id -> List.of(), Long.MAX_VALUE).lees(bestand,
                ontvanger(new ArrayList<>()), new ArrayList<>()))
                .isInstanceOf(OngeldigBestandException.class);
    }

    @Test
    void eenBomVoorDeXmlIsGeenProbleem() throws Exception {
        Path bestand = export("<leerling key=\"A1\"><achternaam>Één</achternaam></leerling>\n");
        byte[] metBom = Files.readAllBytes(bestand);
        byte[] inhoud = new byte[metBom.length + 3];
        inhoud[0] = (byte) 0xEF;
        inhoud[1] = (byte) 0xBB;
        inhoud[2] = (byte) 0xBF;
        System.arraycopy(metBom, 0, inhoud, 3, metBom.length);
        Files.write(bestand, inhoud);
        List<IntakeFout> fouten = new ArrayList<>();
        assertThat(lees(bestand, fouten).get("00YY00/A1").achternaam()).isEqualTo("Één");
        assertThat(fouten).isEmpty();
    }

    private Path export(String leerlingen) throws Exception {
        return export(leerlingen, "00YY", "00");
    }

    /** A minimal valid EDEXML 2.1 export; the pupils start on line 8. */
    private Path export(String leerlingen, String brin, String dependance) throws Exception {
        Path bestand = map.resolve("edex.xml");
        Files.writeString(bestand, """
                <?xml version="1.0" encoding="UTF-8"?>
                <EDEX>
                  <school><schooljaar>2026-2027</schooljaar><brincode>%s</brincode><dependancecode>%s</dependancecode>
                  </school>
                  <groepen><groep key="G5"><naam>5A</naam><jaargroep>5</jaargroep></groep></groepen>
                  <leerlingen>
                <!-- pupils -->
                %s  </leerlingen>
                </EDEX>
                """.formatted(brin, dependance, leerlingen), StandardCharsets.UTF_8);
        return bestand;
    }

    static Map<String, LeerlingGegevens> lees(Path bestand, List<IntakeFout> fouten) throws Exception {
        List<LeerlingGegevens> ontvangen = new ArrayList<>();
        Exportlezer.Soort soort = new Exportlezer(SCHOLEN, id -> List.of(), Long.MAX_VALUE).lees(bestand,
                ontvanger(ontvangen), fouten);
        assertThat(soort).isEqualTo(Exportlezer.Soort.EDEXML);
        Map<String, LeerlingGegevens> perSleutel = new LinkedHashMap<>();
        ontvangen.forEach(l -> perSleutel.put(l.schoolcode() + "/" + l.leerlingId(), l));
        return perSleutel;
    }

    static Exportlezer.Ontvanger ontvanger(List<LeerlingGegevens> leerlingen) {
        return new Exportlezer.Ontvanger() {
            @Override
            public void leerling(School school, LeerlingGegevens leerling) {
                leerlingen.add(leerling);
            }

            @Override
            public void registratie(School school, CsvRegel regel) {
                throw new AssertionError("geen CSV");
            }
        };
    }
}
