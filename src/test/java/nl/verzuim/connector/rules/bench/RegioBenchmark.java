package nl.verzuim.connector.rules.bench;

import static nl.verzuim.connector.support.Testnummers.bsn;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The region benchmark (src/docs/benchmarks.md, "Region benchmark", issue 13): the rules benchmark's region
 * ({@link Regiogenerator}: 40 schools, 100,000 pupils, about 4 million registrations in one CSV) with the pupils in
 * 200 EDEXML exports, dropped into the inbox of the REAL jar ({@code java -Xmx1g -jar target/verzuim-connector.jar}),
 * all schools on {@code verzenden: na_goedkeuring} (nothing sent), on an embedded PostgreSQL (a database of its own)
 * or on H2. Times from the first file in the inbox until every file has left it and the CSV's summary line is in the
 * log; peak heap from the jar's GC log; then the same files through {@code beoordeel}, and the DUO and OT meldingen
 * the connector stored for the region's schools (not the sandbox's own example school 00YY) against the decisions
 * {@code beoordeel} printed.
 *
 * <p>Arguments: the work folder (target/bench-regio) and {@code postgres} or {@code h2}.
 */
public final class RegioBenchmark {

    static final String KLOK = "2027-07-16T18:00:00+02:00";
    static final String PEILDATUM = "2027-07-16";
    static final int BESTANDEN = 200;
    private static final Path JAR = Path.of("target/verzuim-connector.jar").toAbsolutePath();

    private RegioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path map = Path.of(args.length > 0 ? args[0] : "target/bench-regio").toAbsolutePath();
        String db = args.length > 1 ? args[1] : "postgres";
        Path regio = map.resolve("regio");
        Regiogenerator.schrijf(regio);
        List<Path> edexml = schrijfEdexml(regio);
        Path scholen = naGoedkeuring(regio);
        Path csv = regio.resolve(Regiogenerator.CSV);
        StringBuilder rapport = new StringBuilder("Regiobenchmark (" + db + "), " + edexml.size() + " EDEXML + 1 CSV ("
                + Files.size(csv) / 1_000_000 + " MB)\n");
        rapport.append("load voor: ").append(load()).append('\n');

        Map<String, Long> beoordeeld = new TreeMap<>();
        long beoordeelMs = beoordeel(map, scholen, edexml, csv, beoordeeld, rapport);
        rapport.append("load na beoordeel: ").append(load()).append('\n');

