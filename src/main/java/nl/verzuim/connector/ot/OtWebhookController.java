package nl.verzuim.connector.ot;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.ot.model.OtModel;

/**
 * {@code POST /api/ot/gebeurtenissen} (connector-interface.md): OT tells what SPPOH did. The signature is checked
 * over the raw body in constant time; the event is stored before we answer 2xx, so it is acted on even if the
 * connector stops right after. A missing or wrong signature is 401, a body that is not a Gebeurtenis 400 — and
 * nothing is stored then.
 */
@RestController
public class OtWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(OtWebhookController.class);
    static final Set<String> TYPES = Set.of("GEACCEPTEERD", "TERUGGEZET", "AFGEROND", "GEWIJZIGD");

    private final GebeurtenisRepository gebeurtenissen;
    private final ObjectMapper json;
    private final byte[] geheim;
    private final Clock klok;

    public OtWebhookController(GebeurtenisRepository gebeurtenissen, ObjectMapper json,
                               ConnectorInstellingen instellingen, Clock klok) {
        this.gebeurtenissen = gebeurtenissen;
        this.json = json;
        this.geheim = instellingen.ot().webhookSecret() == null ? null
                : instellingen.ot().webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.klok = klok;
    }

    @PostMapping(path = "/api/ot/gebeurtenissen")
    public ResponseEntity<Map<String, String>> ontvang(
            @RequestHeader(name = "X-OT-Signature", required = false) String handtekening,
            @RequestBody(required = false) byte[] lichaam) {
        byte[] inhoud = lichaam == null ? new byte[0] : lichaam;
        if (!klopt(handtekening, inhoud)) {
            LOG.warn("OT-gebeurtenis geweigerd: handtekening ontbreekt of klopt niet");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("fout", "handtekening ongeldig"));
        }
        OtModel.Gebeurtenis gebeurtenis;
        try {
            gebeurtenis = json.readValue(inhoud, OtModel.Gebeurtenis.class);
        } catch (Exception e) {
            return ResponseEntity.badRequest().body(Map.of("fout", "geen Gebeurtenis: " + e.getClass().getSimpleName()));
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
