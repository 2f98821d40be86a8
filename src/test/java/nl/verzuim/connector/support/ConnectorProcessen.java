package nl.verzuim.connector.support;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.w3c.dom.Document;

/**
 * The built jar as processes of their own (CrashIT, TweeInstantiesIT): a folder with an inbox and the test schools
 * file, a slow DUO (WireMock in the test's JVM), connectors started on them and killed at will, and what DUO received.
 * {@link #close()} kills what still runs and stops DUO.
 */
public final class ConnectorProcessen implements AutoCloseable {

    public static final Path JAR = Path.of("target/verzuim-connector.jar").toAbsolutePath();
    public static final String DUO_PAD = "/duo/verzuimmelding/v1";

    private final WireMockServer duo = new WireMockServer(wireMockConfig().dynamicPort()
            .usingFilesUnderDirectory(".").containerThreads(20));
    private final List<Process> processen = new ArrayList<>();
    private Path map;

    /**
     * Starts DUO, answering each request after {@code vertragingMs} (so that a kill falls in the middle of
     * delivering), and makes the folder: {@code inbox/} and {@code scholen.yaml}. Returns the folder.
     */
    public Path bereid(String voorvoegsel, int vertragingMs) throws IOException {
        duo.start();
        duo.setGlobalFixedDelay(vertragingMs);
        map = Files.createTempDirectory(voorvoegsel);
        Files.createDirectories(inbox());
        try (InputStream scholen = getClass().getResourceAsStream("/scholen-test.yaml")) {
            Files.copy(scholen, map.resolve("scholen.yaml"));
        }
        return map;
    }

    public Path map() {
        return map;
    }

    public Path inbox() {
        return map.resolve("inbox");
    }

    /** The sandbox's OSO dossier (pupil LN094837, BSN 111222333), to be made into many pupils. */
    public static String dossier() throws IOException {
        try (InputStream in = ConnectorProcessen.class
                .getResourceAsStream("/sandbox/Voorbeelddossier_PaO_POSWV_sandbox.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Starts the jar with this folder's inbox, schools and DUO, the fast polls of the tests, and a mail server that is
     * not there; {@code naam} names its OT client, webhook secret and sender. The process writes to {@code log}.
     *
     * @param jvm   options for the JVM (heap, …)
     * @param extra further settings ({@code --name=value}), the database's among them
     */
    public Process start(String naam, Path log, List<String> jvm, List<String> extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> opdracht = new ArrayList<>(List.of(java));
        opdracht.addAll(jvm);
        opdracht.addAll(List.of("-jar", JAR.toString(),
                "--server.port=0",
                "--connector.sandbox=false",
                "--connector.schools=" + map.resolve("scholen.yaml"),
                "--connector.inbox=" + inbox(),
                "--connector.processed-dir=" + map.resolve("processed"),
                "--connector.quarantine-dir=" + map.resolve("quarantaine"),
                "--connector.duo.endpoint=" + duo.baseUrl() + DUO_PAD,
                "--connector.duo.ontvanger-oin=00000001800866472000",
                "--connector.duo.gelijktijdig=2",
                "--connector.ot.base-url=" + duo.baseUrl() + "/ot",
                "--connector.ot.client-id=" + naam, "--connector.ot.client-secret=" + naam,
                "--connector.ot.webhook-secret=" + naam + "-webhook-geheim-7d1e9b3c50a2f486",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=1",
                "--connector.mail.from=connector@" + naam + ".example",
                "--connector.outbox.poll-interval=200",
                "--connector.intake.poll-interval=200",
                "--connector.intake.read-lock-min-age=300"));
        opdracht.addAll(extra);
        Process proces = new ProcessBuilder(opdracht).directory(map.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        processen.add(proces);
        return proces;
    }

    /** The aanleveringen DUO received so far (withdrawals and status questions left out). */
    public List<LoggedRequest> aanleveringen() {
        return duo.findAll(postRequestedFor(urlPathEqualTo(DUO_PAD))).stream()
                .filter(r -> r.getBodyAsString().contains("aanleverenVerzuimmeldingRequest")).toList();
    }

    /**
     * What DUO received, checked: {@code meldingen} meldingen (BSN, soort, begindatum), each
     * identificatiecodeBedrijfsdocument belonging to exactly one melding, and no melding under two keys. Returns per
     * melding ({@code bsn/soort/begindatum}) the keys it came under.
     */
    public Map<String, Set<String>> sleutelsBijDuo(int meldingen) throws Exception {
        Map<String, Set<String>> meldingenPerSleutel = new HashMap<>();
        Map<String, Set<String>> sleutelsPerMelding = new HashMap<>();
        for (LoggedRequest verzoek : aanleveringen()) {
            Document xml = xml(verzoek.getBodyAsString());
            String sleutel = tekst(xml, "identificatiecodeBedrijfsdocument");
            String melding = tekst(xml, "burgerservicenummer") + "/" + tekst(xml, "verzuimsoort") + "/"
                    + tekst(xml, "begindatum");
            meldingenPerSleutel.computeIfAbsent(sleutel, k -> new TreeSet<>()).add(melding);
            sleutelsPerMelding.computeIfAbsent(melding, k -> new TreeSet<>()).add(sleutel);
        }
        assertThat(sleutelsPerMelding).as("DUO ontving elke melding").hasSize(meldingen);
        assertThat(meldingenPerSleutel.values()).as("elke sleutel hoort bij precies één melding")
                .allSatisfy(m -> assertThat(m).hasSize(1));
        assertThat(sleutelsPerMelding.values()).as("geen melding onder twee sleutels")
                .allSatisfy(s -> assertThat(s).hasSize(1));
        return sleutelsPerMelding;
    }

    @Override
    public void close() throws Exception {
        for (Process p : processen) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
        duo.stop();
    }

    public interface Voorwaarde {
        boolean geldt() throws Exception;
    }

    /** Waits until {@code voorwaarde} holds; fails when {@code max} passes first or {@code proces} stops. */
    public static void wachtTot(Voorwaarde voorwaarde, Duration max, String wat, Process proces) throws Exception {
        Instant einde = Instant.now().plus(max);
        while (Instant.now().isBefore(einde)) {
            if (voorwaarde.geldt()) {
                return;
            }
            if (!proces.isAlive()) {
                fail("de connector stopte onverwacht voor: " + wat);
            }
            Thread.sleep(200);
        }
        fail(wat + " niet binnen " + max.toSeconds() + " s");
    }

    /** Puts a file in the inbox the way an export does: written beside it, then moved in whole. */
    public void zet(String naam, String inhoud) throws IOException {
        Path tijdelijk = map.resolve(naam + ".schrijven");
        Files.writeString(tijdelijk, inhoud);
        Files.move(tijdelijk, inbox().resolve(naam));
    }

    private static Document xml(String tekst) throws Exception {
        DocumentBuilderFactory fabriek = DocumentBuilderFactory.newInstance();
        fabriek.setNamespaceAware(true);
        return fabriek.newDocumentBuilder().parse(new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8)));
    }

    private static String tekst(Document xml, String element) {
        return xml.getElementsByTagNameNS("*", element).item(0).getTextContent();
    }
}
