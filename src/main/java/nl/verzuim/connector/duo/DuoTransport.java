package nl.verzuim.connector.duo;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;

import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.config.Sleutelbossen;

/**
 * How the DUO client reaches DUO: time-outs always; in production a client certificate (mutual TLS) and WS-Security
 * signing of the body and the WS-Addressing headers (To, MessageID, Action) plus a timestamp. Both are off in the
 * sandbox (no keystore set, {@code wss.aan=false}). Passwords are read from the settings and never logged.
 */
public final class DuoTransport {

    private static final String SOAP = "{Element}{http://schemas.xmlsoap.org/soap/envelope/}Body";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private DuoTransport() {
    }

    public static void configureer(Client client, ConnectorInstellingen.Duo duo) {
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy beleid = new HTTPClientPolicy();
        beleid.setConnectionTimeout(duo.connectTimeout().toMillis());
        beleid.setReceiveTimeout(duo.receiveTimeout().toMillis());
        beleid.setAllowChunking(false);
        conduit.setClient(beleid);
        if (duo.tls() != null && duo.tls().aan()) {
            conduit.setTlsClientParameters(tls(duo.tls()));
        }
        if (duo.wss() != null && duo.wss().aan()) {
            client.getOutInterceptors().add(ondertekening(duo.wss()));
        }
    }

    static TLSClientParameters tls(ConnectorInstellingen.Tls tls) {
        try {
            TLSClientParameters parameters = new TLSClientParameters();
            if (tls.keystore() != null) {
                parameters.setKeyManagers(Sleutelbossen.sleutels(tls));
            }
            if (tls.truststore() != null) {
                parameters.setTrustManagers(Sleutelbossen.vertrouwd(tls));
            }
            parameters.setDisableCNCheck(false);
            return parameters;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("DUO-client-certificaat niet te laden uit " + tls.keystore() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    static WSS4JOutInterceptor ondertekening(ConnectorInstellingen.Wss wss) {
        if (wss.keystore() == null || wss.alias() == null) {
            throw new IllegalStateException("connector.duo.wss.aan=true vraagt connector.duo.wss.keystore en .alias");
        }
        Properties crypto = new Properties();
        crypto.put("org.apache.wss4j.crypto.provider", "org.apache.wss4j.common.crypto.Merlin");
        crypto.put("org.apache.wss4j.crypto.merlin.keystore.type", wss.keystoreType());
        crypto.put("org.apache.wss4j.crypto.merlin.keystore.file", wss.keystore().toString());
        crypto.put("org.apache.wss4j.crypto.merlin.keystore.password", wss.keystoreWachtwoord() == null ? ""
                : wss.keystoreWachtwoord());
        crypto.put("org.apache.wss4j.crypto.merlin.keystore.alias", wss.alias());
        Map<String, Object> instellingen = new HashMap<>();
        instellingen.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " "
                + ConfigurationConstants.SIGNATURE);
        instellingen.put(ConfigurationConstants.USER, wss.alias());
        instellingen.put(ConfigurationConstants.SIG_PROP_REF_ID, "duoOndertekening");
        instellingen.put("duoOndertekening", crypto);
        instellingen.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        instellingen.put(ConfigurationConstants.SIG_ALGO, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        instellingen.put(ConfigurationConstants.SIG_DIGEST_ALGO, "http://www.w3.org/2001/04/xmlenc#sha256");
        instellingen.put(ConfigurationConstants.SIGNATURE_PARTS, SOAP + ";{Element}{" + WSA + "}To;{Element}{" + WSA
                + "}MessageID;{Element}{" + WSA + "}Action;{Element}{" + WSU + "}Timestamp");
        String wachtwoord = wss.keystoreWachtwoord() == null ? "" : wss.keystoreWachtwoord();
        CallbackHandler sleutelwachtwoord = callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(wachtwoord);
                }
            }
        };
        instellingen.put(ConfigurationConstants.PW_CALLBACK_REF, sleutelwachtwoord);
        return new WSS4JOutInterceptor(instellingen);
    }
}