        EmbeddedPostgres pg = null;
        String url;
        String gebruiker;
        if (db.equals("postgres")) {
            pg = EmbeddedPostgres.builder().setDataDirectory(map.resolve("pg-data")).setCleanDataDirectory(true)
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database regio");
            }
            url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/regio";
            gebruiker = "postgres";
        } else {
            url = "jdbc:h2:file:" + map.resolve("connector-h2/db/verzuim") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=0;AUTO_SERVER=TRUE";
            gebruiker = "sa";
        }
        try {
            Map<String, Long> opgeslagen = new TreeMap<>();
            long connectorMs = connector(map.resolve("connector-" + db), scholen, edexml, csv, url, gebruiker,
                    opgeslagen, rapport);
            rapport.append("load na connector: ").append(load()).append('\n');
            rapport.append(String.format("verhouding connector / beoordeel: %.2f%n",
                    (double) connectorMs / beoordeelMs));
            for (String kanaal : List.of("DUO", "OT")) {
                long b = beoordeeld.getOrDefault(kanaal, 0L);
                long o = opgeslagen.getOrDefault(kanaal, 0L);
                rapport.append(kanaal).append(": beoordeel ").append(b).append(", connector ").append(o)
                        .append(b == o ? " (gelijk)" : " (VERSCHIL)").append('\n');
            }
            rapport.append("SIGNAAL: beoordeel ").append(beoordeeld.getOrDefault("SIGNAAL", 0L))
                    .append(", connector ").append(opgeslagen.getOrDefault("SIGNAAL", 0L)).append('\n');
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
        Files.writeString(map.resolve("rapport-" + db + ".txt"), rapport);
        System.out.println(rapport);
    }

    /** The pupils of {@code leerlingen.csv} in 200 EDEXML 2.1 exports, 5 per school; written once. */
    static List<Path> schrijfEdexml(Path regio) throws IOException {
        Path uit = regio.resolve("edexml");
        Map<String, List<String[]>> perSchool = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(regio.resolve(Regiogenerator.LEERLINGEN_BESTAND))) {
            r.readLine();
            for (String regel = r.readLine(); regel != null; regel = r.readLine()) {
                String[] v = regel.split(";");
                perSchool.computeIfAbsent(v[1] + v[2], k -> new ArrayList<>()).add(v);
            }
        }
        int perBestand = Math.max(1, Regiogenerator.LEERLINGEN / BESTANDEN);
        List<Path> bestanden = new ArrayList<>();
        boolean bestaat = Files.isDirectory(uit);
        Files.createDirectories(uit);
        int nummer = 0;
        for (Map.Entry<String, List<String[]>> school : perSchool.entrySet()) {
            List<String[]> leerlingen = school.getValue();
            for (int van = 0, deel = 1; van < leerlingen.size(); van += perBestand, deel++) {
                Path bestand = uit.resolve(school.getKey() + "_edexml-" + deel + ".xml");
                bestanden.add(bestand);
                if (!bestaat) {
                    edexml(bestand, school.getKey(), leerlingen.subList(van, Math.min(leerlingen.size(),
                            van + perBestand)), nummer);
                }
                nummer += perBestand;
            }
        }
        return bestanden;
    }

    private static void edexml(Path bestand, String school, List<String[]> leerlingen, int eerste)
            throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(bestand, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDEX>\n\t<school>\n\t\t<schooljaar>2026-2027"
                    + "</schooljaar>\n\t\t<peildatum>2026-10-01</peildatum>\n\t\t<brincode>" + school.substring(0, 4)
                    + "</brincode>\n\t\t<dependancecode>" + school.substring(4) + "</dependancecode>\n"
                    + "\t\t<aanmaakdatum>2026-08-20T07:00:00</aanmaakdatum>\n\t\t<xsdversie>2.1</xsdversie>\n"
                    + "\t</school>\n\t<groepen>\n\t\t<groep key=\"G1\">\n\t\t\t<naam>Groep 1</naam>\n"
                    + "\t\t\t<jaargroep>1</jaargroep>\n\t\t</groep>\n\t</groepen>\n\t<leerlingen>\n");
            int i = eerste;
            for (String[] l : leerlingen) {
                LocalDate geboren = LocalDate.parse(l[3]);
                w.write("\t\t<leerling key=\"" + l[0] + "\">\n\t\t\t<achternaam>Regio</achternaam>\n"
                        + "\t\t\t<voornamen>Leerling</voornamen>\n\t\t\t<roepnaam>Leerling</roepnaam>\n"
                        + "\t\t\t<geboortedatum>" + geboren + "</geboortedatum>\n\t\t\t<geslacht>" + (1 + i % 2)
                        + "</geslacht>\n\t\t\t<jaargroep>1</jaargroep>\n\t\t\t<groep key=\"G1\"/>\n"
                        + "\t\t\t<bsn>" + bsn(++i) + "</bsn>\n\t\t\t<postcodenl>1234AB</postcodenl>\n"
                        + "\t\t\t<instroomdatum>" + geboren.plusYears(4) + "</instroomdatum>\n"
                        + "\t\t\t<mutatiedatum>2026-08-20T08:00:00</mutatiedatum>\n\t\t</leerling>\n");
            }
            w.write("\t</leerlingen>\n</EDEX>\n");
        }
    }

    /** The generated schools file with every school on {@code verzenden: na_goedkeuring}: nothing is sent. */
    static Path naGoedkeuring(Path regio) throws IOException {
        Path uit = regio.resolve("scholen-na-goedkeuring.yaml");
        String yaml = Files.readString(regio.resolve(Regiogenerator.SCHOLEN), StandardCharsets.UTF_8)
                .replace("    las_profiel: standaard\n", "    las_profiel: standaard\n    verzenden: na_goedkeuring\n");
        Files.writeString(uit, yaml, StandardCharsets.UTF_8);
        return uit;
    }

    /** {@code beoordeel} on the same files through the jar, its decisions counted per kanaal; returns wall ms. */
    private static long beoordeel(Path map, Path scholen, List<Path> edexml, Path csv, Map<String, Long> perKanaal,
                                  StringBuilder rapport) throws Exception {
        List<String> opdracht = new ArrayList<>(List.of(java(), "-Xmx1g", "-Xlog:gc:file="
                + map.resolve("beoordeel-gc.log"), "-jar", JAR.toString(), "beoordeel", "--scholen",
                scholen.toString(), "--peildatum", PEILDATUM));
        edexml.forEach(p -> opdracht.add(p.toString()));
        opdracht.add(csv.toString());
        Path uit = map.resolve("beoordeel.jsonl");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(opdracht).redirectOutput(uit.toFile())
                .redirectError(map.resolve("beoordeel.err").toFile()).start();
        int status = p.waitFor();
        long ms = (System.nanoTime() - start) / 1_000_000;
        Pattern kanaal = Pattern.compile("\"kanaal\":\"([A-Z]+)\"");
        try (Stream<String> regels = Files.lines(uit)) {
            regels.forEach(r -> {
                Matcher m = kanaal.matcher(r);
                if (m.find()) {
                    perKanaal.merge(m.group(1), 1L, Long::sum);
                }
            });
        }
        rapport.append(String.format("beoordeel: %.1f s, exit %d, piek heap %d MB, beslissingen %s%n", ms / 1000.0,
                status, piekHeapMb(map.resolve("beoordeel-gc.log")), perKanaal));
        return ms;
    }

    /** The jar as a school runs it, on other ports than the sandbox's; returns wall ms from first file to done. */
    private static long connector(Path werk, Path scholen, List<Path> edexml, Path csv, String url, String gebruiker,
                                  Map<String, Long> perKanaal, StringBuilder rapport) throws Exception {
        if (Files.exists(werk)) {
            try (Stream<Path> oud = Files.walk(werk)) {
                oud.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path inbox = werk.resolve("inbox");
        Files.createDirectories(inbox);
        // the sandbox's example exports (its dossier, and a CSV for the first school) are not part of the region
        Files.createDirectories(werk.resolve("verzuim-data"));
        Files.writeString(werk.resolve("verzuim-data/.voorbeeld-geplaatst"), "regiobenchmark\n");
        Path log = werk.resolve("connector.log");
        Path gcLog = werk.resolve("gc.log");
        List<String> opdracht = new ArrayList<>(List.of(java(), "-Xmx1g", "-Xlog:gc:file=" + gcLog));
        // -Dbench.jvm=... adds options to the connector's JVM, e.g. a flight recording
        for (String optie : System.getProperty("bench.jvm", "").trim().split("\\s+")) {
            if (!optie.isEmpty()) {
                opdracht.add(optie);
            }
        }
        opdracht.addAll(List.of("-jar", JAR.toString(), "--server.port=18080", "--connector.sandbox-mocks.wiremock-port=18089", "--spring.mail.port=13025",
                "--connector.schools=" + scholen, "--connector.inbox=" + inbox, "--connector.klok-start=" + KLOK,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + gebruiker,
                "--spring.datasource.password=", "--connector.intake.read-lock-min-age=1s"));
        Process jar = new ProcessBuilder(opdracht).directory(werk.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            wacht(jar, log, "Started ", Duration.ofMinutes(3));
            wachtOpLeeg(jar, inbox, log, Duration.ofMinutes(5));
            long start = System.nanoTime();
            Path tijdelijk = werk.resolve("klaar");
            Files.createDirectories(tijdelijk);
            for (Path p : edexml) {
                Path kopie = Files.copy(p, tijdelijk.resolve(p.getFileName()));
                Files.move(kopie, inbox.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            wachtOpLeeg(jar, inbox, log, Duration.ofMinutes(30));
            long edexmlMs = (System.nanoTime() - start) / 1_000_000;
            Path kopie = Files.copy(csv, tijdelijk.resolve(csv.getFileName()));
            Files.move(kopie, inbox.resolve(csv.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            wacht(jar, log, "Intake " + csv.getFileName() + ":", Duration.ofMinutes(60));
            wachtOpLeeg(jar, inbox, log, Duration.ofMinutes(5));
            long ms = (System.nanoTime() - start) / 1_000_000;
            try (Connection c = DriverManager.getConnection(url, gebruiker, "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select kanaal, count(*) from melding where brin <> '00YY' group by kanaal")) {
                while (rs.next()) {
                    perKanaal.put(rs.getString(1), rs.getLong(2));
                }
            }
            String samenvatting = Files.readAllLines(log).stream()
                    .filter(r -> r.contains("Intake " + csv.getFileName() + ":")).findFirst().orElse("");
            rapport.append(String.format("connector: %.1f s (EDEXML %.1f s, CSV %.1f s), piek heap %d MB,"
                            + " meldingen %s%n  %s%n", ms / 1000.0, edexmlMs / 1000.0, (ms - edexmlMs) / 1000.0,
                    piekHeapMb(gcLog), perKanaal, samenvatting.substring(samenvatting.indexOf("Intake "))));
            // the next day's EDEXML exports: every pupil again, now known (not part of the ratio)
            long opnieuw = System.nanoTime();
            for (Path p : edexml) {
                String naam = p.getFileName().toString().replace(".xml", "-dag2.xml");
                Path kopieDag2 = Files.copy(p, tijdelijk.resolve(naam));
                Files.move(kopieDag2, inbox.resolve(naam), StandardCopyOption.ATOMIC_MOVE);
            }
            wachtOpLeeg(jar, inbox, log, Duration.ofMinutes(30));
            rapport.append(String.format("  de volgende dag dezelfde %d EDEXML-exports (alle leerlingen bekend): %.1f s%n",
                    edexml.size(), (System.nanoTime() - opnieuw) / 1e9));
            // the next day's CSV: a LAS that exports its whole school year each night sends every line again
            long csvOpnieuw = System.nanoTime();
            String naamDag2 = csv.getFileName().toString().replace(".csv", "-dag2.csv");
            Path csvDag2 = Files.copy(csv, tijdelijk.resolve(naamDag2));
            Files.move(csvDag2, inbox.resolve(naamDag2), StandardCopyOption.ATOMIC_MOVE);
            wacht(jar, log, "Intake " + naamDag2 + ":", Duration.ofMinutes(60));
            wachtOpLeeg(jar, inbox, log, Duration.ofMinutes(5));
            String samenvattingDag2 = Files.readAllLines(log).stream()
                    .filter(r -> r.contains("Intake " + naamDag2 + ":")).findFirst().orElse("");
            rapport.append(String.format("  de volgende dag dezelfde CSV opnieuw (elke regel bekend): %.1f s%n  %s%n",
                    (System.nanoTime() - csvOpnieuw) / 1e9, samenvattingDag2.substring(samenvattingDag2.indexOf("Intake "))));
            return ms;
        } finally {
            jar.destroy();
            if (!jar.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                jar.destroyForcibly();
            }
        }
    }

    private static void wacht(Process jar, Path log, String tekst, Duration max) throws Exception {
        long tot = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < tot) {
            if (!jar.isAlive()) {
                throw new IllegalStateException("de connector stopte; zie " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains(tekst)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("'" + tekst + "' niet binnen " + max + "; zie " + log);
    }

    private static void wachtOpLeeg(Process jar, Path inbox, Path log, Duration max) throws Exception {
        long tot = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < tot) {
            if (!jar.isAlive()) {
                throw new IllegalStateException("de connector stopte; zie " + log);
            }
            try (Stream<Path> bestanden = Files.list(inbox)) {
                if (bestanden.noneMatch(p -> Files.isRegularFile(p))) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("inbox niet leeg binnen " + max + "; zie " + log);
    }

    /** The largest heap before a collection in a unified GC log ({@code -Xlog:gc}: "… 512M->100M(1024M) …"). */
    static long piekHeapMb(Path gcLog) throws IOException {
        Pattern p = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long piek = 0;
        if (!Files.exists(gcLog)) {
            return -1;
        }
        for (String regel : Files.readAllLines(gcLog)) {
            Matcher m = p.matcher(regel);
            if (m.find()) {
                piek = Math.max(piek, Long.parseLong(m.group(1)));
            }
        }
        return piek;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
