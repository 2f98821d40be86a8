package nl.verzuim.connector.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;

/**
 * The bewaartermijn (domain §5: "not kept longer than needed … gone everywhere … the audit trail keeps only what
 * carries no personal data"), with the connector's clock at 20 November 2026 and the default term of one year: a
 * pupil whose last registration, change and melding are from 2024 is gone from every table and its files with it;
 * a pupil with a recent registration, or with a melding still open, stays whole.
 */
@Tag("database")
class BewaartermijnTest extends ConnectorTestBasis {

    static final OffsetDateTime OUD = OffsetDateTime.parse("2024-09-02T10:00:00+02:00");
    static final String OUDE_BSN = "999000111";

    @Autowired
    Bewaartermijn bewaartermijn;

    @Autowired
    Pseudoniem pseudoniem;

    @LocalServerPort
    int poort;

    long oudeMelding;

    @BeforeEach
    void drieLeerlingen() throws Exception {
        // LN-OUD: everything from 2024, its DUO melding long delivered, with what was sent, a mail and an audit line
        leerling("LN-OUD", OUDE_BSN, OUD);
        registratie("LN-OUD", LocalDate.of(2024, 9, 2), "2024_verzuim.csv");
        oudeMelding = new Testmeldingen(jdbc).melding("00YY", "LN-OUD", "DUO", "RELATIEF_16_UUR", "VERZONDEN",
                LocalDate.of(2024, 9, 10), "VM-OUD", null, OUD);
        long outbox = jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, volgende_poging, aangemaakt)
                values (?, 'DUO', 'DUO_AANLEVEREN', 'sleutel-oud', 'urn:uuid:oud', 'VERZONDEN', ?, ?)""")
                .params(oudeMelding, OUD, OUD).update(new GeneratedKeyHolder(), "id");
        jdbc.sql("""
                insert into verzonden_bericht (outbox_id, melding_id, kanaal, operatie, sleutel, verzoek, verzonden, antwoord)
                values (1, ?, 'DUO', 'DUO_AANLEVEREN', 'sleutel-oud', ?, ?, 'VM-OUD')""")
                .params(oudeMelding, "<burgerservicenummer>" + OUDE_BSN + "</burgerservicenummer>", OUD).update();
        jdbc.sql("""
                insert into mail_outbox (sleutel, melding_id, soort, ontvanger, onderwerp, html, tekst, status,
                    volgende_poging, aangemaakt) values ('mail-oud', ?, 'NIEUW', 'x@verrekijker.example', 'oud', 'h',
                    't', 'VERZONDEN', ?, ?)""").params(oudeMelding, OUD, OUD).update();
        jdbc.sql("""
                insert into audit (tijdstip, melding_id, actie, ontvanger, details, door)
                values (?, ?, 'INTREKKEN_GEVRAAGD', 'DUO', 'reden: moeder van LN-OUD belde', 'beheerder-test')""")
                .params(OUD, oudeMelding).update();
        assertThat(outbox).isOne();

        // LN-RECENT: old pupil data, but absent last month
        leerling("LN-RECENT", "999000222", OUD);
        registratie("LN-RECENT", LocalDate.of(2026, 10, 27), "recent_verzuim.csv");

        // LN-OPEN: all old, but its melding still waits for approval
        leerling("LN-OPEN", "999000333", OUD);
        registratie("LN-OPEN", LocalDate.of(2024, 9, 3), "2024_verzuim.csv");
        long open = new Testmeldingen(jdbc).melding("00YY", "LN-OPEN", "DUO", "RELATIEF_16_UUR",
                "WACHT_OP_GOEDKEURING", LocalDate.of(2024, 9, 10), null, null, OUD);
        jdbc.sql("update melding set bijgewerkt = ? where id = ?").params(OUD, open).update();
        jdbc.sql("update melding set bijgewerkt = ? where id = ?").params(OUD, oudeMelding).update();

        jdbc.sql("""
                insert into toegangslog (tijdstip, gebruiker, wat, brin, vestiging, leerling) values
                (?, 'iemand', 'MELDING', '00YY', '00', 'p-oud'), (?, 'iemand', 'MELDING', '00YY', '00', 'p-nieuw')""")
                .params(OffsetDateTime.parse("2023-01-01T10:00:00+01:00"), OffsetDateTime.parse(KLOK_START)).update();
    }

    void leerling(String id, String bsn, OffsetDateTime bijgewerkt) {
        GeneratedKeyHolder sleutel = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into leerling (brin, vestiging, leerling_id, bsn, achternaam, geboortedatum, straat, bronnen,
                    bijgewerkt) values ('00YY', '00', ?, ?, 'Vergeetmij', '2012-05-05', 'Oudelaan', 'OSO', ?)""")
                .params(id, bsn, bijgewerkt).update(sleutel, "id");
        jdbc.sql("insert into verzorger (leerling_ref, volgorde, achternaam) values (?, 1, 'Vergeetmij')")
                .param(sleutel.getKey().longValue()).update();
    }

    void registratie(String id, LocalDate dag, String bestand) {
        jdbc.sql("""
                insert into registratie (brin, vestiging, sleutel, leerling_id, datum, begintijd, code, volgnummer,
                    bron_bestand, bron_regel) values ('00YY', '00', ?, ?, ?, '08:30', 'ONG', 1, ?, 2)""")
                .params("n" + dag + "08:30ONG" + id, id, dag, bestand).update();
    }

    static Path bestand(Path map, String naam, Instant gewijzigd) throws Exception {
        Files.createDirectories(map);
        Path pad = map.resolve(naam);
        Files.writeString(pad, "leerling_id;bsn\nLN-OUD;" + OUDE_BSN + "\n");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // owner-only, as the connector keeps what it moved to processed/ and quarantaine/ (BestandsrechtenTest)
            Files.setPosixFilePermissions(pad, PosixFilePermissions.fromString("rw-------"));
        }
        Files.setLastModifiedTime(pad, FileTime.from(gewijzigd));
        return pad;
    }

    int aantal(String sql, Object... waarden) {
        return jdbc.sql(sql).params(waarden).query(Integer.class).single();
    }

    @Test
    void voorbijDeTermijnIsAllesWegOpenEnRecentBlijft() throws Exception {
        Path oudVerwerkt = bestand(MAP.resolve("processed"), "2024_verzuim.csv", OUD.toInstant());
        Path nieuwVerwerkt = bestand(MAP.resolve("processed"), "recent_verzuim.csv", Instant.parse("2026-11-02T08:00:00Z"));
        Path oudeQuarantaine = bestand(MAP.resolve("quarantaine"), "2024_kapot.csv", OUD.toInstant());
        Path oudRapport = bestand(MAP.resolve("quarantaine"), "2024_kapot.csv.fout.txt", OUD.toInstant());

        // failed logins: one from an address two days ago, one from today
        jdbc.sql("insert into inlog_poging (sleutel, mislukt, laatste) values ('adres:192.0.2.1', 1, ?),"
                + " ('adres:192.0.2.2', 1, ?)").params(OffsetDateTime.parse("2026-11-18T10:00:00Z"),
                OffsetDateTime.parse("2026-11-20T14:00:00Z")).update();

        List<Bewaartermijn.Telling> tellingen = bewaartermijn.ruimOp();

        assertThat(jdbc.sql("select sleutel from inlog_poging").query(String.class).list())
                .as("a failed login's address, kept a day").containsExactly("adres:192.0.2.2");
        // gone everywhere: rows …
        String[] tabellen = {"leerling", "registratie", "melding"};
        for (String tabel : tabellen) {
            assertThat(aantal("select count(*) from " + tabel + " where leerling_id = 'LN-OUD'")).as(tabel).isZero();
        }
        assertThat(aantal("select count(*) from verzorger")).as("verzorgers van de twee die blijven").isEqualTo(2);
        assertThat(aantal("select count(*) from outbox where melding_id = ?", oudeMelding)).isZero();
        assertThat(aantal("select count(*) from verzonden_bericht")).isZero();
        assertThat(aantal("select count(*) from mail_outbox")).isZero();
        // … and files
        assertThat(oudVerwerkt).doesNotExist();
        assertThat(oudeQuarantaine).doesNotExist();
        assertThat(oudRapport).doesNotExist();
        assertThat(nieuwVerwerkt).exists();

        // open or recent stays whole
        for (String blijft : new String[] {"LN-RECENT", "LN-OPEN"}) {
            assertThat(aantal("select count(*) from leerling where leerling_id = ?", blijft)).as(blijft).isOne();
            assertThat(aantal("select count(*) from registratie where leerling_id = ?", blijft)).as(blijft).isOne();
        }
        assertThat(aantal("select count(*) from melding where leerling_id = 'LN-OPEN'")).isOne();

        // the audit trail stays, without personal data: when, what and to whom; the pupil as a pseudonym, counts
        assertThat(aantal("select count(*) from audit where melding_id = ? and actie = 'INTREKKEN_GEVRAAGD'"
                + " and details is null", oudeMelding)).isOne();
        List<String> audit = jdbc.sql("select coalesce(details, '') from audit").query(String.class).list();
        assertThat(String.join("\n", audit)).doesNotContain("LN-OUD").doesNotContain(OUDE_BSN)
                .doesNotContain("Vergeetmij").doesNotContain("moeder")
                .contains(pseudoniem.van("00YY", "00", "LN-OUD")).contains("1 melding(en), 1 registratie(s)");

        // counts per school, on the page too
        assertThat(tellingen).anySatisfy(t -> {
            assertThat(t.school()).isEqualTo("00YY00");
            assertThat(t.leerlingen()).isOne();
            assertThat(t.meldingen()).isOne();
            assertThat(t.berichten()).isOne();
            assertThat(t.mails()).isOne();
        });
        assertThat(tellingen).anySatisfy(t -> assertThat(t.bestanden()).isEqualTo(3));
        String pagina = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD).get("/").body();
        assertThat(pagina).contains("Bewaartermijn").contains("00YY00");
        assertThat(pagina.substring(pagina.indexOf("id=\"privacy\""))).contains("<td>1</td>");

        // the access log keeps itself two years
        assertThat(jdbc.sql("select leerling from toegangslog").query(String.class).list()).containsExactly("p-nieuw");
    }

    @Test
    void deDagelijkseTaakDraaitEensPerDag() {
        assertThat(bewaartermijn.dagelijks()).isNotEmpty();
        assertThat(aantal("select count(*) from leerling where leerling_id = 'LN-OUD'")).isZero();
        int runs = aantal("select count(*) from bewaartermijn_opschoning");
        assertThat(bewaartermijn.dagelijks()).as("vandaag al gedaan").isEmpty();
        assertThat(aantal("select count(*) from bewaartermijn_opschoning")).isEqualTo(runs);
    }
}
