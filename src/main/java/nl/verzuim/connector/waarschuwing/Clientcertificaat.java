package nl.verzuim.connector.waarschuwing;

import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Optional;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.config.Sleutelbossen;

/** The last day the DUO client certificate (the key entries of {@code connector.duo.tls.keystore}) is valid. */
public final class Clientcertificaat {

    private Clientcertificaat() {
    }

    /** Empty when no keystore is set; throws when it is set but cannot be read (the message names no secret). */
    public static Optional<LocalDate> geldigTot(ConnectorInstellingen.Tls tls, ZoneId zone) throws Exception {
        KeyStore opslag = Sleutelbossen.clientcertificaat(tls);
        if (opslag == null) {
            return Optional.empty();
        }
        LocalDate eerste = null;
        for (String alias : Collections.list(opslag.aliases())) {
            if (!opslag.isKeyEntry(alias)) {
                continue;
            }
            Certificate[] keten = opslag.getCertificateChain(alias);
            if (keten != null && keten.length > 0 && keten[0] instanceof X509Certificate x) {
                LocalDate tot = x.getNotAfter().toInstant().atZone(zone).toLocalDate();
                eerste = eerste == null || tot.isBefore(eerste) ? tot : eerste;
            }
        }
        return Optional.ofNullable(eerste);
    }
}
