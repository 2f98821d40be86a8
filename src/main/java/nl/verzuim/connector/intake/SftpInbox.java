package nl.verzuim.connector.intake;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.Bestandsrechten;
import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * An inbox on an SFTP server ({@code connector.inbox: sftp://gebruiker@host[:poort]/pad}, src/docs/intake.md). Route
 * {@code intake-sftp} downloads each complete file into the local folder {@code connector.intake.sftp-map}, where
 * route {@code intake} reads it as any local inbox file. This bean decides what those routes need and gives it to them
 * as properties: {@code connector.intake.lokale-inbox} (the folder the intake reads), {@code connector.intake.sftp.aan}
 * and {@code connector.intake.sftp.uri} (the server, its authentication, and what becomes of a file once taken).
 *
 * <p>The password ({@code CONNECTOR_INBOX_SFTP_WACHTWOORD}) or the private key's path
 * ({@code CONNECTOR_INBOX_SFTP_SLEUTEL}) come from the environment, never from the inbox setting; Camel masks the
 * password when it logs an endpoint. {@code CONNECTOR_INBOX_SFTP_KNOWN_HOSTS} names a known_hosts file: then the
 * server's host key is checked.
 */
@Component
public class SftpInbox {

    private static final Logger LOG = LoggerFactory.getLogger(SftpInbox.class);
    private static final int TIJDSLIMIET_MS = 10_000;

    private final String wachtwoord;
    private final String sleutel;
    private final String knownHosts;

    public SftpInbox(ConnectorInstellingen instellingen, ConfigurableEnvironment omgeving) {
        Optional<URI> server = instellingen.sftpInbox();
        this.wachtwoord = omgeving.getProperty("connector.inbox-sftp.wachtwoord");
        this.sleutel = omgeving.getProperty("connector.inbox-sftp.sleutel");
        this.knownHosts = omgeving.getProperty("connector.inbox-sftp.known-hosts");
        Map<String, Object> voorRoutes = new HashMap<>();
        voorRoutes.put("connector.intake.lokale-inbox", instellingen.inbox().toAbsolutePath().toString());
        voorRoutes.put("connector.intake.sftp.aan", String.valueOf(server.isPresent()));
        // the route is there either way (not started without an SFTP inbox): its endpoint needs some server
        voorRoutes.put("connector.intake.sftp.uri", server.map(s -> camelUri(s, instellingen))
                .orElse("sftp://uit@localhost/uit"));
        omgeving.getPropertySources().addLast(new MapPropertySource("connector-sftp-inbox", voorRoutes));
        if (server.isPresent()) {
            Bestandsrechten.maakMap(instellingen.inbox());
            if (knownHosts == null) {
                LOG.warn("De SFTP-inbox controleert de sleutel van de server niet: zet CONNECTOR_INBOX_SFTP_KNOWN_HOSTS");
            }
        }
    }

    /**
     * For {@code controleer}: logs in and lists the inbox folder, reading and changing nothing. Empty when that
     * worked or there is no SFTP inbox, else why not (no secrets, no file names).
     */
    public static Optional<String> nietBereikbaar(ConnectorInstellingen instellingen, Environment omgeving) {
        Optional<URI> server = instellingen.sftpInbox();
        if (server.isEmpty()) {
            return Optional.empty();
        }
        URI s = server.get();
        String wachtwoord = omgeving.getProperty("connector.inbox-sftp.wachtwoord");
        String sleutel = omgeving.getProperty("connector.inbox-sftp.sleutel");
        String knownHosts = omgeving.getProperty("connector.inbox-sftp.known-hosts");
        Session sessie = null;
        try {
            JSch jsch = new JSch();
            if (sleutel != null) {
                jsch.addIdentity(sleutel);
            }
            if (knownHosts != null) {
                jsch.setKnownHosts(knownHosts);
            }
            sessie = jsch.getSession(gebruiker(s), s.getHost(), s.getPort() > 0 ? s.getPort() : 22);
            if (wachtwoord != null) {
                sessie.setPassword(wachtwoord);
            }
            sessie.setConfig("StrictHostKeyChecking", knownHosts != null ? "yes" : "no");
            sessie.connect(TIJDSLIMIET_MS);
            ChannelSftp kanaal = (ChannelSftp) sessie.openChannel("sftp");
            kanaal.connect(TIJDSLIMIET_MS);
            try {
                kanaal.ls(map(s));
            } finally {
                kanaal.disconnect();
            }
            return Optional.empty();
        } catch (JSchException e) {
            return Optional.of("inloggen op " + omschrijving(s) + " lukt niet (" + e.getClass().getSimpleName() + ")");
        } catch (SftpException e) {
            return Optional.of("de map " + omschrijving(s) + " is niet te lezen (SFTP-fout " + e.id + ")");
        } finally {
            if (sessie != null) {
                sessie.disconnect();
            }
        }
    }

    /** Where the inbox is, without user or secrets: for messages. */
    public static String omschrijving(URI s) {
        return "sftp://" + s.getHost() + (s.getPort() > 0 ? ":" + s.getPort() : "") + s.getPath();
    }

    /**
     * The consumer's endpoint: the server and folder as set, authentication from the environment, the done file
     * when {@code klaar-bestand} is on, and a taken file moved to {@code processed/} there or deleted.
     */
    private String camelUri(URI s, ConnectorInstellingen instellingen) {
        StringBuilder uri = new StringBuilder("sftp://").append(s.getRawAuthority()).append(s.getRawPath());
        uri.append(s.getRawQuery() == null ? "?" : "?" + s.getRawQuery() + "&");
        uri.append("username=").append(gebruiker(s));
        if (wachtwoord != null) {
            uri.append("&password=RAW(").append(wachtwoord).append(')');
        }
        if (sleutel != null) {
            uri.append("&privateKeyFile=").append(sleutel);
        }
        if (knownHosts != null) {
            uri.append("&knownHostsFile=").append(knownHosts).append("&strictHostKeyChecking=yes");
        } else {
            uri.append("&strictHostKeyChecking=no");
        }
        uri.append("&useUserKnownHostsFile=false");
        if (instellingen.intake().klaarBestand()) {
            // $simple{..}: Spring leaves it alone when it hands this property to Camel, Camel reads it per file
            uri.append("&doneFileName=$simple{file:name}").append(InboxFilter.KLAAR);
        }
        uri.append(instellingen.intake().sftpVerwijderen() ? "&delete=true" : "&move=processed");
        // downloaded to disk beside the local inbox, not into memory (an export may be large)
        Path werk = instellingen.inbox().toAbsolutePath().resolveSibling(
                instellingen.inbox().getFileName() + "-werk");
        Bestandsrechten.maakMap(werk);
        uri.append("&localWorkDirectory=").append(werk);
        return uri.toString();
    }

    private static String gebruiker(URI s) {
        String info = s.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            throw new IllegalArgumentException("connector.inbox: een SFTP-inbox noemt de gebruiker"
                    + " (sftp://gebruiker@host/pad)");
        }
        return URLDecoder.decode(info, StandardCharsets.UTF_8);
    }

    /** As Camel reads it: {@code sftp://host/pad} is {@code pad} in the login folder, {@code sftp://host//pad} is {@code /pad}. */
    private static String map(URI s) {
        String pad = s.getPath() == null ? "" : s.getPath();
        pad = pad.startsWith("/") ? pad.substring(1) : pad;
        return pad.isEmpty() ? "." : pad;
    }
}
