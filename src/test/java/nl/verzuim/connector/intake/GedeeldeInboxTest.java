package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * Many instances on one shared inbox folder (issue 13): beside the connector's own intake route, a second consumer
 * as another instance would run it (the same endpoint, with a read lock of its own instance name on the same
 * database) polls the same folder. Every file is read once, by one of them; a lock left by an instance that died is
 * taken over once its lease ran out.
 */
@Tag("database")
@TestPropertySource(properties = {"verzuim.test.inbox=inbox-gedeeld", "connector.intake.leesslot-lease=3s"})
// its own context and inbox: closed afterwards, its second consumer must not outlive this class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GedeeldeInboxTest extends ConnectorTestBasis {

    private static final String TWEEDE_ROUTE = "intake-tweede-instantie";

    @Autowired
    CamelContext camel;
    @Autowired
    ConnectorInstellingen instellingen;
    @Autowired
    IntakeService intakeService;
    @Autowired
    Clock klok;

    /** Per file name: how often a consumer read it (completed its exchange). */
    private final Map<String, AtomicInteger> gelezen = new ConcurrentHashMap<>();
    private final Map<String, String> lezer = new ConcurrentHashMap<>();
    private EventNotifierSupport teller;

    @BeforeEach
    void tweedeInstantie() throws Exception {
        teller = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                Exchange exchange = ((CamelEvent.ExchangeCompletedEvent) event).getExchange();
                String route = exchange.getFromRouteId();
                if ("intake".equals(route) || TWEEDE_ROUTE.equals(route)) {
                    String naam = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                    gelezen.computeIfAbsent(naam, n -> new AtomicInteger()).incrementAndGet();
                    lezer.put(naam, route);
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeCompletedEvent;
            }
        };
        camel.getManagementStrategy().addEventNotifier(teller);
        teller.start();
        if (camel.getRoute(TWEEDE_ROUTE) != null) {
            return;
        }
        Inboxleesloten tweede = new Inboxleesloten(jdbc, klok, instellingen.intake().leesslotLease(), "tweede");
        camel.getRegistry().bind("tweedeLeesslot", tweede);
        // the connector's own intake endpoint, with the second instance's lock
        String uri = camel.getRoute("intake").getEndpoint().getEndpointUri()
                .replace("inboxleesloten", "tweedeLeesslot");
        assertThat(uri).contains("tweedeLeesslot").contains("idempotent-changed");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(TWEEDE_ROUTE)
                        .process(e -> {
                            Thread.sleep(50); // as a read takes a while: the other consumer polls meanwhile
                            IntakeRapport rapport = intakeService.verwerk(
                                    e.getIn().getHeader(Exchange.FILE_PATH, String.class));
                            e.getIn().setHeader("IntakeBestemming", rapport.bestemmingPad());
                        });
                from("timer:tweede-leesslot?period=200").routeId("tweede-leesslot").bean(tweede, "verleng");
            }
        });
    }

    @AfterEach
    void telNiet() {
        camel.getManagementStrategy().removeEventNotifier(teller);
    }

    @Test
    void twintigBestandenInEenGedeeldeInboxWordenElkEenmaalGelezen() throws Exception {
        Path inbox = Files.createDirectories(instellingen.inbox());
        List<String> namen = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String naam = "00YY00_gedeeld_" + i + ".csv";
            namen.add(naam);
            Path tijdelijk = inbox.getParent().resolve(naam + ".schrijven");
            Files.writeString(tijdelijk, "leerling_id;datum;code\nLN8" + i + ";2026-11-16;ONG\n",
                    StandardCharsets.UTF_8);
            Files.move(tijdelijk, inbox.resolve(naam));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> namen.stream().allMatch(gelezen::containsKey)
                && namen.stream().noneMatch(n -> Files.exists(inbox.resolve(n))));
        Thread.sleep(1_500); // a second read would come within a few polls

        assertThat(gelezen.keySet()).containsExactlyInAnyOrderElementsOf(namen);
        assertThat(gelezen.values()).allSatisfy(keer -> assertThat(keer.get()).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from quarantaine").query(Integer.class).single()).isZero();
        // no lock stays behind once the files are moved
        assertThat(jdbc.sql("select count(*) from inbox_leesslot").query(Integer.class).single()).isZero();
        System.out.println("GedeeldeInboxTest: gelezen door intake " + lezer.values().stream()
                .filter("intake"::equals).count() + ", door de tweede " + lezer.values().stream()
                .filter(TWEEDE_ROUTE::equals).count());
    }

    @Test
    void hetLeesslotVanEenGestorvenInstantieWordtNaZijnLeaseOvergenomen() throws Exception {
        Path inbox = Files.createDirectories(instellingen.inbox());
        String naam = "00YY00_wees.csv";
        // an instance that took the file and died: its lease runs 4 s more, nobody renews it
        jdbc.sql("insert into inbox_leesslot (bestandsnaam, instantie, verloopt_op) values (:n, 'gestorven', :tot)")
                .param("n", naam).param("tot", Dialect.tijd(klok.instant().plusSeconds(4))).update();
        Path tijdelijk = inbox.getParent().resolve(naam + ".schrijven");
        Files.writeString(tijdelijk, "leerling_id;datum;code\nLN90;2026-11-16;ONG\n", StandardCharsets.UTF_8);
        Files.move(tijdelijk, inbox.resolve(naam));

        Thread.sleep(2_000);
        assertThat(inbox.resolve(naam)).as("held by the dead instance's live lease").exists();
        assertThat(gelezen).doesNotContainKey(naam);

        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(inbox.resolve(naam)));
        await().atMost(Duration.ofSeconds(5)).until(() -> gelezen.containsKey(naam));
        assertThat(gelezen.get(naam).get()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from registratie").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbox_leesslot").query(Integer.class).single()).isZero();
    }
}
