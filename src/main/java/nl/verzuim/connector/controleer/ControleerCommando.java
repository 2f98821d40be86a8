package nl.verzuim.connector.controleer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

import nl.verzuim.connector.config.BeheerInstellingen;
import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.config.Sleutelbossen;
import nl.verzuim.connector.config.OngeldigeInstellingen;
import nl.verzuim.connector.config.Opdrachtomgeving;
import nl.verzuim.connector.config.VroegeInstellingenControle;
import nl.verzuim.connector.intake.SftpInbox;
import nl.verzuim.connector.rules.Waarschuwingsregel;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.SchoolconfiguratieLezer;
import nl.verzuim.connector.waarschuwing.Clientcertificaat;

/**
 * {@code java -jar verzuim-connector.jar controleer [--instelling=waarde …]}: reads the settings exactly as the
 * connector would (command line, environment, application.yml beside the jar) and checks each part, printing a
 * checklist. Sends no melding and no mail: DUO gets a TLS handshake only, OT a token request, SMTP an EHLO and QUIT.
 * Exit status 0 when every part is in order, 1 when any failed. The database is not migrated: pending migrations
 * are reported (the connector applies them when it starts).
 */
public final class ControleerCommando {

    /** Each school's calendar must know its vakanties this far ahead. */
    static final int KALENDER_WEKEN = 8;
    private static final Duration WACHTTIJD = Duration.ofSeconds(10);

    /** One line of the checklist. */
    public record Punt(String onderdeel, boolean goed, String toelichting) {
    }

    private ControleerCommando() {
    }

    public static int voerUit(String[] args, PrintStream uit, Clock klok) {
        List<Punt> punten = controleer(omgeving(args), klok);
        uit.println("Controle van de verzuimconnector (er wordt niets verzonden):");
        for (Punt p : punten) {
            uit.println((p.goed() ? "  [ OK ] " : "  [FOUT] ") + p.onderdeel() + ": " + p.toelichting());
        }
        long fout = punten.stream().filter(p -> !p.goed()).count();
        uit.println(fout == 0 ? "Alles in orde." : fout + " onderde(e)l(en) niet in orde.");
        return fout == 0 ? 0 : 1;
    }

    /** The settings as the connector would read them, these arguments given. */
    static ConfigurableEnvironment omgeving(String[] args) {
        return Opdrachtomgeving.van(args);
    }

    static List<Punt> controleer(ConfigurableEnvironment omgeving, Clock klok) {
        List<Punt> punten = new ArrayList<>();
        try {
            VroegeInstellingenControle.controleer(omgeving);
            punten.add(new Punt("instellingen", true, Boolean.parseBoolean(omgeving.getProperty("connector.sandbox"))
                    ? "sandbox (connector.sandbox=true): de nagebootste DUO, OT en SMTP" : "alle verplichte instellingen gegeven"));
        } catch (OngeldigeInstellingen e) {
            punten.add(new Punt("instellingen", false, String.join("; ", e.problemen().stream()
                    .map(p -> p.instelling() + " " + p.wat()).toList())));
        }
        ConnectorInstellingen instellingen;
        try {
            instellingen = Binder.get(omgeving).bindOrCreate("connector", Bindable.of(ConnectorInstellingen.class));
        } catch (RuntimeException e) {
            return punten; // named above
        }
        ZoneId zone = ZoneId.of(instellingen.tijdzone());
        LocalDate vandaag = LocalDate.now(klok.withZone(zone));
        punten.add(veilig("database", () -> database(omgeving)));
        punten.add(veilig("mappen", () -> mappen(instellingen)));
        instellingen.sftpInbox().ifPresent(server -> punten.add(veilig("SFTP-inbox", () ->
                SftpInbox.nietBereikbaar(instellingen, omgeving)
                        .map(waarom -> new Punt("SFTP-inbox", false, waarom))
                        .orElseGet(() -> new Punt("SFTP-inbox", true, SftpInbox.omschrijving(server)
                                + ": ingelogd en de map gelezen")))));
        punten.add(veilig("scholenbestand", () -> scholen(instellingen, vandaag)));
        BeheerInstellingen beheer = Binder.get(omgeving).bindOrCreate("connector.beheer",
                Bindable.of(BeheerInstellingen.class));
        if (!beheer.accounts().isEmpty()) {
            punten.add(veilig("accounts", () -> accounts(instellingen, beheer)));
        }
        punten.add(veilig("DUO", () -> duo(instellingen)));
        punten.add(veilig("DUO-certificaat", () -> certificaat(instellingen, zone, vandaag)));
        punten.add(veilig("OT", () -> ot(instellingen)));
        punten.add(veilig("SMTP", () -> smtp(omgeving)));
        return punten;
    }

    private interface Stap {
        Punt voer() throws Exception;
    }

