package nl.verzuim.connector.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.verzuim.connector.VerzuimConnectorApplication;
import nl.verzuim.connector.ot.OtWebhookController;
import nl.verzuim.connector.web.InlogPogingen;

/**
 * A real connector in a Spring context, against real peers: WireMock serving the repository's {@code mappings/}
 * as DUO and OT, GreenMail as the SMTP server, H2 in memory, and its own inbox folders. The clock starts on
 * Friday 20 November 2026, 16:00, so every test holds on any day it runs.
 */
@CamelSpringBootTest
@AutoConfigureObservability(tracing = false) // metrics as in production: /actuator/prometheus is part of what is tested
// connector.sandbox here, not below: it decides the profile, before the dynamic properties are there
@SpringBootTest(classes = VerzuimConnectorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "connector.sandbox=false")
public abstract class ConnectorTestBasis {

    public static final String KLOK_START = "2026-11-20T16:00:00+01:00";
    public static final String WEBHOOK_GEHEIM = "test-webhook-geheim-5f0c2a9e41b7d3863e";
    public static final String OIN_DUO = "00000001800866472000";

    /** The operator accounts of the tests (src/docs/operating.md, "Operator page, API and login"): one acts, one reads. */
    public static final String BEHEERDER = "beheerder-test";
    public static final String BEHEERDER_WACHTWOORD = "geheim-beheer";
    public static final String LEZER = "lezer-test";
    public static final String LEZER_WACHTWOORD = "geheim-lezen";
    /** An account of one school only (connector.beheer.accounts[].scholen): it acts, but on 00ZZ00 alone. */
    public static final String SCHOOLBEHEERDER = "beheerder-00zz";
    public static final String SCHOOLBEHEERDER_WACHTWOORD = "geheim-00zz";
    public static final String EIGEN_SCHOOL = "00ZZ";
    /** Cost 4: the lowest bcrypt allows, so that logging in costs the tests no time. */
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    /**
     * One WireMock and one GreenMail for the whole test JVM, never restarted: Spring caches the connector's context
     * across test classes, and that context keeps the ports it was started with.
     */
    protected static final WireMockServer MOCK = Peers.WIREMOCK;
    protected static final GreenMail SMTP = Peers.GREENMAIL;

    protected static final Path MAP = maakMap();

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private InlogPogingen inlogPogingen;

