package nl.verzuim.connector.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The DUO client certificate and trust store of {@code connector.duo.tls.*}, read the same way by the SOAP client, the
 * {@code controleer} command and the certificate alert.
 */
public final class Sleutelbossen {

    private Sleutelbossen() {
    }

    /** The keystore's key managers; null when no keystore is set (no client certificate). */
    public static KeyManager[] sleutels(ConnectorInstellingen.Tls tls) throws GeneralSecurityException, IOException {
        if (tls == null || tls.keystore() == null) {
            return null;
        }
        char[] wachtwoord = wachtwoord(tls.keystoreWachtwoord());
        KeyManagerFactory fabriek = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        fabriek.init(laad(tls.keystore(), tls.keystoreType(), wachtwoord), wachtwoord);
        return fabriek.getKeyManagers();
    }

    /** The trust store's trust managers; null when none is set (Java's CAs). */
    public static TrustManager[] vertrouwd(ConnectorInstellingen.Tls tls) throws GeneralSecurityException, IOException {
        if (tls == null || tls.truststore() == null) {
            return null;
        }
        TrustManagerFactory fabriek = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        fabriek.init(laad(tls.truststore(), tls.truststoreType(), wachtwoord(tls.truststoreWachtwoord())));
        return fabriek.getTrustManagers();
    }

    /** The client certificate's keystore; null when none is set. */
    public static KeyStore clientcertificaat(ConnectorInstellingen.Tls tls) throws GeneralSecurityException, IOException {
        if (tls == null || tls.keystore() == null) {
            return null;
        }
        return laad(tls.keystore(), tls.keystoreType(), wachtwoord(tls.keystoreWachtwoord()));
    }

    private static KeyStore laad(Path pad, String soort, char[] wachtwoord) throws GeneralSecurityException, IOException {
        KeyStore opslag = KeyStore.getInstance(soort == null ? "PKCS12" : soort);
        try (InputStream in = Files.newInputStream(pad)) {
            opslag.load(in, wachtwoord);
        }
        return opslag;
    }

    private static char[] wachtwoord(String wachtwoord) {
        return wachtwoord == null ? new char[0] : wachtwoord.toCharArray();
    }
}
