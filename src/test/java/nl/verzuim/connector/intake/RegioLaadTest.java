package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.verzuim.connector.support.CorrectieschoolTestBasis;
import nl.verzuim.connector.support.Database;

/**
 * A file as large as what the database holds (a region's first school year, issue 13) is stored on PostgreSQL with
 * the registration indexes made again after the move ({@code connector.intake.indexen-herbouwen-vanaf}, here 100
 * lines instead of 500,000): the same meldingen and corrections as the usual way, and afterwards the indexes are
 * there again exactly as the migrations define them.
 */
@Tag("database")
class RegioLaadTest extends CorrectieschoolTestBasis {

    @DynamicPropertySource
    static void vanafHonderd(DynamicPropertyRegistry r) {
        r.add("connector.intake.indexen-herbouwen-vanaf", () -> "100");
    }

    @Test
    void eenBestandZoGrootAlsDeDatabaseGeeftDezelfdeMeldingenEnDeIndexenBlijven() throws Exception {
        assumeTrue(Database.POSTGRES, "the indexes are made again on PostgreSQL only");
        List<String> definities = indexen();
        long oid = indexOid();
        camel.getRouteController().stopRoute("duo-aflevering");
        try {
            dossier("00YY");
            lees("00YY00_jaar.csv", SchoolInEenDoorgangTest.bestand("ONG"));

            assertThat(indexOid()).as("ix_registratie_leerling made again").isNotEqualTo(oid);
            assertThat(indexen()).isEqualTo(definities);
            assertThat(jdbc.sql("select count(*) from registratie where brin = '00YY'").query(Integer.class).single())
                    .isEqualTo(424);
            assertThat(bron()).isEqualTo("null 00YY00_jaar.csv:6");
            assertThat(jdbc.sql("select count(*) from melding where kanaal = 'SIGNAAL' and brin = '00YY'")
                    .query(Integer.class).single()).isEqualTo(60);
            long id = jdbc.sql("select id from melding where kanaal = 'DUO' and leerling_id = 'LN094837'")
                    .query(Long.class).single();
            assertThat(melding(id, "status")).isEqualTo("TE_VERZENDEN");

            // the same year again with the four days recoded as illness: the period is replaced, the melding lapses
            lees("00YY00_jaar2.csv", SchoolInEenDoorgangTest.bestand("ZK"));

            assertThat(melding(id, "status")).isEqualTo("VERVALLEN");
            assertThat(jdbc.sql("select count(*) from registratie where brin = '00YY'").query(Integer.class).single())
                    .isEqualTo(424);
            assertThat(indexen()).isEqualTo(definities);

            // over twice what is held, each key twice, the last line of one with a note: the insert alone is
            // refused (a key held), the upsert too (a key twice), and each key's last line is stored
            long oidNaJaar2 = indexOid();
            String jaar = SchoolInEenDoorgangTest.bestand("ZK");
            lees("00YY00_jaar3.csv", jaar + jaar.substring(jaar.indexOf('\n') + 1)
                    + "LN094837;2026-10-26;;;;ZK;\nLB001;2026-11-09;;;;ZK;derde keer\n");

            assertThat(indexOid()).as("made again for a file over twice what is held").isNotEqualTo(oidNaJaar2);
            assertThat(bron()).isEqualTo("derde keer 00YY00_jaar3.csv:851");
            assertThat(jdbc.sql("select count(*) from registratie where brin = '00YY'").query(Integer.class).single())
                    .isEqualTo(425);
            assertThat(indexen()).isEqualTo(definities);
        } finally {
            camel.getRouteController().startRoute("duo-aflevering");
        }
    }

    /** The note and source (file:line) of LB001's registration of 9 November. */
    private String bron() {
        return jdbc.sql("select coalesce(omschrijving, 'null') || ' ' || bron_bestand || ':' || bron_regel"
                + " from registratie where brin = '00YY' and leerling_id = 'LB001' and datum = date '2026-11-09'")
                .query(String.class).single();
    }

    private List<String> indexen() {
        return jdbc.sql("select indexname || ': ' || regexp_replace(indexdef, ' ON [^ ]+\\.', ' ON ') from pg_indexes"
                + " where tablename = 'registratie' and schemaname = current_schema() order by indexname")
                .query(String.class).list();
    }

    private long indexOid() {
        return jdbc.sql("select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relname = 'ix_registratie_leerling' and n.nspname = current_schema()")
                .query(Long.class).single();
    }
}
