package nl.verzuim.connector.levensloop;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.melding.ActieGeweigerd;
import nl.verzuim.connector.melding.MeldingActies;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.support.LevensloopTestBasis;

/**
 * A lopende melding kept current from the LAS (school 00YY00: 330/330/210/330/330 lesminuten, herfstvakantie
 * 17–25 October; the clock stands on Friday 20 November 2026): new percentages onderwijs, the afronding, and the
 * changes a person makes — each through the outbox to OT, with a logboek entry, in order.
 */
class LopendeMeldingBijhoudenTest extends LevensloopTestBasis {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    LopendeMeldingBijhouden bijhouden;
    @Autowired
    LevensloopService service;
    @Autowired
    LevensloopRepository levensloop;
    @Autowired
    RegistratieRepository registraties;

    @Test
    void eenNieuwPercentageEindigtHetVorigeOpDeDagErvoor() throws Exception {
        // Absent every school day 5 October – 13 November; the traject was opened on 13 November (0 %).
        long melding = otMelding(LEERLING, "PCT", "LOPEND", LocalDate.of(2026, 10, 5));
        afwezig(LEERLING, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 13));
        trajectGeopend(melding, "2026-11-13T10:00:00+01:00");
        laatsteExportdag(LocalDate.of(2026, 11, 20));

        bijhouden.werkAllesBij();

