package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import nl.verzuim.connector.leerling.RegistratieLading;
import nl.verzuim.connector.support.CorrectieschoolTestBasis;
import nl.verzuim.connector.support.Database;

/**
 * Many instances on one PostgreSQL (issue 13): a registraties file of a school waits while another instance stores a
 * file of that school, and is then stored as the later of the two. The other instance is played by a connection of
 * this test holding what such an instance holds while it stores ({@link RegistratieLading#wachtOpBeurt}).
 */
@Tag("database")
class BeurtPerSchoolTest extends CorrectieschoolTestBasis {

    @Autowired
    DataSource dataSource;

    @Value("${connector.test.map}")
    java.nio.file.Path map;

    @Test
    void eenBestandVanDezelfdeSchoolWachtTotDeAndereInstantieKlaarIs() throws Exception {
        wachtTotDeAndereKlaarIs("LN9", "pg_advisory_lock(?, hashtext('00YY00'))",
                "pg_advisory_unlock(?, hashtext('00YY00'))", RegistratieLading.EEN_SCHOOL);
    }

    @Test
    void eenBestandVanEenSchoolWachtOokOpEenBestandVanAlleScholen() throws Exception {
        // a region's file, its lines finding their school through the pupil, holds every school
        wachtTotDeAndereKlaarIs("LN10", "pg_advisory_lock(?, 0)", "pg_advisory_unlock(?, 0)",
                RegistratieLading.ALLE_SCHOLEN);
    }

    private void wachtTotDeAndereKlaarIs(String leerling, String vast, String los, int sleutel) throws Exception {
        assumeTrue(Database.POSTGRES, "instances share a database on PostgreSQL only");
        lees("00YY00_eerst-" + leerling + ".csv", ExportperiodeInboxTest.KOP + leerling + ";2026-11-23;;;;ONG;\n");
        String naam = "00YY00_daarna-" + leerling + ".csv";
        try (Connection andereInstantie = dataSource.getConnection()) {
            slot(andereInstantie, vast, sleutel);
            NotifyBuilder klaar = new NotifyBuilder(camel).fromRoute("intake")
                    .filter(e -> naam.equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class)))
                    .whenCompleted(1).create();
            zetInInbox(map, naam, ExportperiodeInboxTest.KOP + leerling + ";2026-11-24;;;;ONG;\n");

            assertThat(klaar.matches(4, TimeUnit.SECONDS)).as("stored while the other instance still stores")
                    .isFalse();
            assertThat(dagen(leerling)).containsExactly("2026-11-23");

            slot(andereInstantie, los, sleutel);
            assertThat(klaar.matches(20, TimeUnit.SECONDS)).as(naam + " stored after the other instance").isTrue();
        }
        // the later file speaks for its period (24 November) and leaves the 23rd, which it does not cover
        assertThat(dagen(leerling)).containsExactly("2026-11-23", "2026-11-24");
    }

    private static void slot(Connection verbinding, String functie, int sleutel) throws Exception {
        try (PreparedStatement ps = verbinding.prepareStatement("select " + functie)) {
            ps.setInt(1, sleutel);
            ps.executeQuery().close();
        }
    }

    private java.util.List<String> dagen(String leerling) {
        return jdbc.sql("select cast(datum as varchar(10)) from registratie where brin = '00YY' and leerling_id = ?"
                + " order by datum").param(leerling).query(String.class).list();
    }
}