    @DynamicPropertySource
    static void instellingen(DynamicPropertyRegistry r) {
        java.util.function.Supplier<Object> map = eenmaal(() -> {
            Path eigen = eigenMap.getAndSet(null);
            return eigen == null ? MAP : eigen;
        });
        // a placeholder, so that a test class with a context of its own can give it an inbox of its own (the cached
        // contexts all keep polling theirs), or another inbox altogether (an SFTP location: SftpInboxTest)
        r.add("connector.inbox", () -> "${verzuim.test.inbox-locatie:" + map.get() + "/${verzuim.test.inbox:inbox}}");
        r.add("connector.processed-dir", () -> ((Path) map.get()).resolve("processed").toString());
        r.add("connector.quarantine-dir", () -> ((Path) map.get()).resolve("quarantaine").toString());
        r.add("connector.schools", () -> ((Path) map.get()).resolve("scholen.yaml").toString());
        r.add("connector.klok-start", () -> KLOK_START);
        r.add("connector.duo.endpoint", () -> MOCK.baseUrl() + "/duo/verzuimmelding/v1");
        r.add("connector.duo.ontvanger-oin", () -> OIN_DUO);
        r.add("connector.ot.base-url", () -> MOCK.baseUrl() + "/ot");
        r.add("connector.ot.client-id", () -> "test-school");
        r.add("connector.ot.client-secret", () -> "test-geheim");
        r.add("connector.ot.webhook-secret", () -> WEBHOOK_GEHEIM);
        r.add("connector.ot.poll-interval", () -> "3600000");
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        r.add("connector.mail.from", () -> "verzuimconnector@verrekijker.example");
        if (Database.POSTGRES) {
            String url = Database.verseSchema();
            r.add("spring.datasource.url", () -> url);
            r.add("spring.datasource.username", () -> Database.PG_GEBRUIKER);
            r.add("spring.datasource.password", () -> "");
        } else {
            r.add("spring.datasource.url", () -> "jdbc:h2:mem:" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        r.add("connector.duo.receive-timeout", () -> "2s");
        r.add("connector.outbox.poll-interval", () -> "200");
        r.add("connector.outbox.backoff-start", () -> "500ms");
        r.add("connector.outbox.backoff-max", () -> "2s");
        r.add("connector.intake.poll-interval", () -> "200");
        // a placeholder, so that a test class can set it longer with @TestPropertySource (which ranks below this)
        r.add("connector.intake.read-lock-min-age", () -> "${verzuim.test.read-lock-min-age:300}");
        r.add("connector.beheer.min-kosten", () -> "4");
        // as behind a TLS-terminating reverse proxy (src/docs/operating.md, "Security"): lets a test say "this came
        // over HTTPS" with X-Forwarded-Proto; requests without that header are as before
        r.add("server.forward-headers-strategy", () -> "native");
        r.add("connector.beheer.accounts[0].gebruikersnaam", () -> BEHEERDER);
        r.add("connector.beheer.accounts[0].hash", () -> BCRYPT.encode(BEHEERDER_WACHTWOORD));
        r.add("connector.beheer.accounts[0].rol", () -> "beheerder");
        r.add("connector.beheer.accounts[1].gebruikersnaam", () -> LEZER);
        r.add("connector.beheer.accounts[1].hash", () -> BCRYPT.encode(LEZER_WACHTWOORD));
        r.add("connector.beheer.accounts[1].rol", () -> "lezer");
        r.add("connector.beheer.accounts[2].gebruikersnaam", () -> SCHOOLBEHEERDER);
        r.add("connector.beheer.accounts[2].hash", () -> BCRYPT.encode(SCHOOLBEHEERDER_WACHTWOORD));
        r.add("connector.beheer.accounts[2].rol", () -> "beheerder");
        r.add("connector.beheer.accounts[2].scholen[0]", () -> EIGEN_SCHOOL + "00");
    }

    /** The folder of the next context to start, when its test class asked for one of its own ({@link #eigenMap}). */
    private static final java.util.concurrent.atomic.AtomicReference<Path> eigenMap =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * For a test class's {@code @DynamicPropertySource}: its context gets its own folder (inbox, processed,
     * quarantine) and reads the schools file at {@code scholen} (classpath) from it. Every running context polls its
     * inbox, so a class with a context of its own must not use the shared one; it drops files with
     * {@link #zetInInbox(Path, String, String)}. Returns the folder.
     */
    protected static Path eigenMap(DynamicPropertyRegistry r, String scholen) {
        try {
            Path map = Files.createTempDirectory("verzuim-test-eigen-");
            Files.createDirectories(map.resolve("inbox"));
            Files.write(map.resolve("scholen.yaml"), klassepad(scholen));
            eigenMap.set(map);
            r.add("connector.test.map", map::toString); // marks the context apart from the shared one
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a file in the inbox of a context with a folder of its own ({@link #eigenMap}). */
    protected static void zetInInbox(Path map, String naam, String inhoud) throws IOException {
        Path tijdelijk = map.resolve(naam + ".schrijven");
        Files.writeString(tijdelijk, inhoud, StandardCharsets.UTF_8);
        Files.move(tijdelijk, map.resolve("inbox").resolve(naam));
    }

    /**
     * Puts a file in the inbox of a context with a folder of its own ({@link #eigenMap}) and waits (at most 20 s)
     * until the intake route is done with it, however that ended: stored, partly or wholly quarantined.
     */
    protected static void leesIn(CamelContext camel, Path map, String naam, String inhoud) throws Exception {
        NotifyBuilder klaar = new NotifyBuilder(camel).fromRoute("intake")
                .filter(e -> naam.equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class)))
                .whenCompleted(1).create();
        zetInInbox(map, naam, inhoud);
        assertThat(klaar.matches(20, TimeUnit.SECONDS)).as(naam + " ingelezen").isTrue();
    }

    /** {@link #leesIn}, and the file has left the inbox without a fault. */
    protected void leesZonderFouten(CamelContext camel, Path map, String naam, String inhoud) throws Exception {
        leesIn(camel, map, naam, inhoud);
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(map.resolve("inbox").resolve(naam)));
        assertThat(jdbc.sql("select count(*) from quarantaine where bestand = ?").param(naam).query(Integer.class)
                .single()).as(naam + " zonder fouten").isZero();
    }

    private static java.util.function.Supplier<Object> eenmaal(java.util.function.Supplier<Object> waarde) {
        Object[] onthouden = new Object[1];
        return () -> {
            synchronized (onthouden) {
                if (onthouden[0] == null) {
                    onthouden[0] = waarde.get();
                }
                return onthouden[0];
            }
        };
    }

    /** Started on first use, stopped when the JVM ends. */
    private static final class Peers {
        static final WireMockServer WIREMOCK = new WireMockServer(
                wireMockConfig().dynamicPort().usingFilesUnderDirectory("."));
        static final GreenMail GREENMAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

        static {
            WIREMOCK.start();
            GREENMAIL.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                WIREMOCK.stop();
                GREENMAIL.stop();
            }));
        }
    }

