package nl.verzuim.connector.beoordeel.bench;

import static nl.verzuim.connector.support.Testnummers.bsn;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import nl.verzuim.connector.rules.bench.Regiogenerator;

/**
 * The {@code beoordeel} benchmark (src/docs/benchmarks.md, "beoordeel benchmark", issue 13): the real command, as a
 * user starts it, on a region — 100,000 pupils in 200 EDEXML exports and about four million registrations in one
 * CSV — against a bare streaming read of the same files (StAX events + CSV lines), both as child processes with the
 * same JVM options ({@code -Xmx512m}, G1).
 * <ul>
 *   <li>{@code genereer DIR}: the region of the rules benchmark ({@link Regiogenerator}: schools file, CSV) plus its
 *       pupils as 200 EDEXML 2.1 exports, 5 per school (valid against the schema); written once, kept.</li>
 *   <li>{@code meet DIR JAR}: runs the bare read 3 times and {@code java -jar JAR beoordeel} once
 *       ({@code -Dbench.rondes=N} for more), each under {@code /usr/bin/time} (wall, user + system CPU of the whole
 *       process, JIT and GC included) and with a GC log ({@code -Xlog:gc,gc+heap+exit}); the peak heap is the
 *       largest heap in use the collector reports, before any collection or at exit. Writes DIR/rapport.txt.</li>
 *   <li>{@code kaal FILE...}: the bare read itself (what the child of the bare measurement runs).</li>
 * </ul>
 * Not a test: nothing here passes or fails. {@code -Dbench.jvm="..."} adds JVM options to the command's child (a
 * profiling run: {@code -XX:StartFlightRecording=filename=...}).
 */
public final class BeoordeelBenchmark {

