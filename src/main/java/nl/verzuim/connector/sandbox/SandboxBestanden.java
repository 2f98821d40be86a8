package nl.verzuim.connector.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.rules.Schoolkalender;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.SchoolconfiguratieLezer;

/**
 * Lays out the sandbox's files on first start: the schools file, the WireMock stubs (when no {@code mappings/}
 * folder is at hand) and the sample exports in the inbox — an OSO dossier and a verzuimregistraties CSV whose dates
 * lie in the weeks before today, so that the rules have something to decide whatever the day.
 */
public class SandboxBestanden {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxBestanden.class);
    static final String LEERLING = "LN094837";

    private final ConnectorInstellingen instellingen;
    private final Path map;
    private final Clock klok;
    private volatile boolean klaar;

    public SandboxBestanden(ConnectorInstellingen instellingen, Path map, Clock klok) {
        this.instellingen = instellingen;
        this.map = map;
        this.klok = klok;
    }

    /** Makes sure everything is in place; safe to call more than once. */
    public synchronized void klaar() {
        if (klaar) {
            return;
        }
        try {
            Path scholen = instellingen.schools();
            if (scholen != null && !Files.exists(scholen)) {
                Files.createDirectories(scholen.toAbsolutePath().getParent());
                kopieer("sandbox/scholen.yaml", scholen);
                LOG.info("Sandbox: voorbeeld-schoolconfiguratie geschreven naar {}", scholen.toAbsolutePath());
            }
            Path geplaatst = map.resolve(".voorbeeld-geplaatst");
            if (!Files.exists(geplaatst)) {
                Files.createDirectories(instellingen.inbox());
                kopieer("sandbox/Voorbeelddossier_PaO_POSWV_sandbox.xml",
                        instellingen.inbox().resolve("Voorbeelddossier_PaO_POSWV_sandbox.xml"));
                School school = SchoolconfiguratieLezer.lees(scholen).scholen().get(0);
                Files.writeString(instellingen.inbox().resolve(school.code() + "_verzuimregistraties.csv"),
                        voorbeeldCsv(school.kalender(), LocalDate.now(klok)), StandardCharsets.UTF_8);
                // written after the first (the inbox takes files by time, then name): the school's next export
                Files.writeString(instellingen.inbox().resolve(school.code() + "_verzuimregistraties_correctie.csv"),
                        correctieCsv(school.kalender(), LocalDate.now(klok)), StandardCharsets.UTF_8);
                Files.writeString(geplaatst, "De voorbeeldbestanden staan in de inbox; verwijder dit bestand om ze"
                        + " opnieuw te laten plaatsen.\n", StandardCharsets.UTF_8);
                LOG.info("Sandbox: voorbeeldbestanden (OSO-dossier, verzuimregistraties en een correctie) in {}",
                        instellingen.inbox().toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Sandboxbestanden kunnen niet geplaatst worden in " + map, e);
        }
        klaar = true;
    }

    /** The folder WireMock serves from: the repository's mappings/ when run from it, else a copy of the jar's. */
    Path wiremockWortel() {
        Path hier = Path.of("mappings");
        try {
            if (Files.isDirectory(hier)) {
                try (var bestanden = Files.list(hier)) {
                    if (bestanden.anyMatch(p -> p.toString().endsWith(".json"))) {
                        return Path.of(".").toAbsolutePath().normalize();
                    }
                }
            }
            Path wortel = map.resolve("sandbox/wiremock");
            Path mappings = wortel.resolve("mappings");
            Files.createDirectories(mappings);
            Files.createDirectories(wortel.resolve("__files"));
            for (Resource stub : new PathMatchingResourcePatternResolver().getResources("classpath*:mappings/*.json")) {
                try (InputStream invoer = stub.getInputStream()) {
                    Files.copy(invoer, mappings.resolve(stub.getFilename()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return wortel;
        } catch (IOException e) {
            throw new UncheckedIOException("WireMock-stubs kunnen niet klaargezet worden", e);
        }
    }

    /**
     * A pupil absent without leave every school day of the last six and a half weeks up to yesterday: enough for
     * 16-uur meldingen, an LRV melding and OT categorie A, even when a vacation falls in between. Another pupil, unknown to the LAS export, is late now and then.
     */
    static String voorbeeldCsv(Schoolkalender kalender, LocalDate vandaag) {
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        LocalDate eerste = vandaag.minusDays(45);
        for (LocalDate dag = eerste; dag.isBefore(vandaag); dag = dag.plusDays(1)) {
            if (kalender.isSchooldag(dag)) {
                csv.append(LEERLING).append(';').append(dag).append(";08:30;;").append(kalender.lesminuten(dag))
                        .append(";ONG;niet op school, niet afgemeld\n");
            }
        }
        LocalDate dag = kalender.eersteSchooldagVanaf(vandaag.minusDays(10));
        if (dag != null && dag.isBefore(vandaag)) {
            csv.append("LN100200;").append(dag).append(";08:30;08:55;25;TL;\n");
        }
        return csv.toString();
    }

    /**
     * The school's next export, after the fact: a parent called, and the first day of the sample is recoded ziek. It
     * speaks for that one day (domain §3), so the meldingen that counted it as ongeoorloofd no longer hold: those
     * not yet sent lapse, those at DUO are flagged "niet meer onderbouwd" on the page, and the rules decide again
     * from the next day.
     */
    static String correctieCsv(Schoolkalender kalender, LocalDate vandaag) {
        LocalDate dag = kalender.eersteSchooldagVanaf(vandaag.minusDays(45));
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        if (dag != null && dag.isBefore(vandaag)) {
            csv.append(LEERLING).append(';').append(dag).append(";08:30;;").append(kalender.lesminuten(dag))
                    .append(";ZK;ouder belde achteraf: ziek\n");
        }
        return csv.toString();
    }

    private static void kopieer(String bron, Path doel) throws IOException {
        try (InputStream invoer = SandboxBestanden.class.getClassLoader().getResourceAsStream(bron)) {
            if (invoer == null) {
                throw new IOException(bron + " ontbreekt in de jar");
            }
            Files.copy(invoer, doel);
        }
    }
}
