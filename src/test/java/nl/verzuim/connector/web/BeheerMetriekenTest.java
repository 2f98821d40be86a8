package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;

/** {@code /actuator/prometheus}: the connector's gauges, read from the database, behind a login, no pupil in them. */
class BeheerMetriekenTest extends ConnectorTestBasis {

    @LocalServerPort
    int poort;

    @Autowired
    BeheerMetrieken metrieken;

    static double waarde(String tekst, String regel) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(regel) + " (\\S+)$").matcher(tekst);
        assertThat(m.find()).as(regel).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void meldingenOutboxLeeftijdEnQuarantaineInPrometheus() throws Exception {
        Testmeldingen t = new Testmeldingen(jdbc);
        // Made two hours before the clock's start (16:00): the oldest that still has to leave.
        t.melding("00YY", "LN-A", "DUO", "RELATIEF_16_UUR", "WACHT_OP_GOEDKEURING", LocalDate.of(2026, 11, 24), null, null,
                OffsetDateTime.parse("2026-11-20T14:00:00+01:00"));
        t.melding("00YY", "LN-B", "DUO", "LUXE", "ONVOLLEDIG", LocalDate.of(2026, 11, 24), null, null,
                OffsetDateTime.parse("2026-11-20T15:00:00+01:00"));
        t.melding("00YY", "LN-C", "DUO", "LUXE", "VERZONDEN", LocalDate.of(2026, 11, 24), "VM-9", null,
                OffsetDateTime.parse("2026-11-01T15:00:00+01:00"));
        long mislukt = t.melding("00YY", "LN-D", "OT", "A_LANGDURIG_RELATIEF_VERZUIM", "MISLUKT", null);
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                    aangemaakt) values (?, 'OT', 'OT_TRAJECT_AANMAKEN', 'metriek-1', 'urn:uuid:m1', 'MISLUKT', 20,
                    timestamp with time zone '2026-11-20 10:00:00+00', timestamp with time zone '2026-11-20 10:00:00+00')""")
                .param(mislukt).update();
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                    aangemaakt) values (?, 'OTLOOP', 'OT_PERCENTAGE', 'metriek-2', 'urn:uuid:m2', 'MISLUKT', 1,
                    timestamp with time zone '2026-11-20 10:00:00+00', timestamp with time zone '2026-11-20 10:00:00+00')""")
                .param(mislukt).update();
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                    aangemaakt) values (?, 'OTLOOP', 'OT_LOGBOEK', 'metriek-3', 'urn:uuid:m3', 'TE_VERZENDEN', 0,
                    timestamp with time zone '2099-01-01 00:00:00+00', timestamp with time zone '2026-11-20 10:00:00+00')""")
                .param(mislukt).update();
        jdbc.sql("""
                insert into mail_outbox (sleutel, soort, ontvanger, onderwerp, html, tekst, status, volgende_poging, aangemaakt)
                values ('mail-1', 'GEACCEPTEERD', 'a@b.example', 'x', 'x', 'x', 'TE_VERZENDEN',
                    timestamp with time zone '2099-01-01 00:00:00+00', timestamp with time zone '2026-11-20 10:00:00+00')""")
                .update();
        jdbc.sql("""
                insert into quarantaine (bestand, pad, rapport_pad, samenvatting, aantal_fouten, aantal_geaccepteerd, tijdstip)
                values ('x.csv', '/nergens/x.csv', '/nergens/x.csv.fout.txt', '1 fout', 1, 0,
                    timestamp with time zone '2026-11-20 10:00:00+00')""").update();
        metrieken.vergeet();

        assertThat(Sessie.api(poort, "GET", "/actuator/prometheus", null, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> antwoord = Sessie.api(poort, "GET", "/actuator/prometheus", null, LEZER, LEZER_WACHTWOORD);
        assertThat(antwoord.statusCode()).isEqualTo(200);
        String tekst = antwoord.body();

        assertThat(waarde(tekst, "verzuim_meldingen{kanaal=\"DUO\",status=\"WACHT_OP_GOEDKEURING\"}")).isEqualTo(1);
        assertThat(waarde(tekst, "verzuim_meldingen{kanaal=\"DUO\",status=\"ONVOLLEDIG\"}")).isEqualTo(1);
        assertThat(waarde(tekst, "verzuim_meldingen{kanaal=\"DUO\",status=\"VERZONDEN\"}")).isEqualTo(1);
        assertThat(waarde(tekst, "verzuim_meldingen{kanaal=\"OT\",status=\"MISLUKT\"}")).isEqualTo(1);
        assertThat(waarde(tekst, "verzuim_meldingen{kanaal=\"OT\",status=\"VERZONDEN\"}")).isZero();
        assertThat(waarde(tekst, "verzuim_outbox_diepte{kanaal=\"MAIL\"}")).isEqualTo(1);
        assertThat(waarde(tekst, "verzuim_outbox_diepte{kanaal=\"DUO\"}")).isZero();
        assertThat(waarde(tekst, "verzuim_outbox_doodlopers{kanaal=\"OT\"}")).isEqualTo(1);
        assertThat(waarde(tekst, "verzuim_outbox_doodlopers{kanaal=\"OTLOOP\"}")).isEqualTo(1);
        assertThat(waarde(tekst, "verzuim_outbox_diepte{kanaal=\"OTLOOP\"}")).isEqualTo(1);
        assertThat(waarde(tekst, "verzuim_quarantaine_bestanden")).isEqualTo(1);
        // The clock started at 16:00 and has run a few seconds: two hours and a little.
        assertThat(waarde(tekst, "verzuim_melding_oudste_onverzonden_leeftijd_seconds{kanaal=\"DUO\"}"))
                .isBetween(7200.0, 7200.0 + 600);
        assertThat(tekst).doesNotContain("LN-A").doesNotContain("LN-D").doesNotContain("00YY");
    }
}