    /** A part that throws failed; the exception's type and message say why (they hold no secrets: no values read). */
    private static Punt veilig(String onderdeel, Stap stap) {
        try {
            return stap.voer();
        } catch (Exception e) {
            return new Punt(onderdeel, false, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    static Punt database(ConfigurableEnvironment omgeving) throws Exception {
        String url = omgeving.getProperty("spring.datasource.url");
        String gebruiker = omgeving.getProperty("spring.datasource.username");
        String wachtwoord = omgeving.getProperty("spring.datasource.password");
        try (Connection verbinding = DriverManager.getConnection(url, gebruiker, wachtwoord)) {
            String product = verbinding.getMetaData().getDatabaseProductName();
            Flyway flyway = Flyway.configure().dataSource(url, gebruiker, wachtwoord)
                    .ignoreMigrationPatterns("*:pending").load();
            int open = flyway.info().pending().length;
            ValidateResult geldig = flyway.validateWithResult();
            if (!geldig.validationSuccessful) {
                return new Punt("database", false, product + " bereikbaar, maar de migraties kloppen niet met de"
                        + " database: " + geldig.errorDetails.errorMessage);
            }
            var huidig = flyway.info().current();
            return new Punt("database", true, product + " bereikbaar; schemaversie "
                    + (huidig == null ? "(leeg)" : huidig.getVersion()) + (open == 0 ? ", bijgewerkt"
                    : ", " + open + " migratie(s) worden bij de start uitgevoerd"));
        }
    }

    static Punt mappen(ConnectorInstellingen instellingen) throws IOException {
        for (Path map : List.of(instellingen.inbox(), instellingen.processedDir(), instellingen.quarantineDir())) {
            Files.createDirectories(map);
            Path proef = Files.createTempFile(map, ".controleer-", ".tmp");
            Files.delete(proef);
        }
        return new Punt("mappen", true, "inbox, processed en quarantaine bestaan en zijn schrijfbaar");
    }

    static Punt scholen(ConnectorInstellingen instellingen, LocalDate vandaag) {
        Scholen scholen = SchoolconfiguratieLezer.lees(instellingen.schools(), instellingen.lasProfielen());
        LocalDate horizon = vandaag.plusWeeks(KALENDER_WEKEN);
        List<String> zonder = new ArrayList<>();
        for (School school : scholen.scholen()) {
            if (!Waarschuwingsregel.kentVakantieTot(school.kalender(), horizon)) {
                zonder.add(school.code());
            }
        }
        if (!zonder.isEmpty()) {
            return new Punt("scholenbestand", false, "geldig, maar de kalender van " + String.join(", ", zonder)
                    + " kent geen vakantie tot na " + horizon + " (8 weken): vul het volgende schooljaar in");
        }
        return new Punt("scholenbestand", true, scholen.scholen().size() + " school/scholen; kalenders tot na " + horizon);
    }

    /** Every school an account names is in the schools file; else the account would silently see nothing of it. */
    static Punt accounts(ConnectorInstellingen instellingen, BeheerInstellingen beheer) {
        Scholen scholen = SchoolconfiguratieLezer.lees(instellingen.schools(), instellingen.lasProfielen());
        List<String> fouten = beheer.onbekendeScholen(code -> scholen.vind(code).isPresent());
        if (!fouten.isEmpty()) {
            return new Punt("accounts", false, String.join(", ", fouten) + ", die niet in het scholenbestand staat"
                    + " (connector.beheer.accounts[].scholen): zo'n account ziet daar niets van");
        }
        return new Punt("accounts", true, beheer.accounts().size() + " account(s); hun scholen staan in het"
                + " scholenbestand");
    }

    static Punt duo(ConnectorInstellingen instellingen) throws Exception {
        URI adres = URI.create(instellingen.duo().endpoint());
        boolean tls = "https".equalsIgnoreCase(adres.getScheme());
        int poort = adres.getPort() > 0 ? adres.getPort() : tls ? 443 : 80;
        int wachten = (int) (instellingen.duo().connectTimeout() == null ? WACHTTIJD
                : instellingen.duo().connectTimeout()).toMillis();
        if (!tls) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(adres.getHost(), poort), wachten);
            }
            return new Punt("DUO", true, adres.getHost() + ":" + poort + " bereikbaar (http, zonder TLS: alleen"
                    + " voor een test- of sandboxomgeving)");
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(Sleutelbossen.sleutels(instellingen.duo().tls()), Sleutelbossen.vertrouwd(instellingen.duo().tls()),
                null);
        try (Socket kaal = new Socket()) {
            kaal.connect(new InetSocketAddress(adres.getHost(), poort), wachten);
            kaal.setSoTimeout(wachten);
            try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(kaal, adres.getHost(), poort, true)) {
                s.startHandshake();
                // Under TLS 1.3 a server that refuses the client certificate says so only after the handshake: one
                // HEAD request (no melding) and its status line show that the certificate was taken.
                String pad = adres.getRawPath() == null || adres.getRawPath().isEmpty() ? "/" : adres.getRawPath();
                s.getOutputStream().write(("HEAD " + pad + " HTTP/1.1\r\nHost: " + adres.getHost()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                String regel = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                if (regel == null || !regel.startsWith("HTTP/")) {
                    return new Punt("DUO", false, "TLS-verbinding met " + adres.getHost() + ":" + poort
                            + " verbroken na de handshake: clientcertificaat niet aanvaard?");
                }
                return new Punt("DUO", true, "TLS-handshake met " + adres.getHost() + ":" + poort + " gelukt ("
                        + s.getSession().getProtocol() + (instellingen.duo().tls().keystore() == null
                        ? ", zonder clientcertificaat" : ", met het clientcertificaat") + ")");
            }
        }
    }

    static Punt certificaat(ConnectorInstellingen instellingen, ZoneId zone, LocalDate vandaag) throws Exception {
        Optional<LocalDate> tot = Clientcertificaat.geldigTot(instellingen.duo().tls(), zone);
        if (tot.isEmpty()) {
            return new Punt("DUO-certificaat", true, "geen clientcertificaat ingesteld (connector.duo.tls.keystore);"
                    + " DUO's productieomgeving eist er een");
        }
        if (tot.get().isBefore(vandaag)) {
            return new Punt("DUO-certificaat", false, "verlopen op " + tot.get());
        }
        long dagen = java.time.temporal.ChronoUnit.DAYS.between(vandaag, tot.get());
        return new Punt("DUO-certificaat", true, "geldig tot " + tot.get() + " (nog " + dagen + " dagen)"
                + (dagen <= 30 ? ": vraag nu een nieuw certificaat aan" : ""));
    }

    static Punt ot(ConnectorInstellingen instellingen) throws Exception {
        ConnectorInstellingen.Ot ot = instellingen.ot();
        String basis = ot.baseUrl().endsWith("/") ? ot.baseUrl().substring(0, ot.baseUrl().length() - 1) : ot.baseUrl();
        String formulier = "grant_type=client_credentials&client_id=" + URLEncoder.encode(ot.clientId(),
                StandardCharsets.UTF_8) + "&client_secret=" + URLEncoder.encode(ot.clientSecret(), StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().connectTimeout(ot.connectTimeout() == null ? WACHTTIJD
                : ot.connectTimeout()).build();
        HttpResponse<String> antwoord = client.send(HttpRequest.newBuilder(URI.create(basis + "/oauth/token"))
                .timeout(WACHTTIJD).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formulier)).build(), HttpResponse.BodyHandlers.ofString());
        if (antwoord.statusCode() == 200 && antwoord.body().contains("access_token")) {
            return new Punt("OT", true, "token ontvangen van " + URI.create(basis).getHost());
        }
        return new Punt("OT", false, "geen token: HTTP " + antwoord.statusCode() + (antwoord.statusCode() == 401
                ? " (connector.ot.client-id of client-secret klopt niet)" : ""));
    }

    static Punt smtp(ConfigurableEnvironment omgeving) throws IOException {
        String host = omgeving.getProperty("spring.mail.host");
        int poort = Integer.parseInt(omgeving.getProperty("connector.mail.smtp-port",
                omgeving.getProperty("spring.mail.port", "25")));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, poort), (int) WACHTTIJD.toMillis());
            s.setSoTimeout((int) WACHTTIJD.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream uit = s.getOutputStream();
            String groet = antwoord(in);
            if (!groet.startsWith("220")) {
                return new Punt("SMTP", false, host + ":" + poort + " groet niet als SMTP-server");
            }
            uit.write("EHLO verzuimconnector\r\n".getBytes(StandardCharsets.US_ASCII));
            uit.flush();
            String ehlo = antwoord(in);
            uit.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            uit.flush();
            if (!ehlo.startsWith("250")) {
                return new Punt("SMTP", false, host + ":" + poort + " weigert EHLO");
            }
            return new Punt("SMTP", true, host + ":" + poort + " antwoordt op EHLO"
                    + (ehlo.contains("STARTTLS") ? " (biedt STARTTLS)" : ""));
        }
    }

    /** A (multi-line) SMTP reply: lines "250-…" until "250 …". */
    private static String antwoord(BufferedReader in) throws IOException {
        StringBuilder alles = new StringBuilder();
        String regel;
        while ((regel = in.readLine()) != null) {
            alles.append(regel).append('\n');
            if (regel.length() < 4 || regel.charAt(3) != '-') {
                break;
            }
        }
        return alles.toString();
    }
}
