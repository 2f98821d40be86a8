package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * A registraties file whose name names no school (a region's or a board's one export) finds each line's school
 * through its pupil, as the dossiers and EDEXML exports made it known (las-input.md). The connector reads every
 * pupil's schools at once, at the file's first line, and on PostgreSQL keeps one COPY open from the first batch of
 * lines to the last; what a school sees must be as before: each pupil's registrations at the one school that knows
 * it, also for the pupils first met after the first batch (IntakeService.BATCH lines), and a line whose pupil is
 * known at two schools or at none in the quarantine report with its line. Two schools on one LAS profile
 * ({@code scholen-signalen.yaml}).
 */
@Tag("database")
class SchoolVanDeLeerlingTest extends ConnectorTestBasis {

    private static final String[] ZIEK = {"09", "10", "11", "12", "13", "16", "17"};

    static Path map;

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void tweeScholenEenProfiel(DynamicPropertyRegistry r) {
        map = eigenMap(r, "scholen-signalen.yaml");
    }

    @Test
    void elkeRegelKomtBijDeSchoolDieDeLeerlingKentOokVoorVeleLeerlingen() throws Exception {
        // LR001–LR070 at 00YY00, LR066–LR075 at 22BB00: LR066–LR070 are known at both
        leesZonderFouten(camel, map, "00YY00_leerlingen.xml", edexml("00YY", 1, 70));
        leesZonderFouten(camel, map, "22BB00_leerlingen.xml", edexml("22BB", 66, 75));
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        // LR001's first day over and over (the last one stays): every other pupil comes after the first batch
        for (int i = 0; i < IntakeService.BATCH; i++) {
            csv.append("LR001;2026-11-09;;;;ZK;\n");
        }
        for (int i = 1; i <= 75; i++) {
            ziek(csv, id(i));
        }
        ziek(csv, "LX999"); // known nowhere
        leesIn(camel, map, "regio-november.csv", csv.toString());

        Map<String, Object> quarantaine = jdbc.sql("select aantal_fouten, aantal_geaccepteerd, rapport_pad"
                + " from quarantaine where bestand = 'regio-november.csv'").query().singleRow();
        assertThat(quarantaine).containsEntry("aantal_fouten", 6 * ZIEK.length)
                .containsEntry("aantal_geaccepteerd", IntakeService.BATCH + 70 * ZIEK.length);
        // LR066's first line: after the header, the batch of LR001 and 65 pupils × 7 lines
        assertThat(Files.readString(Path.of((String) quarantaine.get("rapport_pad"))))
                .contains("regel " + (2 + IntakeService.BATCH + 65 * ZIEK.length)).contains("LR066").contains("LX999")
                .contains("bij geen (of meer dan één) geconfigureerde school bekend");
        assertThat(zas("00YY")).isEqualTo(65);
        assertThat(zas("22BB")).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from registratie where brin = '00YY' and leerling_id > 'LR065'")
                .query(Integer.class).single()).as("none of LR066–LR070 at 00YY").isZero();
        assertThat(jdbc.sql("select min(leerling_id) || '-' || max(leerling_id) from registratie where brin = '22BB'")
                .query(String.class).single()).isEqualTo("LR071-LR075");
    }

    private int zas(String brin) {
        return jdbc.sql("select count(*) from melding where brin = ? and soort = 'ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN'")
                .param(brin).query(Integer.class).single();
    }

    private static String id(int i) {
        return "LR" + String.format("%03d", i);
    }

    /** Ill on the 7 school days 9–17 November 2026: a ZAS signal. */
    private static void ziek(StringBuilder csv, String leerlingId) {
        for (String dag : ZIEK) {
            csv.append(leerlingId).append(";2026-11-").append(dag).append(";;;;ZK;\n");
        }
    }

    private static String edexml(String brin, int van, int tot) {
        StringBuilder leerlingen = new StringBuilder();
        for (int i = van; i <= tot; i++) {
            leerlingen.append("<leerling key=\"").append(id(i)).append("\"><achternaam>Kind</achternaam>"
                    + "<geboortedatum>2013-05-01</geboortedatum><geslacht>1</geslacht></leerling>\n");
        }
        return IntakeInboxTest.edexml(leerlingen.toString()).replace("<brincode>00YY</brincode>",
                "<brincode>" + brin + "</brincode>");
    }
}
