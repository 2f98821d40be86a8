package nl.verzuim.connector.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import nl.verzuim.connector.support.Database;

/**
 * An existing school's database goes along with an upgrade (src/docs/operating.md, "Upgrade"): a database made with
 * the first release's schema (V1), with a pupil, registrations, meldingen, outbox and mail items, an audit line and a
 * quarantined file in it, migrates to today's schema and keeps every row — and the data migrations on the way fill
 * in what later versions need. Runs on H2 and on PostgreSQL.
 */
@Tag("database")
class UpgradeTest {

    static final OffsetDateTime TOEN = OffsetDateTime.parse("2026-09-14T10:00:00+02:00");

    @Test
    void eenDatabaseVanDeEersteVersieGaatMeeNaarDeNieuwste() {
        String url = Database.POSTGRES ? Database.verseSchema() : "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String gebruiker = Database.POSTGRES ? Database.PG_GEBRUIKER : "sa";
        try (SingleConnectionDataSource bron = new SingleConnectionDataSource(url, gebruiker, "", true)) {
            Flyway.configure().dataSource(bron).target(MigrationVersion.fromVersion("1")).load().migrate();
            JdbcClient jdbc = JdbcClient.create(bron);
            eersteVersieGevuld(jdbc);

            Flyway vandaag = Flyway.configure().dataSource(bron).load();
            vandaag.migrate();
            assertThat(vandaag.info().pending()).isEmpty();
            assertThat(vandaag.info().current().getVersion())
                    .isEqualTo(vandaag.info().all()[vandaag.info().all().length - 1].getVersion());

            assertThat(jdbc.sql("select leerling_id from leerling").query(String.class).list()).containsExactly("LN900");
            assertThat(jdbc.sql("select count(*) from registratie").query(Integer.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select soort from melding order by id").query(String.class).list())
                    .containsExactly("RELATIEF_16_UUR", "A_LANGDURIG_RELATIEF");
            assertThat(jdbc.sql("select sleutel from outbox order by id").query(String.class).list())
                    .containsExactly("duo-1", "ot-1");
            assertThat(jdbc.sql("select sleutel from mail_outbox").query(String.class).list()).containsExactly("mail-1");
            assertThat(jdbc.sql("select actie from audit").query(String.class).list()).containsExactly("BESLOTEN");
            assertThat(jdbc.sql("select bestand from quarantaine").query(String.class).list())
                    .containsExactly("00YY00_kapot.csv");

            Map<String, Object> duo = jdbc.sql("select meldingsnummer, duo_verzonden_op from melding where kanaal = 'DUO'")
                    .query().singleRow();
            assertThat(duo.get("meldingsnummer")).isEqualTo("VM-0001");
            assertThat(jdbc.sql("select duo_verzonden_op from melding where kanaal = 'DUO'").query(LocalDate.class)
                    .single()).as("V3_2 fills in the day DUO registered it").isEqualTo(LocalDate.of(2026, 9, 14));
            assertThat(jdbc.sql("select ot_status from melding where kanaal = 'OT'").query(String.class).single())
                    .as("V4_2: a refusal is no trajectstatus").isEqualTo("NIEUW");
            assertThat(jdbc.sql("select count(*) from registratie_export").query(Integer.class).single()).isZero();
        }
    }

    /** Rows as the first release wrote them, in its columns only. */
    private static void eersteVersieGevuld(JdbcClient jdbc) {
        jdbc.sql("""
                insert into leerling (brin, vestiging, leerling_id, bsn, achternaam, geboortedatum, startkwalificatie,
                    bronnen, bijgewerkt) values ('00YY', '00', 'LN900', '111222333', 'Berg', ?, false, 'OSO', ?)""")
                .params(LocalDate.of(2014, 3, 1), TOEN).update();
        for (String dag : List.of("2026-09-07", "2026-09-08", "2026-09-09")) {
            jdbc.sql("""
                    insert into registratie (brin, vestiging, leerling_id, datum, begintijd, code, volgnummer,
                        bron_bestand, bron_regel) values ('00YY', '00', 'LN900', ?, '08:30', 'ONG', 1, 'x.csv', 2)""")
                    .param(LocalDate.parse(dag)).update();
        }
        jdbc.sql("""
                insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, einddatum, uren, besloten_op,
                    uiterste_melddatum, uitleg, status, meldingsnummer, duo_status, aangemaakt, bijgewerkt)
                values ('00YY', '00', 'LN900', 'DUO', 'RELATIEF_16_UUR', ?, ?, 16.5, ?, ?, 'uitleg', 'VERZONDEN', 'VM-0001',
                    'GEREGISTREERD', ?, ?)""")
                .params(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 11), LocalDate.of(2026, 9, 11),
                        LocalDate.of(2026, 9, 18), TOEN, TOEN).update();
        jdbc.sql("""
                insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, besloten_op, uitleg, status,
                    traject_id, ot_id, ot_status, laatste_fout, aangemaakt, bijgewerkt)
                values ('00YY', '00', 'LN900', 'OT', 'A_LANGDURIG_RELATIEF', ?, ?, 'uitleg', 'MISLUKT', 'TR-1', 'OT-1',
                    'CONFLICT', '409', ?, ?)""")
                .params(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 11), TOEN, TOEN).update();
        List<Long> ids = jdbc.sql("select id from melding order by id").query(Long.class).list();
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                    aangemaakt, verzonden) values (?, 'DUO', 'DUO_AANLEVEREN', 'duo-1', 'b-1', 'VERZONDEN', 1, ?, ?, ?)""")
                .params(ids.get(0), TOEN, TOEN, TOEN).update();
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                    laatste_fout, aangemaakt) values (?, 'OT', 'OT_INDIENEN', 'ot-1', 'b-2', 'MISLUKT', 3, ?, '409', ?)""")
                .params(ids.get(1), TOEN, TOEN).update();
        jdbc.sql("""
                insert into mail_outbox (sleutel, soort, ontvanger, onderwerp, html, tekst, status, pogingen,
                    volgende_poging, aangemaakt) values ('mail-1', 'geaccepteerd', 'verzuim@verrekijker.example', 'o',
                    '<p>h</p>', 't', 'VERZONDEN', 1, ?, ?)""")
                .params(TOEN, TOEN).update();
        jdbc.sql("insert into audit (tijdstip, melding_id, actie, door) values (?, ?, 'BESLOTEN', 'connector')")
                .params(TOEN, ids.get(0)).update();
        jdbc.sql("""
                insert into quarantaine (bestand, pad, rapport_pad, samenvatting, aantal_fouten, aantal_geaccepteerd,
                    tijdstip) values ('00YY00_kapot.csv', '/q/x', '/q/x.fout.txt', 's', 1, 0, ?)""")
                .param(TOEN).update();
    }
}
