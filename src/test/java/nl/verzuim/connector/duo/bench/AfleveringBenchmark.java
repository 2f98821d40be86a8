package nl.verzuim.connector.duo.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;

import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * The delivery benchmark (src/docs/benchmarks.md, "Delivery benchmark"): mvn -B -Pbench-aflevering verify. For
 * each concurrency (1, 2, 5, 10) it puts N meldingen (default 10,000; -Dbench.meldingen=…) in the outbox and times the DUO route
 * delivering them to WireMock answering after 50 ms. The ideal is concurrency ÷ 50 ms. Between rounds the delivery
 * pool that connector.duo.gelijktijdig sizes is resized (the route runs one worker per pool thread, each claiming up to
 * 4 at a time). The machine load before and after is printed with the figures.
 * It measures, it does not pass or fail; the figures go to target/bench-aflevering.txt.
 */
@TestPropertySource(properties = {"connector.outbox.batch=40", "connector.duo.gelijktijdig=10",
        "connector.outbox.poll-interval=50", "logging.level.nl.verzuim=WARN"})
class AfleveringBenchmark extends ConnectorTestBasis {

    static final int VERTRAGING_MS = 50;

    @Autowired
    CamelContext camel;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    Clock klok;
    @Autowired
    @Qualifier("duoAfleveringPool")
    ExecutorService pool;

    @Test
    void doorvoerTegenGelijktijdigheid() throws Exception {
        int aantal = Integer.getInteger("bench.meldingen", 10_000);
        String lichaam = new ObjectMapper().readTree(Path.of("mappings/duo-aanleveren-ok.json").toFile())
                .at("/response/body").asText();
        MOCK.stubFor(post(urlPathEqualTo("/duo/verzuimmelding/v1")).atPriority(1).withMetadata(Map.of("test", true))
                .withRequestBody(matchingXPath("//*[local-name()='aanleverenVerzuimmeldingRequest']"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withFixedDelay(VERTRAGING_MS).withTransformers("response-template").withBody(lichaam)));
        List<String> regels = new ArrayList<>();
        regels.add("Delivery benchmark: %d meldingen per round, DUO (WireMock) answers after %d ms, %d cores"
                .formatted(aantal, VERTRAGING_MS, Runtime.getRuntime().availableProcessors()));
        regels.add("machine load before (uptime): " + belasting());
        regels.add("concurrency | seconds | meldingen/s | ideal/s | % of ideal");
        try {
            for (int gelijktijdig : new int[] {1, 2, 5, 10}) {
                camel.getRouteController().stopRoute("duo-aflevering");
                leeg();
                zaai(aantal);
                ThreadPoolExecutor draden = (ThreadPoolExecutor) pool;
                if (gelijktijdig > draden.getMaximumPoolSize()) {
                    draden.setMaximumPoolSize(gelijktijdig);
                    draden.setCorePoolSize(gelijktijdig);
                } else {
                    draden.setCorePoolSize(gelijktijdig);
                    draden.setMaximumPoolSize(gelijktijdig);
                }
                Instant start = Instant.now();
                camel.getRouteController().startRoute("duo-aflevering");
                while (jdbc.sql("select count(*) from outbox where status = 'VERZONDEN'").query(Integer.class).single()
                        < aantal) {
                    Thread.sleep(100);
                }
                double seconden = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                double doorvoer = aantal / seconden;
                double ideaal = gelijktijdig * 1000.0 / VERTRAGING_MS;
                String regel = "%11d | %7.1f | %11.1f | %7.0f | %5.0f %%".formatted(gelijktijdig, seconden, doorvoer,
                        ideaal, 100 * doorvoer / ideaal);
                System.out.println(regel);
                regels.add(regel);
            }
        } finally {
            MOCK.getStubMappings().stream().filter(s -> s.getMetadata() != null && s.getMetadata().containsKey("test"))
                    .toList().forEach(MOCK::removeStub);
        }
        regels.add("machine load after (uptime): " + belasting());
        Files.write(Path.of("target/bench-aflevering.txt"), regels);
        regels.forEach(System.out::println);
    }

    /** The machine's load averages (1, 5, 15 min) and runnable/total tasks: the figures mean little without them. */
    private static String belasting() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "%.2f (1 min)".formatted(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private void leeg() {
        for (String tabel : new String[] {"audit", "outbox", "melding", "leerling"}) {
            jdbc.sql("delete from " + tabel).update();
        }
    }

    /** N pupils with what DUO needs, each with a decided 16-uur melding in the outbox. */
    private void zaai(int aantal) {
        Instant nu = klok.instant();
        for (int i = 0; i < aantal; i++) {
            String id = "LB%06d".formatted(i);
            jdbc.sql("""
                    insert into leerling (brin, vestiging, leerling_id, bsn, achternaam, voorletters, geboortedatum,
                        straat, huisnummer, postcode, plaats, bronnen, bijgewerkt)
                    values ('00YY', '00', ?, '111222333', 'Bench', 'B.', date '2014-03-17', 'Straat', '1', '1234AB',
                        'Plaats', 'OSO', ?)""").params(id, Dialect.tijd(nu)).update();
            jdbc.sql("""
                    insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, einddatum, uren,
                        besloten_op, uitleg, status, aangemaakt, bijgewerkt)
                    values ('00YY', '00', ?, 'DUO', 'RELATIEF_16_UUR', date '2026-10-26', date '2026-10-29', 20,
                        date '2026-10-29', 'bench', 'TE_VERZENDEN', ?, ?)""")
                    .params(id, Dialect.tijd(nu), Dialect.tijd(nu)).update();
        }
        for (Long id : jdbc.sql("select id from melding").query(Long.class).list()) {
            outbox.plaats(id, "DUO", OutboxItem.Operatie.DUO_AANLEVEREN, nu);
        }
    }
}