    static final int PER_SCHOOL = 5;
    static final String HEAP = "-Xmx512m";
    private static final Pattern GC_REGEL = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern EXIT_HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private BeoordeelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "genereer" -> genereer(Path.of(args[1]));
            case "meet" -> new Meting(Path.of(args[1]), Path.of(args[2])).voerUit();
            case "kaal" -> {
                List<Path> bestanden = Stream.of(args).skip(1).map(Path::of).toList();
                long[] geteld = kaal(bestanden);
                System.out.println("leerlingen " + geteld[0] + " regels " + geteld[1]);
            }
            default -> {
                System.err.println("gebruik: BeoordeelBenchmark genereer MAP | meet MAP JAR | kaal BESTAND...");
                System.exit(1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The region

    static Path edexmlMap(Path map) {
        return map.resolve("edexml");
    }

    static void genereer(Path map) throws IOException {
        Regiogenerator.schrijf(map);
        Path xml = edexmlMap(map);
        if (Files.isDirectory(xml)) {
            try (Stream<Path> al = Files.list(xml)) {
                if (al.count() > 0) {
                    System.out.println("EDEXML-exports staan er al: " + xml);
                    return;
                }
            }
        }
        Files.createDirectories(xml);
        // leerling_id;brin;vestiging;geboortedatum, per school in the order of the file
        Map<String, List<String[]>> perSchool = new TreeMap<>();
        List<String> regels = Files.readAllLines(map.resolve(Regiogenerator.LEERLINGEN_BESTAND));
        for (String regel : regels.subList(1, regels.size())) {
            String[] v = regel.split(";");
            perSchool.computeIfAbsent(v[1] + v[2], k -> new ArrayList<>()).add(v);
        }
        int bestanden = 0;
        int nummer = 0;
        for (Map.Entry<String, List<String[]>> school : perSchool.entrySet()) {
            List<String[]> leerlingen = school.getValue();
            for (int deel = 0; deel < PER_SCHOOL; deel++) {
                List<String[]> inBestand = new ArrayList<>();
                for (int i = deel; i < leerlingen.size(); i += PER_SCHOOL) {
                    inBestand.add(leerlingen.get(i));
                }
                nummer = edexml(xml.resolve(school.getKey() + "_edexml_" + (deel + 1) + ".xml"), inBestand, nummer);
                bestanden++;
            }
        }
        System.out.println("EDEXML geschreven: " + bestanden + " exports, " + nummer + " leerlingen in " + xml);
    }

    private static final String[] ACHTERNAMEN = {"Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit",
            "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker"};
    private static final String[] VOORNAMEN = {"Daan", "Sem", "Emma", "Julia", "Lucas", "Mila", "Noah", "Tess",
            "Finn", "Sara", "Liam", "Zoë", "Milan", "Nora", "Levi", "Yara"};

    /** One school's export of some of its pupils (as BenchGegevens of the intake benchmark writes one). */
    private static int edexml(Path bestand, List<String[]> leerlingen, int nummer) throws IOException {
        String brin = leerlingen.get(0)[1];
        String vestiging = leerlingen.get(0)[2];
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(bestand, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDEX>\n\t<school>\n"
                    + "\t\t<schooljaar>2026-2027</schooljaar>\n\t\t<peildatum>2026-10-01</peildatum>\n"
                    + "\t\t<brincode>" + brin + "</brincode>\n\t\t<dependancecode>" + vestiging + "</dependancecode>\n"
                    + "\t\t<aanmaakdatum>2026-11-20T07:00:00</aanmaakdatum>\n\t\t<xsdversie>2.1</xsdversie>\n"
                    + "\t</school>\n\t<groepen>\n");
            for (int g = 1; g <= 8; g++) {
                w.write("\t\t<groep key=\"G" + g + "\">\n\t\t\t<naam>Groep " + g + "</naam>\n\t\t\t<jaargroep>" + g
                        + "</jaargroep>\n\t\t</groep>\n");
            }
            w.write("\t</groepen>\n\t<leerlingen>\n");
            for (String[] l : leerlingen) {
                nummer++;
                LocalDate geboren = LocalDate.parse(l[3]);
                int groep = 1 + Math.floorMod(nummer, 8);
                w.write("\t\t<leerling key=\"" + l[0] + "\">\n");
                w.write("\t\t\t<achternaam>" + ACHTERNAMEN[nummer % ACHTERNAMEN.length] + "</achternaam>\n");
                w.write("\t\t\t<voornamen>" + VOORNAMEN[nummer % VOORNAMEN.length] + "</voornamen>\n");
                w.write("\t\t\t<geboortedatum>" + geboren + "</geboortedatum>\n");
                w.write("\t\t\t<geslacht>" + (1 + nummer % 2) + "</geslacht>\n");
                w.write("\t\t\t<jaargroep>" + groep + "</jaargroep>\n");
                w.write("\t\t\t<groep key=\"G" + groep + "\"/>\n");
                w.write("\t\t\t<bsn>" + bsn(nummer) + "</bsn>\n");
                w.write("\t\t\t<instroomdatum>" + geboren.plusYears(4) + "</instroomdatum>\n");
                w.write("\t\t\t<mutatiedatum>2026-09-01T08:00:00</mutatiedatum>\n");
                w.write("\t\t</leerling>\n");
            }
            w.write("\t</leerlingen>\n</EDEX>\n");
        }
        return nummer;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The bare read

    /** StAX events of every XML file (the reader settings the intake uses) and the CSV files' lines, decoded. */
    static long[] kaal(List<Path> bestanden) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        long leerlingen = 0;
        long regels = 0;
        for (Path bestand : bestanden) {
            if (bestand.toString().endsWith(".xml")) {
                try (InputStream invoer = new java.io.BufferedInputStream(Files.newInputStream(bestand), 1 << 16)) {
                    XMLStreamReader reader = factory.createXMLStreamReader(invoer);
                    while (reader.hasNext()) {
                        if (reader.next() == XMLStreamConstants.START_ELEMENT
                                && reader.getLocalName().equals("leerling")) {
                            leerlingen++;
                        }
                    }
                    reader.close();
                }
            } else {
                try (BufferedReader lezer = Files.newBufferedReader(bestand, StandardCharsets.UTF_8)) {
                    while (lezer.readLine() != null) {
                        regels++;
                    }
                }
            }
        }
        return new long[] {leerlingen, regels};
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The measurement

    /** One child process: wall and CPU seconds, peak heap (MB) and largest heap left after a collection (MB). */
    record Uitslag(int status, double wand, double cpu, long piekHeapMb, long naGcMb, long rssMb, int gcs) {
        @Override
        public String toString() {
            return String.format("%6.2f s wall, %6.2f s CPU (process), heap peak %d MB, largest after a GC %d MB,"
                    + " %d collections, max RSS %d MB, exit %d", wand, cpu, piekHeapMb, naGcMb, gcs, rssMb, status);
        }
    }

    private static final class Meting {
        private final Path map;
        private final Path jar;
        private final StringBuilder rapport = new StringBuilder();

        Meting(Path map, Path jar) {
            this.map = map.toAbsolutePath();
            this.jar = jar.toAbsolutePath();
        }

        void voerUit() throws Exception {
            List<Path> xml;
            try (Stream<Path> al = Files.list(edexmlMap(map))) {
                xml = al.sorted().toList();
            }
            Path csv = map.resolve(Regiogenerator.CSV);
            List<String> bestanden = new ArrayList<>();
            xml.forEach(p -> bestanden.add(p.toString()));
            bestanden.add(csv.toString());
            long xmlBytes = 0;
            for (Path p : xml) {
                xmlBytes += Files.size(p);
            }
            schrijf(String.format("beoordeel benchmark: %d EDEXML exports (%d MB), %s (%d MB), peildatum %s, %s, G1,"
                            + " %d cores; load average at the start %s", xml.size(), xmlBytes / 1_000_000,
                    csv.getFileName(), Files.size(csv) / 1_000_000, Regiogenerator.LAATSTE_DAG, HEAP,
                    Runtime.getRuntime().availableProcessors(), load()));

            List<String> kaal = new ArrayList<>(List.of(java(), HEAP, "-XX:+UseG1GC", "-cp",
                    System.getProperty("java.class.path"), BeoordeelBenchmark.class.getName(), "kaal"));
            kaal.addAll(bestanden);
            Uitslag snelsteKaal = null;
            for (int ronde = 1; ronde <= 3; ronde++) {
                Uitslag u = draai("kaal-" + ronde, kaal);
                schrijf("kale lezing " + ronde + ":  " + u + "  (" + Files.readString(map.resolve("kaal-" + ronde
                        + ".uit")).strip() + ")");
                snelsteKaal = snelsteKaal == null || u.wand() < snelsteKaal.wand() ? u : snelsteKaal;
            }

            List<String> extra = new ArrayList<>();
            String jvm = System.getProperty("bench.jvm", "");
            if (!jvm.isBlank()) {
                extra.addAll(List.of(jvm.trim().split("\\s+")));
            }
            List<String> commando = new ArrayList<>(List.of(java(), HEAP, "-XX:+UseG1GC"));
            commando.addAll(extra);
            commando.addAll(List.of("-jar", jar.toString(), "beoordeel", "--scholen",
                    map.resolve(Regiogenerator.SCHOLEN).toString(), "--peildatum",
                    Regiogenerator.LAATSTE_DAG.toString()));
            commando.addAll(bestanden);
            int rondes = Integer.getInteger("bench.rondes", 1);
            Uitslag snelste = null;
            for (int ronde = 1; ronde <= rondes; ronde++) {
                Uitslag u = draai("beoordeel-" + ronde, commando);
                schrijf("beoordeel " + ronde + ":    " + u);
                schrijf("              " + telling(map.resolve("beoordeel-" + ronde + ".uit"))
                        + "; standaardfout: " + Files.readAllLines(map.resolve("beoordeel-" + ronde + ".fout")).size()
                        + " regels");
                snelste = snelste == null || u.wand() < snelste.wand() ? u : snelste;
            }
            schrijf(String.format("verhouding beoordeel / kale lezing (snelste): %.1fx wall, %.1fx CPU (doel ≤ 2x);"
                            + " heap peak %d MB (doel < 512 MB)", snelste.wand() / snelsteKaal.wand(),
                    snelste.cpu() / snelsteKaal.cpu(), snelste.piekHeapMb()));
            schrijf("load average at the end " + load());
            Files.writeString(map.resolve("rapport.txt"), rapport);
        }

        private void schrijf(String regel) {
            System.out.println(regel);
            rapport.append(regel).append('\n');
        }

        /** Runs a child process with its standard output and error to files beside the region. */
        private Uitslag draai(String naam, List<String> opdracht) throws Exception {
            Path tijd = map.resolve(naam + ".tijd");
            Path gc = map.resolve(naam + ".gc.log");
            List<String> volledig = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o",
                    tijd.toString()));
            volledig.add(opdracht.get(0));
            // the GC log to a file: standard output is the command's
            volledig.add("-Xlog:gc,gc+heap+exit:file=" + gc);
            volledig.addAll(opdracht.subList(1, opdracht.size()));
            Process p = new ProcessBuilder(volledig).redirectOutput(map.resolve(naam + ".uit").toFile())
                    .redirectError(map.resolve(naam + ".fout").toFile()).start();
            int status = p.waitFor();
            String[] t = Files.readString(tijd).strip().split("\\s+");
            String[] laatste = t.length > 4 ? java.util.Arrays.copyOfRange(t, t.length - 4, t.length) : t;
            long piek = 0;
            long naGc = 0;
            int gcs = 0;
            for (String regel : Files.readAllLines(gc)) {
                Matcher m = GC_REGEL.matcher(regel);
                if (m.find()) {
                    gcs++;
                    piek = Math.max(piek, Long.parseLong(m.group(1)));
                    naGc = Math.max(naGc, Long.parseLong(m.group(2)));
                }
                Matcher e = EXIT_HEAP.matcher(regel);
                if (e.find()) {
                    piek = Math.max(piek, Long.parseLong(e.group(2)) / 1024);
                }
            }
            return new Uitslag(status, Double.parseDouble(laatste[0]),
                    Double.parseDouble(laatste[1]) + Double.parseDouble(laatste[2]), piek, naGc,
                    Long.parseLong(laatste[3]) / 1024, gcs);
        }

        /** Lines of output, per kanaal and soort. */
        private static String telling(Path uit) throws IOException {
            Map<String, Long> perSoort = new TreeMap<>();
            long regels = 0;
            try (BufferedReader lezer = Files.newBufferedReader(uit, StandardCharsets.UTF_8)) {
                String regel;
                while ((regel = lezer.readLine()) != null) {
                    if (!regel.startsWith("{")) {
                        continue; // a JVM's own line (a flight recording started) in a profiling run
                    }
                    regels++;
                    perSoort.merge(veld(regel, "kanaal") + " " + veld(regel, "soort"), 1L, Long::sum);
                }
            }
            Map<String, Long> geordend = new LinkedHashMap<>(perSoort);
            return String.format("%,d beslissingen %s", regels, geordend);
        }

        private static String veld(String regel, String naam) {
            int i = regel.indexOf("\"" + naam + "\":\"") + naam.length() + 4;
            return regel.substring(i, regel.indexOf('"', i));
        }

        private static String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        private static String load() throws IOException {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        }
    }
}
