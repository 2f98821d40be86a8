package nl.verzuim.connector.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.verzuim.connector.rules.Afwezigheidscode;

/** CSV profiles are configuration (las-input.md §2): read with file and line, checked against the schools at start. */
class LasProfielenTest {

    static final String EIGEN = """
            profielen:
              - naam: onze-las
                scheidingsteken: "|"
                codering: windows-1252
                datumformaat: dd/MM/yyyy
                tijdformaat: HH.mm
                kolommen:
                  leerling_id: Leerlingnr
                  datum: Dag
                  code: Soort
                codes:
                  A: ONG
                  ziek: ZK
            """;

    @Test
    void deIngebouwdeProfielenZijnStandaardEnTweeAndereIndelingen() {
        LasProfielen ingebouwd = LasProfielen.ingebouwd();
        assertThat(ingebouwd.namen()).containsExactly("komma-lettercodes", "puntkomma-stamnr-windows1252", "standaard");
        LasProfiel standaard = ingebouwd.profiel("standaard");
        assertThat(standaard).isSameAs(LasProfiel.STANDAARD);
        assertThat(standaard.kolommen().values()).containsExactlyInAnyOrder("leerling_id", "datum", "begintijd",
                "eindtijd", "minuten", "code", "omschrijving", "registratie_id");
        assertThat(standaard.datumformaat()).isEqualTo("yyyy-MM-dd");
        assertThat(standaard.codering()).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(standaard.scheidingsteken()).isEqualTo(';');
        assertThat(standaard.codes()).hasSize(Afwezigheidscode.values().length);
        LasProfiel stamnr = ingebouwd.profiel("puntkomma-stamnr-windows1252");
        assertThat(stamnr.codering().name()).isEqualTo("windows-1252");
        assertThat(stamnr.kolom(LasProfiel.LEERLING_ID)).isEqualTo("Stamnr");
        assertThat(stamnr.betekenis("te LAAT")).as("codes zonder onderscheid in hoofdletters").isEqualTo(Afwezigheidscode.TL);
        LasProfiel komma = ingebouwd.profiel("komma-lettercodes");
        assertThat(komma.scheidingsteken()).isEqualTo(',');
        assertThat(komma.betekenis("X")).as("een onbekende code heeft geen betekenis").isNull();
    }

    @Test
    void eenEigenProfielWordtGelezenEnIsStrikOpDatums() {
        LasProfiel profiel = LasProfielLezer.lees(new StringReader(EIGEN), "las-profielen.yaml").get(0);
        assertThat(profiel.scheidingsteken()).isEqualTo('|');
        assertThat(profiel.betekenis("ZIEK")).isEqualTo(Afwezigheidscode.ZK);
        assertThat(profiel.datumFormatter().parse("05/10/2026")).isNotNull();
        assertThatThrownBy(() -> profiel.datumFormatter().parse("30/02/2026")).as("geen 28 februari van maken")
                .isInstanceOf(java.time.format.DateTimeParseException.class);
    }

    @Test
    void foutenInEenProfielNoemenBestandEnRegel() {
        assertThatThrownBy(() -> LasProfielLezer.lees(new StringReader(EIGEN.replace("    codering:", "    tekenset: x\n    codering:")),
                "las-profielen.yaml"))
                .isInstanceOf(SchoolconfiguratieFout.class)
                .hasMessage("las-profielen.yaml regel 4: onbekende sleutel 'profielen[].tekenset'");
        assertThatThrownBy(() -> LasProfielLezer.lees(new StringReader(EIGEN.replace("ziek: ZK", "ziek: ZIEK")), "p.yaml"))
                .hasMessageStartingWith("p.yaml regel 13: code 'ziek': betekenis 'ZIEK' is onbekend; kies ONG | TL");
        assertThatThrownBy(() -> LasProfielLezer.lees(new StringReader(EIGEN.replace("A: ONG", "A: ONG\n      a: TL")), "p.yaml"))
                .hasMessage("p.yaml regel 13: code 'a' staat er al (regel 12; hoofdletters tellen niet)");
        assertThatThrownBy(() -> LasProfielLezer.lees(new StringReader(EIGEN.replace("dd/MM/yyyy", "MM/yyyy")), "p.yaml"))
                .hasMessageStartingWith("p.yaml regel 5: datumformaat 'MM/yyyy' moet dag (d), maand (M) en jaar");
        assertThatThrownBy(() -> LasProfielLezer.lees(new StringReader(EIGEN.replace("      code: Soort\n", "")), "p.yaml"))
                .hasMessageStartingWith("p.yaml regel 7: kolommen: 'code' ontbreekt");
        assertThatThrownBy(() -> LasProfielLezer.lees(new StringReader(EIGEN.replace("scheidingsteken: \"|\"",
                "scheidingsteken: [\"|\"")), "p.yaml"))
                .hasMessageStartingWith("p.yaml regel 4: geen geldige YAML");
        assertThatThrownBy(() -> LasProfielLezer.lees(new StringReader(EIGEN.replace("Dag", "Leerlingnr")), "p.yaml"))
                .hasMessage("p.yaml regel 9: kolom 'Leerlingnr' is al gebruikt voor 'leerling_id'");
    }

    @Test
    void eenSchoolMetEenOnbekendProfielHoudtDeStartTegenMetBestandEnRegel() {
        String scholen = SchoolconfiguratieLezerTest.GELDIG.replace("las_profiel: standaard", "las_profiel: magister");
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(new StringReader(scholen), "scholen.yaml"))
                .isInstanceOf(SchoolconfiguratieFout.class)
                .hasMessage("scholen.yaml regel 13: las_profiel 'magister' bestaat niet; bekende profielen (bekend):"
                        + " komma-lettercodes, puntkomma-stamnr-windows1252, standaard");
    }

    @Test
    void eigenProfielenNaastHetScholenbestandOfViaDeInstelling(@TempDir Path map) throws Exception {
        Path scholen = map.resolve("scholen.yaml");
        Files.writeString(scholen, SchoolconfiguratieLezerTest.GELDIG.replace("las_profiel: standaard",
                "las_profiel: onze-las"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(scholen)).hasMessageContaining("'onze-las' bestaat niet");

        Files.writeString(map.resolve("las-profielen.yaml"), EIGEN, StandardCharsets.UTF_8);
        Scholen gelezen = SchoolconfiguratieLezer.lees(scholen);
        assertThat(gelezen.profiel(gelezen.scholen().get(0)).scheidingsteken()).isEqualTo('|');

        Path elders = map.resolve("elders.yaml");
        Files.writeString(elders, EIGEN.replace("onze-las", "standaard"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(scholen, elders))
                .hasMessage("elders.yaml regel 2: profiel 'standaard' is een ingebouwd profiel; kies een andere naam");
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(scholen, map.resolve("bestaat-niet.yaml")))
                .hasMessageContaining("bestaat niet of is geen bestand (instelling connector.las-profielen)");
    }
}
