package nl.verzuim.connector.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A pupil as the access log and the clean-up's audit name them: a keyed hash (HMAC-SHA256) of school and LAS key.
 * The same pupil gets the same pseudonym, so a school can answer "who looked at this child" by computing it; without
 * the key (made once per installation, kept in the database) it leads to no one.
 */
@Component
public class Pseudoniem {

    private final JdbcClient jdbc;
    private volatile byte[] sleutel;

    public Pseudoniem(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String van(String brin, String vestiging, String leerlingId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sleutel(), "HmacSHA256"));
            byte[] hash = mac.doFinal((brin + "|" + vestiging + "|" + leerlingId).getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 ontbreekt", e);
        }
    }

    private byte[] sleutel() {
        byte[] s = sleutel;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            var bestaand = jdbc.sql("select waarde from pseudoniem_sleutel where naam = 'leerling'")
                    .query(String.class).optional();
            if (bestaand.isEmpty()) {
                byte[] nieuw = new byte[32];
                new SecureRandom().nextBytes(nieuw);
                try {
                    jdbc.sql("insert into pseudoniem_sleutel (naam, waarde) values ('leerling', ?)")
                            .param(Base64.getEncoder().encodeToString(nieuw)).update();
                } catch (DuplicateKeyException e) {
                    // another instance made it first: use theirs
                }
                bestaand = jdbc.sql("select waarde from pseudoniem_sleutel where naam = 'leerling'")
                        .query(String.class).optional();
            }
            sleutel = Base64.getDecoder().decode(bestaand.orElseThrow());
            return sleutel;
        }
    }
}