    private static Path maakMap() {
        try {
            Path map = Files.createTempDirectory("verzuim-test-");
            Files.createDirectories(map.resolve("inbox"));
            try (InputStream scholen = ConnectorTestBasis.class.getResourceAsStream("/scholen-test.yaml")) {
                Files.copy(scholen, map.resolve("scholen.yaml"));
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each test starts from an empty connector state; WireMock forgets what it received. */
    @BeforeEach
    void leegToestand() throws Exception {
        wachtOpLegeInbox();
        wachtOpLopendeAfleveringen();
        for (String tabel : new String[] {"verzonden_bericht", "toegangslog", "bewaartermijn_opschoning",
                "audit", "mail_outbox", "ot_gebeurtenis", "ot_cursor", "outbox", "ot_aanvulling", "melding",
                "registratie", "verzorger", "leerling", "quarantaine", "camel_messageprocessed", "registratie_export",
                "inbox_leesslot"}) {
            jdbc.sql("delete from " + tabel).update();
        }
        MOCK.resetRequests();
        SMTP.purgeEmailFromAllMailboxes();
        inlogPogingen.vergeetAlles(); // failed logins of one test must not lock out the next
    }

    /**
     * A file an earlier test left in the shared inbox (one it never waited for) would be read during this test, and
     * a NotifyBuilder of this test would count its intake instead of this test's own file. It gets a few seconds to
     * be read; what is still there then is removed.
     */
    private static void wachtOpLegeInbox() throws Exception {
        Path inbox = MAP.resolve("inbox");
        for (int i = 0; i < 50 && !exportsIn(inbox).isEmpty(); i++) {
            Thread.sleep(100);
        }
        for (Path achtergelaten : exportsIn(inbox)) {
            Files.deleteIfExists(achtergelaten);
        }
    }

    private static java.util.List<Path> exportsIn(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> inhoud = Files.list(inbox)) {
            return inhoud.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".camelLock")).toList();
        }
    }

    /**
     * A delivery the previous test left on its way would reach WireMock after the reset below and be counted by this
     * test. Work not yet taken is dropped; what is on its way gets a few seconds to end (a test may have left an item
     * held by a made-up instance, which never ends: then we go on).
     */
    private void wachtOpLopendeAfleveringen() throws InterruptedException {
        jdbc.sql("delete from outbox where geclaimd_tot is null or status <> 'TE_VERZENDEN'").update();
        for (int i = 0; i < 50 && jdbc.sql("select count(*) from outbox").query(Integer.class).single() > 0; i++) {
            Thread.sleep(100);
            jdbc.sql("delete from outbox where geclaimd_tot is null or status <> 'TE_VERZENDEN'").update();
        }
    }

    /** Puts a file in the inbox the way an export does: written elsewhere, then moved in whole. */
    protected static void zetInInbox(String naam, byte[] inhoud) throws IOException {
        Path tijdelijk = MAP.resolve(naam + ".schrijven");
        Files.write(tijdelijk, inhoud);
        Files.move(tijdelijk, MAP.resolve("inbox").resolve(naam));
    }

    protected static void zetInInbox(String naam, String inhoud) throws IOException {
        zetInInbox(naam, inhoud.getBytes(StandardCharsets.UTF_8));
    }

    protected static byte[] klassepad(String pad) throws IOException {
        try (InputStream invoer = ConnectorTestBasis.class.getClassLoader().getResourceAsStream(pad)) {
            if (invoer == null) {
                throw new IOException(pad + " niet gevonden");
            }
            return invoer.readAllBytes();
        }
    }

    /** The sandbox's OSO dossier: Edustandaard's PaO sample with a test BSN, born 2014. */
    protected static byte[] osoDossier() throws IOException {
        return klassepad("sandbox/Voorbeelddossier_PaO_POSWV_sandbox.xml");
    }

    protected static String handtekening(String lichaam) {
        return "sha256=" + OtWebhookController.hmac(WEBHOOK_GEHEIM.getBytes(StandardCharsets.UTF_8),
                lichaam.getBytes(StandardCharsets.UTF_8));
    }
}
