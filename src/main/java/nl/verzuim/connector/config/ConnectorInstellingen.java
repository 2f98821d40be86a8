package nl.verzuim.connector.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Every {@code connector.*} setting (src/docs/operating.md, "Settings"). Spring Boot binds them from the command line,
 * the environment or an application.yml beside the jar. Their defaults are in the packaged {@code application.yml}
 * and nowhere else; in the sandbox ({@code application-sandbox.yml}) the endpoints point at the embedded mocks.
 *
 * @param sandbox       true: start the embedded mocks (WireMock DUO and OT, SMTP) and put sample files in the inbox
 * @param inboxLocatie  {@code connector.inbox}: the folder watched for LAS exports, or an SFTP location
 *                      ({@code sftp://gebruiker@host[:poort]/pad}) polled into {@code connector.intake.sftp-map}
 * @param schools       the school configuration YAML (las-input.md §3)
 * @param lasProfielen  optional: the school's own CSV profiles (YAML); unset: las-profielen.yaml beside the
 *                      schools file when present, else only the built-in profiles
 * @param processedDir  where files go once read
 * @param quarantineDir where rejected files go, with a report beside each
 * @param tijdzone      the schools' time zone: what "today" means
 * @param klokStart     optional: the connector's clock starts at this moment and runs on (demos and tests)
 * @param intrekkenNaCorrectie what becomes of a melding at DUO whose basis a later LAS export took away
 *                      (connector-interface.md): shown for a person to withdraw, or withdrawn by the connector
 */
@ConfigurationProperties(prefix = "connector")
public record ConnectorInstellingen(boolean sandbox,
                                    @Name("inbox") String inboxLocatie,
                                    Path schools,
                                    Path lasProfielen,
                                    Path processedDir,
                                    Path quarantineDir,
                                    String tijdzone,
                                    OffsetDateTime klokStart,
                                    IntrekkenNaCorrectie intrekkenNaCorrectie,
                                    @DefaultValue Intake intake,
                                    @DefaultValue Duo duo,
                                    @DefaultValue Ot ot,
                                    @DefaultValue Mail mail,
                                    @DefaultValue Outbox outbox) {

    /**
     * The local folder the intake reads: {@code connector.inbox} itself, or, when that is an SFTP location, the
     * folder its files are downloaded to ({@code connector.intake.sftp-map}).
     */
    public Path inbox() {
        if (inboxLocatie == null) {
            return null;
        }
        return sftpInbox().isPresent() ? intake.sftpMap() : Path.of(inboxLocatie);
    }

    /** {@code connector.inbox} when it is an SFTP location ({@code sftp://gebruiker@host[:poort]/pad}). */
    public java.util.Optional<java.net.URI> sftpInbox() {
        if (inboxLocatie == null || !inboxLocatie.regionMatches(true, 0, "sftp://", 0, 7)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.net.URI.create(inboxLocatie));
    }

    /** {@code connector.intrekken-na-correctie}: {@code na_goedkeuring} or {@code automatisch}. */
    public enum IntrekkenNaCorrectie { NA_GOEDKEURING, AUTOMATISCH }

    /**
     * @param maxBestandsgrootte larger files are refused whole, unread
     * @param readLockMinAge     a file is taken only when it has not changed for this long: longer than the longest
     *                           pause of the LAS while it writes an export
     * @param klaarBestand       true: a file is taken only once its done file ({@code naam.csv.klaar}) is there
     * @param sftpMap            with an SFTP inbox: the local folder (owner-only) its files are downloaded to
     * @param sftpVerwijderen    with an SFTP inbox: true deletes a file on the server once taken, false moves it
     *                           to {@code processed/} beside it there
     * @param maxPogingen        a file that cannot be stored this many times (a database that keeps failing) goes
     *                           to quarantine with a report instead of being tried again
     * @param leesslotLease      how long the read lock on a file in a shared inbox holds without renewal: the
     *                           reading instance renews it while it reads; a dead instance's file is read by another
     *                           one lease later
     * @param indexenHerbouwenVanaf PostgreSQL: a registraties file of at least this many lines, and over twice as
     *                           many as the database holds, is moved into place with the secondary indexes made again
     *                           afterwards (a region's first school year: much faster; other instances wait to read
     *                           registrations meanwhile); 0 never
     */
    public record Intake(org.springframework.util.unit.DataSize maxBestandsgrootte,
                         Duration readLockMinAge,
                         Duration pollInterval,
                         int maxPogingen,
                         boolean klaarBestand,
                         Path sftpMap,
                         boolean sftpVerwijderen,
                         Duration leesslotLease,
                         long indexenHerbouwenVanaf) {
    }

    /**
     * @param endpoint           URL of the DUO-style SOAP service
     * @param ontvangerOin       OIN of DUO, the receiver: wsa:To ends in ?oin=&lt;it&gt;
     * @param verzendendeInstantie the school board's OIN (or the BRIN when none is set)
     * @param gelijktijdig       how many meldingen are on their way to DUO at once
     * @param statusInterval     how often DUO is asked for the status of sent meldingen (opvragenMeldingstatus). The
     *                           route {@code duo-status} reads this same key; it is bound here too so that a value
     *                           that is no duration stops the start with the setting's name
     * @param tls                client certificate (mutual TLS); off when no keystore is set
     * @param wss                WS-Security signing of body and addressing headers; off unless {@code aan}
     */
    public record Duo(String endpoint, String ontvangerOin, String verzendendeInstantie,
                      Duration connectTimeout, Duration receiveTimeout,
                      int gelijktijdig, Duration statusInterval,
                      @DefaultValue Tls tls, @DefaultValue Wss wss) {
    }

    /**
     * Mutual TLS to DUO. Off while neither {@code keystore} nor {@code truststore} is set (the sandbox).
     *
     * @param keystore           PKCS12 (or JKS) with the school's PKIoverheid client certificate and its key
     * @param keystoreWachtwoord password of the keystore and its key
     * @param truststore         optional: the CAs DUO's server certificate is checked against (default: Java's)
     */
    public record Tls(Path keystore, String keystoreWachtwoord, String keystoreType,
                      Path truststore, String truststoreWachtwoord,
                      String truststoreType) {
        public boolean aan() {
            return keystore != null || truststore != null;
        }
    }

    /**
     * WS-Security: sign the SOAP body and the WS-Addressing headers with the key in {@code keystore}.
     *
     * @param aan                true in production when DUO requires signed messages
     * @param keystore           keystore with the signing key (often the same as the TLS one)
     * @param alias              alias of the signing key in the keystore
     */
    public record Wss(boolean aan, Path keystore, String keystoreWachtwoord,
                      String keystoreType, String alias) {
    }

    /**
     * @param baseUrl       base URL of the OT-style API; the paths of ot-api-v1.yaml follow it
     * @param webhookSecret shared secret of the X-OT-Signature HMAC
     * @param pollInterval  how often OT's gebeurtenissen are fetched, for when webhooks are lost
     * @param webhookMaxGrootte a webhook body larger than this is refused (413) unread
     */
    public record Ot(String baseUrl, String clientId, String clientSecret, String webhookSecret,
                     Duration pollInterval, Duration connectTimeout,
                     Duration readTimeout, org.springframework.util.unit.DataSize webhookMaxGrootte) {
    }

    /** @param from sender of the school mails */
    public record Mail(String from) {
    }

    /**
     * Delivery: retries back off exponentially from {@code backoffStart} up to {@code backoffMax}; after
     * {@code maxPogingen} attempts a melding becomes a dead letter. Claimed work is held for {@code lease}, which the
     * holder renews while it works: a dead instance's work is free again one lease later.
     */
    public record Outbox(Duration pollInterval, Duration backoffStart,
                         Duration backoffMax, int maxPogingen,
                         Duration lease, int batch) {
    }
}