        // From Tuesday 17 November the last 4 lesweken hold 660 of 5,250 minutes present (12.6 %): 25 %.
        List<LevensloopRepository.Percentage> perioden = levensloop.percentages(melding);
        assertThat(perioden).containsExactly(
                new LevensloopRepository.Percentage(0, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 16)),
                new LevensloopRepository.Percentage(25, LocalDate.of(2026, 11, 17), null));
        await().atMost(Duration.ofSeconds(10)).until(() -> verzoeken("TR-PCT", "logboek").size() == 1);
        List<LoggedRequest> percentages = verzoeken("TR-PCT", "percentages");
        assertThat(percentages).hasSize(1);
        JsonNode nieuw = JSON.readTree(percentages.get(0).getBodyAsString());
        assertThat(nieuw.get("percentage").asInt()).isEqualTo(25);
        assertThat(nieuw.get("startdatum").asText()).isEqualTo("2026-11-17");
        assertThat(nieuw.has("einddatum")).as("OT beëindigt het vorige percentage zelf").isFalse();
        assertThat(percentages.get(0).getHeader("Idempotency-Key")).isNotBlank();
        assertThat(JSON.readTree(verzoeken("TR-PCT", "logboek").get(0).getBodyAsString()).get("tekst").asText())
                .contains("van 0% naar 25% per 17-11-2026");

        MOCK.resetRequests();
        bijhouden.werkAllesBij();
        Thread.sleep(800);
        assertThat(verzoeken("TR-PCT", "percentages")).as("niets veranderd: niets opnieuw").isEmpty();
        assertThat(otStatus(melding)).isEqualTo("LOPEND");
    }

    @Test
    void meerDanDeHelftOnderwijsIn4LesweikenRondtAf() throws Exception {
        // Absent 5 – 30 October, back from 2 November: the window ending Friday 20 November is 75 % present.
        long melding = otMelding(LEERLING, "TERUG", "LOPEND", LocalDate.of(2026, 10, 5));
        afwezig(LEERLING, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 30));
        trajectGeopend(melding, "2026-11-02T10:00:00+01:00");
        laatsteExportdag(LocalDate.of(2026, 11, 20));

        bijhouden.werkAllesBij();

        await().atMost(Duration.ofSeconds(15)).until(() -> "AFGEROND".equals(otStatus(melding)));
        List<LoggedRequest> afronden = verzoeken("TR-TERUG", "afronden");
        assertThat(afronden).hasSize(1);
        JsonNode body = JSON.readTree(afronden.get(0).getBodyAsString());
        assertThat(body.get("reden").asText()).isEqualTo("VOLGT_WEER_ONDERWIJS");
        assertThat(body.get("einddatum").asText()).as("einde van de eerste lesweek boven 50 %").isEqualTo("2026-11-20");
        // 13 November's window is exactly 50 %: not more than half, so not closed then.
        List<String> volgorde = volgorde("TR-TERUG");
        assertThat(volgorde.get(volgorde.size() - 1)).as("afronden komt als laatste").isEqualTo("afronden");
        assertThat(volgorde).contains("percentages", "logboek");
        assertThat(levensloop.percentages(melding).get(levensloop.percentages(melding).size() - 1).percentage())
                .isEqualTo(75);
    }

    @Test
    void eenDatumUitschrijvingRondtAfAlsUitgeschreven() throws Exception {
        long melding = otMelding("LN-UIT", "UIT", "LOPEND", LocalDate.of(2026, 10, 5));
        afwezig("LN-UIT", LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 20));
        trajectGeopend(melding, "2026-11-13T10:00:00+01:00");
        OffsetDateTime nu = OffsetDateTime.parse(KLOK_START);
        jdbc.sql("""
                insert into leerling (brin, vestiging, leerling_id, achternaam, datum_uitschrijving, bronnen, bijgewerkt)
                values ('00YY', '00', 'LN-UIT', 'Test', ?, 'OSO', ?)""").params(LocalDate.of(2026, 11, 18), nu).update();

        bijhouden.werkAllesBij();

        await().atMost(Duration.ofSeconds(15)).until(() -> "AFGEROND".equals(otStatus(melding)));
        JsonNode body = JSON.readTree(verzoeken("TR-UIT", "afronden").get(0).getBodyAsString());
        assertThat(body.get("reden").asText()).isEqualTo("UITGESCHREVEN");
        assertThat(body.get("einddatum").asText()).isEqualTo("2026-11-18");
        assertThat(body.get("toelichting").asText()).doesNotContain("Test");
    }

    @Test
    void interventiesAlleenBijEenLopendeMelding() throws Exception {
        long ingediend = otMelding(LEERLING, "IVN", "INGEDIEND", LocalDate.of(2026, 10, 5));
        assertThatThrownBy(() -> service.interventie(ingediend, "INZET_LEERPLICHT", LocalDate.of(2026, 11, 20),
                null, "J. de Vries")).isInstanceOf(ActieGeweigerd.class).hasMessageContaining("nog niet geaccepteerd");
        long afgerond = otMelding("LN-AF", "IVA", "AFGEROND", LocalDate.of(2026, 10, 5));
        assertThatThrownBy(() -> service.interventie(afgerond, "INZET_LEERPLICHT", LocalDate.of(2026, 11, 20),
                null, "J. de Vries")).isInstanceOf(ActieGeweigerd.class).hasMessageContaining("afgerond");

        long lopend = otMelding("LN-LOP", "IVL", "LOPEND", LocalDate.of(2026, 10, 5));
        service.interventie(lopend, "INZET_LEERPLICHT", LocalDate.of(2026, 11, 20), "gesprek gepland", "J. de Vries");
        await().atMost(Duration.ofSeconds(10)).until(() -> verzoeken("TR-IVL", "logboek").size() == 1);
        JsonNode body = JSON.readTree(verzoeken("TR-IVL", "interventies").get(0).getBodyAsString());
        assertThat(body.get("soort").asText()).isEqualTo("INZET_LEERPLICHT");
        assertThat(body.get("startdatum").asText()).isEqualTo("2026-11-20");
        assertThat(verzoeken("TR-IVN", "interventies")).isEmpty();
    }

    @Test
    void eenNieuweStatusperiodePasNaHetEindeVanDeLopende() throws Exception {
        long melding = otMelding(LEERLING, "SP", "LOPEND", LocalDate.of(2026, 10, 5));
        trajectGeopend(melding, "2026-11-13T10:00:00+01:00");
        assertThatThrownBy(() -> service.statusperiode(melding, "B_LANGDURIG_GEOORLOOFD_VERZUIM",
                "B_PSYCHISCHE_OORZAAK", LocalDate.of(2026, 11, 16), "J. de Vries"))
                .isInstanceOf(ActieGeweigerd.class).hasMessageContaining("05-10-2026").hasMessageContaining("einddatum");
        // Say OT had told us the id of the first period (the contract's Traject does not carry it).
        levensloop.bewaar(new LevensloopRepository.Stand(melding, 0, LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 11, 13), "SP-EERSTE", "A_LANGDURIG_RELATIEF_VERZUIM", null,
                LocalDate.of(2026, 10, 5), null, null, null, null, null), java.time.Instant.parse("2026-11-20T15:00:00Z"));

        service.beeindigStatusperiode(melding, LocalDate.of(2026, 11, 15), "J. de Vries");
        service.statusperiode(melding, "B_LANGDURIG_GEOORLOOFD_VERZUIM", "B_PSYCHISCHE_OORZAAK",
                LocalDate.of(2026, 11, 16), "J. de Vries");

        await().atMost(Duration.ofSeconds(10)).until(() -> verzoeken("TR-SP", "logboek").size() == 1);
        List<String> volgorde = volgorde("TR-SP");
        assertThat(volgorde).containsExactly("statusperioden/SP-EERSTE/beeindigen", "statusperioden", "logboek");
        JsonNode nieuw = JSON.readTree(verzoeken("TR-SP", "statusperioden").get(0).getBodyAsString());
        assertThat(nieuw.get("categorie").asText()).isEqualTo("B_LANGDURIG_GEOORLOOFD_VERZUIM");
        assertThat(nieuw.get("startdatum").asText()).isEqualTo("2026-11-16");
        assertThat(JSON.readTree(verzoeken("TR-SP", "logboek").get(0).getBodyAsString()).get("tekst").asText())
                .as("OT hears who in general terms only").contains("door de school").doesNotContain("Vries");
        assertThat(jdbc.sql("select door from audit where melding_id = ? and actie = 'STATUSPERIODE'").param(melding)
                .query(String.class).single()).as("the audit trail keeps the name").isEqualTo("J. de Vries");
        await().atMost(Duration.ofSeconds(5)).until(() -> levensloop.stand(melding).orElseThrow().statusperiodeId() != null);
        assertThat(levensloop.stand(melding).orElseThrow().statusperiodeId()).as("id uit het antwoord van OT")
                .startsWith("SP-");
    }

    @Test
    void ongeldigeInvoerWordtGeweigerdVoordatOtHemZiet() throws Exception {
        long melding = otMelding(LEERLING, "INV", "LOPEND", LocalDate.of(2026, 10, 5));
        jdbc.sql("""
                insert into ot_traject_stand (melding_id, beoordeeld_tot, categorie, statusperiode_start,
                    statusperiode_eind, bijgewerkt) values (?, ?, 'A_LANGDURIG_RELATIEF_VERZUIM', ?, ?, ?)""")
                .params(melding, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 1),
                        OffsetDateTime.parse(KLOK_START)).update();
        LocalDate start = LocalDate.of(2026, 11, 16);
        assertThatThrownBy(() -> service.statusperiode(melding, "A_LANGDURIG_RELATIEF_VERZUIM", "A_VERZONNEN",
                start, BEHEERDER)).isInstanceOf(MeldingActies.OngeldigVerzoek.class).hasMessageContaining("hoofdoorzaak");
        assertThatThrownBy(() -> service.statusperiode(melding, "A_LANGDURIG_RELATIEF_VERZUIM", "B_PSYCHISCHE_OORZAAK",
                start, BEHEERDER)).isInstanceOf(MeldingActies.OngeldigVerzoek.class);
        assertThatThrownBy(() -> service.statusperiode(melding, "C_ANDERS", null, start, BEHEERDER))
                .isInstanceOf(MeldingActies.OngeldigVerzoek.class);
        assertThatThrownBy(() -> service.interventie(melding, "INZET_LEERPLICHTX", start, "x", BEHEERDER))
                .isInstanceOf(MeldingActies.OngeldigVerzoek.class);
        assertThatThrownBy(() -> service.interventie(melding, "INZET_LEERPLICHT", start, "x".repeat(4001), BEHEERDER))
                .isInstanceOf(MeldingActies.OngeldigVerzoek.class).hasMessageContaining("2000");
        long teruggezet = otMelding("LN100200", "INV2", "TERUGGEZET", LocalDate.of(2026, 10, 5));
        assertThatThrownBy(() -> service.opnieuwIndienen(teruggezet, BEHEERDER, "w".repeat(5000)))
                .isInstanceOf(MeldingActies.OngeldigVerzoek.class);
        assertThat(jdbc.sql("select count(*) from outbox where melding_id in (?, ?)").params(melding, teruggezet)
                .query(Integer.class).single()).as("niets naar OT").isZero();

        service.statusperiode(melding, "B_LANGDURIG_GEOORLOOFD_VERZUIM", "B_PSYCHISCHE_OORZAAK", start, BEHEERDER);
        await().atMost(Duration.ofSeconds(10)).until(() -> verzoeken("TR-INV", "statusperioden").size() == 1);
    }

    @Test
    void eenAfrondingNaDieVanSppohIsGeenDoodloper() throws Exception {
        // The connector decided to close it; SPPOH closed it first and OT still says yes to ours.
        long melding = otMelding(LEERLING, "BEIDE", "AFGEROND", LocalDate.of(2026, 10, 5));
        long item = levensloop.opdracht(melding, nl.verzuim.connector.outbox.OutboxItem.Operatie.OT_AFRONDEN,
                new OtOpdracht.Afronding("VOLGT_WEER_ONDERWIJS", LocalDate.of(2026, 11, 20),
                        "test"), java.time.Instant.parse("2026-11-20T15:00:00Z"));
        await().atMost(Duration.ofSeconds(15)).until(() -> !"TE_VERZENDEN".equals(jdbc.sql(
                "select status from outbox where id = ?").param(item).query(String.class).single()));
        assertThat(verzoeken("TR-BEIDE", "afronden")).hasSize(1);
        assertThat(jdbc.sql("select status from outbox where id = ?").param(item).query(String.class).single())
                .isEqualTo("VERZONDEN");
        assertThat(otStatus(melding)).isEqualTo("AFGEROND");
        assertThat(jdbc.sql("select status from melding where id = ?").param(melding).query(String.class).single())
                .isEqualTo("VERZONDEN");
    }

    private void afwezig(String leerling, LocalDate van, LocalDate tot) {
        int regel = 1;
        List<RegistratieRepository.Rij> rijen = new ArrayList<>();
        for (LocalDate d = van; !d.isAfter(tot); d = d.plusDays(1)) {
            rijen.add(new RegistratieRepository.Rij("00YY", "00", leerling,
                    Registratie.heleDag(d, Afwezigheidscode.ONG), "test.csv", regel++));
        }
        registraties.bewaarAlle(rijen);
    }

    /** Another pupil's late arrival: the school's export reaches this day. */
    private void laatsteExportdag(LocalDate dag) {
        registraties.bewaar("00YY", "00", "LN-ANDER", Registratie.minuten(dag, 5, Afwezigheidscode.TL), "test.csv", 1);
    }

    private void trajectGeopend(long melding, String tijdstip) {
        jdbc.sql("insert into audit (tijdstip, melding_id, actie, ontvanger, details, door) values (?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.parse(tijdstip), melding, "TRAJECT_AANGEMAAKT", "OT", "test", "connector")
                .update();
    }

    static List<LoggedRequest> verzoeken(String traject, String pad) {
        return MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten/" + traject + "/" + pad)));
    }

    /** The OT calls for one traject in the order OT received them, as paths after the traject. */
    static List<String> volgorde(String traject) {
        String voor = "/ot/api/v1/trajecten/" + traject + "/";
        return MOCK.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(voor))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest).map(r -> r.getUrl().substring(voor.length())).toList();
    }

}
