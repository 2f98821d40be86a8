package nl.verzuim.connector.ot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.ot.model.OtModel;

/**
 * {@code POST /api/ot/gebeurtenissen} (connector-interface.md): OT tells what SPPOH did. The signature is checked
 * over the raw body in constant time; the event is stored before we answer 2xx, so it is acted on even if the
 * connector stops right after. A missing or wrong signature is 401, a body that is not a Gebeurtenis 400, a body over
 * the limit 413 — and nothing is stored then.
 */
@RestController
public class OtWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(OtWebhookController.class);
    static final Set<String> TYPES = Set.of("GEACCEPTEERD", "TERUGGEZET", "AFGEROND", "GEWIJZIGD");
    /** Refusals are logged as a count at most once per this period: a flood must not become a flood of lines. */
    private static final long TELPERIODE_MS = 60_000;

    private final GebeurtenisRepository gebeurtenissen;
    private final ObjectMapper json;
    private final byte[] geheim;
    private final long maxBytes;
    private final Clock klok;
    private final AtomicLong geweigerdSindsMelding = new AtomicLong();
    private final AtomicLong laatsteMelding = new AtomicLong(Long.MIN_VALUE);
    private final Counter teGroot;
    private final Counter handtekeningOngeldig;

    public OtWebhookController(GebeurtenisRepository gebeurtenissen, ObjectMapper json,
                               ConnectorInstellingen instellingen, Clock klok, MeterRegistry metrieken) {
        this.gebeurtenissen = gebeurtenissen;
        this.json = json;
        this.geheim = instellingen.ot().webhookSecret() == null ? null
                : instellingen.ot().webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.maxBytes = instellingen.ot().webhookMaxGrootte().toBytes();
        this.klok = klok;
        this.teGroot = Counter.builder("verzuim.ot.webhook.geweigerd").tag("reden", "te-groot")
                .description("OT-webhookverzoeken geweigerd").register(metrieken);
        this.handtekeningOngeldig = Counter.builder("verzuim.ot.webhook.geweigerd").tag("reden", "handtekening")
                .description("OT-webhookverzoeken geweigerd").register(metrieken);
    }

    /**
     * The body is read from the request's stream, at most {@code connector.ot.webhook-max-grootte} bytes: a larger
     * one is refused (413) before more is read or held, whatever Content-Length says. The signature is checked on
     * exactly the bytes read.
     */
    @PostMapping(path = "/api/ot/gebeurtenissen")
    public ResponseEntity<Map<String, String>> ontvang(
            @RequestHeader(name = "X-OT-Signature", required = false) String handtekening,
            HttpServletRequest verzoek) throws IOException {
        if (verzoek.getContentLengthLong() > maxBytes) {
            return teGroot();
        }
        byte[] inhoud;
        try (InputStream invoer = verzoek.getInputStream()) {
            inhoud = invoer.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (inhoud.length > maxBytes) {
            return teGroot();
        }
        if (!klopt(handtekening, inhoud)) {
            handtekeningOngeldig.increment();
            geweigerd();
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("fout", "handtekening ongeldig"));
        }
        OtModel.Gebeurtenis gebeurtenis;
        try {
            gebeurtenis = json.readValue(inhoud, OtModel.Gebeurtenis.class);
        } catch (IOException | RuntimeException e) {
            // no library names or parser text: it may quote the body back
            return ResponseEntity.badRequest().body(Map.of("fout", "geen Gebeurtenis: geen geldige JSON"));
        }
        String ontbreekt = ontbrekend(gebeurtenis);
        if (ontbreekt != null) {
            return ResponseEntity.badRequest().body(Map.of("fout", "geen Gebeurtenis: " + ontbreekt));
        }
        boolean nieuw = gebeurtenissen.bewaar(gebeurtenis, "WEBHOOK", klok.instant());
        LOG.info("OT-gebeurtenis {} {} voor traject {} {}", gebeurtenis.eventId(), gebeurtenis.type(),
                gebeurtenis.trajectId(), nieuw ? "opgeslagen" : "was al bekend");
        return ResponseEntity.accepted().body(Map.of("eventId", gebeurtenis.eventId()));
    }

    private ResponseEntity<Map<String, String>> teGroot() {
        teGroot.increment();
        geweigerd();
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(Map.of("fout", "lichaam groter dan " + maxBytes + " bytes"));
    }

    /** Counts a refusal; logs the count since the last line, at most once per minute. */
    private void geweigerd() {
        geweigerdSindsMelding.incrementAndGet();
        long nu = klok.millis();
        long vorige = laatsteMelding.get();
        if ((vorige == Long.MIN_VALUE || nu - vorige >= TELPERIODE_MS) && laatsteMelding.compareAndSet(vorige, nu)) {
            LOG.warn("OT-webhook: {} verzoek(en) geweigerd (handtekening ontbreekt of klopt niet, of te groot) sinds"
                    + " de vorige melding; de volgende telling over ten hoogste een minuut",
                    geweigerdSindsMelding.getAndSet(0));
        }
    }

    static String ontbrekend(OtModel.Gebeurtenis g) {
        if (g == null) {
            return "leeg";
        }
        if (blank(g.eventId())) {
            return "eventId ontbreekt";
        }
        if (blank(g.type()) || !TYPES.contains(g.type())) {
            return "type ontbreekt of is onbekend";
        }
        if (blank(g.trajectId())) {
            return "trajectId ontbreekt";
        }
        if (blank(g.otId())) {
            return "otId ontbreekt";
        }
        if (g.tijdstip() == null) {
            return "tijdstip ontbreekt";
        }
        return null;
    }

    private static boolean blank(String waarde) {
        return waarde == null || waarde.isBlank();
    }

    /** Constant-time comparison of {@code sha256=<hex>} against our own HMAC of the raw body. */
    boolean klopt(String handtekening, byte[] inhoud) {
        if (geheim == null || handtekening == null || !handtekening.startsWith("sha256=")) {
            return false;
        }
        byte[] verwacht = ("sha256=" + hmac(geheim, inhoud)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(verwacht, handtekening.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    /** Hex HMAC-SHA256, as OT computes it. */
    public static String hmac(byte[] geheim, byte[] inhoud) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(geheim, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(inhoud));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
