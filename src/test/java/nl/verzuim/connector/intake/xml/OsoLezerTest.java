package nl.verzuim.connector.intake.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.OngeldigBestandException;
import nl.verzuim.connector.leerling.Geslacht;
import nl.verzuim.connector.leerling.LeerlingGegevens;

/** The real OSO 2019.1 sample dossiers of ../shared/formats/oso, read as they are. */
class OsoLezerTest {

    static final Path VOORBEELDEN = Path.of("src/test/resources/formats/oso");

    @ParameterizedTest
    @ValueSource(strings = {"Voorbeelddossier_PaO_POSWV_full.xml", "Voorbeelddossier_PaO_VOSWV_full.xml",
            "Voorbeelddossier_OV_POVO_full.xml", "Voorbeelddossier_OV_VOVO_opt_out.xml"})
    void leestElkPubliekVoorbeelddossier(String bestand) throws Exception {
        List<LeerlingGegevens> gelezen = lees(bestand);
        assertThat(gelezen).hasSize(1);
        LeerlingGegevens leerling = gelezen.get(0);
        assertThat(leerling.leerlingId()).isEqualTo("LN094837");
        assertThat(leerling.schoolcode()).isEqualTo("00YY00");
        assertThat(leerling.achternaam()).isEqualTo("Berg");
        assertThat(leerling.voorvoegsel()).isEqualTo("van de");
        assertThat(leerling.geboortedatum()).isEqualTo(LocalDate.of(2003, 3, 17));
        assertThat(leerling.geslacht()).as("OSO-code 2 is man").isEqualTo(Geslacht.MAN);
        assertThat(leerling.adres().straat()).as("het gba-adres gaat voor het bezoekadres").isEqualTo("Adelaarslaan");
        assertThat(leerling.adres().huisnummer()).isEqualTo("152");
        assertThat(leerling.adres().postcode()).isEqualTo("7331GJ");
        assertThat(leerling.adres().gemeente()).isEqualTo("Apeldoorn");
        assertThat(leerling.datumUitschrijving()).isEqualTo(LocalDate.of(2016, 7, 31));
        assertThat(leerling.verzorgers()).as("twee overleden verzorgers vallen weg").hasSize(3);
        assertThat(leerling.verzorgers().get(0).relatie()).isEqualTo("vader");
        assertThat(leerling.verzorgers().get(1).geslacht()).isEqualTo(Geslacht.VROUW);
    }

    @Test
    void paoDossierHeeftGeenBsnOvDossierWel() throws Exception {
        assertThat(lees("Voorbeelddossier_PaO_POSWV_full.xml").get(0).bsn()).isNull();
        assertThat(lees("Voorbeelddossier_OV_POVO_full.xml").get(0).bsn()).isEqualTo("269326728");
        assertThat(lees("Voorbeelddossier_PaO_POSWV_full.xml").get(0).groepOfLeerjaar())
                .as("jaargroep van de laatste schoolloopbaan").isEqualTo("8");
    }

    @Test
    void eenDossierDatNietAanHetSchemaVoldoetWordtHeelAfgewezenMetRegelEnPad() throws Exception {
        String dossier = Files.readString(VOORBEELDEN.resolve("Voorbeelddossier_OV_VOVO_opt_out.xml"))
                .replace("<geboortedatum>2003-03-17</geboortedatum>", "<geboortedatum>17-03-2003</geboortedatum>");
        assertThatThrownBy(() -> OsoLezer.lees(stroom(dossier), "d.xml", l -> { }, new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> {
                    IntakeFout fout = e.fouten().get(0);
                    assertThat(fout.bestand()).isEqualTo("d.xml");
                    assertThat(fout.regel()).isPositive();
                    assertThat(fout.veld()).endsWith("leerling/geboortedatum");
                    assertThat(fout.reden()).contains("schema").doesNotContain("17-03-2003");
                });
    }

    @Test
    void eenOngeldigBsnWijstDeLeerlingAfZonderHetBsnTeNoemen() throws Exception {
        String dossier = Files.readString(VOORBEELDEN.resolve("Voorbeelddossier_OV_POVO_full.xml"))
                .replace("<bsn>269326728</bsn>", "<bsn>269326729</bsn>");
        List<IntakeFout> fouten = new ArrayList<>();
        List<LeerlingGegevens> gelezen = new ArrayList<>();
        OsoLezer.lees(stroom(dossier), "d.xml", gelezen::add, fouten);
        assertThat(gelezen).isEmpty();
        assertThat(fouten).singleElement().satisfies(f -> {
            assertThat(f.veld()).isEqualTo("bsn");
            assertThat(f.reden()).contains("elfproef").doesNotContain("269326729");
        });
    }

    @Test
    void eenDoctypeOfEntiteitWordtGeweigerd() {
        String bom = """
                <?xml version="1.0"?>
                <!DOCTYPE dossier [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <dossier xmlns="http://www.edustandaard.nl/oso_gegevensset/2019/dossier">&x;</dossier>
                """;
        assertThatThrownBy(() -> OsoLezer.lees(stroom(bom), "xxe.xml", l -> { }, new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e ->
                        assertThat(e.fouten().get(0).reden()).contains("DOCTYPE"));
    }

    static List<LeerlingGegevens> lees(String bestand) throws Exception {
        List<LeerlingGegevens> gelezen = new ArrayList<>();
        List<IntakeFout> fouten = new ArrayList<>();
        try (InputStream invoer = Files.newInputStream(VOORBEELDEN.resolve(bestand))) {
            OsoLezer.lees(invoer, bestand, gelezen::add, fouten);
        }
        assertThat(fouten).isEmpty();
        return gelezen;
    }

    static InputStream stroom(String tekst) {
        return new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8));
    }
}
