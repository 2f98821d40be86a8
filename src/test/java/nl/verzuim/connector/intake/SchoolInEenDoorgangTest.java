package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import nl.verzuim.connector.support.CorrectieschoolTestBasis;

/**
 * Bulk intake (issue 13): a file that touches many pupils of a school (at least 50) is judged in one ordered pass
 * over the school's registrations, and the log gets one summary line for the file instead of one per melding.
 * What a user sees must not change: the same meldingen, the outbox, a correction that lapses a melding (its audit
 * naming the file).
 */
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class SchoolInEenDoorgangTest extends CorrectieschoolTestBasis {

    private static final String KOP = "leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n";

    /** 60 pupils ill for the 7 school days 9–17 November (a ZAS signal each), and LN094837 with {@code code}. */
    static String bestand(String code) {
        StringBuilder csv = new StringBuilder(KOP);
        for (String dag : new String[] {"2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29"}) {
            csv.append("LN094837;").append(dag).append(";08:30;;;").append(code).append(";\n");
        }
        for (int i = 1; i <= 60; i++) {
            for (String dag : new String[] {"09", "10", "11", "12", "13", "16", "17"}) {
                csv.append("LB").append(String.format("%03d", i)).append(";2026-11-").append(dag)
                        .append(";;;;ZK;\n");
            }
        }
        return csv.toString();
    }

    @Test
    void zestigLeerlingenInEenBestandGevenDezelfdeMeldingenEnEenSamenvattingsregel(CapturedOutput uitvoer)
            throws Exception {
        camel.getRouteController().stopRoute("duo-aflevering");
        try {
            dossier("00YY");
            lees("00YY00_week.csv", bestand("ONG"));

            assertThat(jdbc.sql("select count(*) from melding where kanaal = 'SIGNAAL' and brin = '00YY'")
                    .query(Integer.class).single()).isEqualTo(60);
            long id = jdbc.sql("select id from melding where kanaal = 'DUO' and leerling_id = 'LN094837'")
                    .query(Long.class).single();
            assertThat(melding(id, "status")).isEqualTo("TE_VERZENDEN");
            assertThat(jdbc.sql("select status from outbox where melding_id = ?").param(id).query(String.class).list())
                    .containsExactly("TE_VERZENDEN");
            assertThat(uitvoer.getOut().lines().filter(r -> r.contains("Intake 00YY00_week.csv:") && r.contains("beoordeeld")))
                    .singleElement().asString().contains("61 leerlingen beoordeeld").contains("SIGNAAL=60")
                    .contains("DUO=1").doesNotContain("LN094837");
            assertThat(uitvoer.getOut()).doesNotContain("Melding " + id + " (DUO) staat klaar voor verzending");
            // written in batches: each melding has its own one audit line, the outbox item belongs to the DUO one
            assertThat(jdbc.sql("""
                    select count(*) from melding m where brin = '00YY' and (select count(*) from audit a
                      where a.melding_id = m.id and a.actie = 'BESLOTEN' and a.details = m.soort) = 1""")
                    .query(Integer.class).single()).isEqualTo(61);
            assertThat(jdbc.sql("select count(*) from outbox o join melding m on m.id = o.melding_id"
                    + " where m.brin = '00YY'").query(Integer.class).single()).isEqualTo(1);

            // the LAS recodes the four days as illness: the melding, not sent yet, lapses; the signals stay
            lees("00YY00_correctie.csv", bestand("ZK"));

            assertThat(melding(id, "status")).isEqualTo("VERVALLEN");
            assertThat(jdbc.sql("select details from audit where melding_id = ? and actie = 'VERVALLEN'").param(id)
                    .query(String.class).single()).contains("00YY00_correctie.csv");
            assertThat(jdbc.sql("select count(*) from melding where kanaal = 'SIGNAAL' and brin = '00YY'")
                    .query(Integer.class).single()).isEqualTo(60);
            assertThat(uitvoer.getOut().lines().filter(r -> r.contains("Intake 00YY00_correctie.csv:") && r.contains("beoordeeld")))
                    .singleElement().asString().contains("1 vervallen");
        } finally {
            camel.getRouteController().startRoute("duo-aflevering");
        }
    }
    @Test
    void eenDeelVanDeLeerlingenVanEenGroteSchoolGeeftDezelfdeMeldingen() throws Exception {
        // 150 pupils known from the LAS's EDEXML export; a CSV for 60 of them (under half: only theirs are read)
        StringBuilder leerlingen = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            leerlingen.append("<leerling key=\"LC").append(String.format("%03d", i))
                    .append("\"><achternaam>Kind</achternaam><geboortedatum>2013-05-01</geboortedatum>"
                            + "<geslacht>1</geslacht></leerling>\n");
        }
        lees("00YY00_leerlingen-lc.xml", IntakeInboxTest.edexml(leerlingen.toString()));
        StringBuilder csv = new StringBuilder(KOP);
        for (int i = 1; i <= 60; i++) {
            for (String dag : new String[] {"05", "06", "07", "08", "09", "12", "13"}) {
                csv.append("LC").append(String.format("%03d", i)).append(";2026-10-").append(dag).append(";;;;ZK;\n");
            }
        }
        lees("00YY00_oktober.csv", csv.toString());

        assertThat(jdbc.sql("select leerling_id from melding where kanaal = 'SIGNAAL' and leerling_id like 'LC%'"
                + " order by leerling_id").query(String.class).list())
                .hasSize(60).allSatisfy(id -> assertThat(Integer.parseInt(id.substring(2))).isBetween(1, 60));
    }
}
