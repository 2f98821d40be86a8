package nl.verzuim.connector.intake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.verzuim.connector.VerzuimConnectorApplication;
import nl.verzuim.connector.intake.CsvRegel;
import nl.verzuim.connector.intake.Exportlezer;
import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.IntakeRapport;
import nl.verzuim.connector.intake.IntakeService;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.SchoolconfiguratieLezer;

/**
 * The intake benchmark (src/docs/benchmarks.md, "Intake benchmark"): {@code mvn -B -Pbench-intake verify}. Not a
 * test: it runs only in that profile, in its own JVM with {@code -Xmx512m}, and reports what it measured in
 * {@code target/bench-intake/rapport.txt}. It fails only when the intake loses or invents data.
 *
 * <ol>
 * <li>Generates (once; seeded) an EDEXML 2.1 export of {@code bench.leerlingen} pupils (default 100,000) and a
 * {@code standaard} CSV of {@code bench.rijen} rows (default 4,000,000) for them.</li>
 * <li>Readers: the bare streaming read of each file (StAX events without validation or mapping; CSV lines without
 * parsing) against what the intake's readers do ({@link Exportlezer}: read + XSD validation + checks + mapping,
 * no database). Each is run {@code bench.herhalingen} times after one warm-up; the median counts, of the wall time
 * and of the CPU time of the reading thread and of the whole process (on a machine shared with other builds the
 * wall time follows the load). For EDEXML also what XSD validation alone costs with each validator at hand (the
 * floor under the intake's figure; {@code -Dbench.zonderOntleding=true} leaves it out).</li>
 * <li>Full path: {@link IntakeService#verwerk} in the connector's Spring context (routes not started) into an H2
 * file database — storing 100,000 pupils and 4 million registrations and judging every pupil, each file in its
 * one transaction.</li>
 * </ol>
 * Heap: the peak of each heap pool (summed: an upper bound of the real peak) and the largest heap in use right
 * after a garbage collection (what was live), per phase, from the JVM's own MXBeans.
 */
class IntakeBenchmark {

    private static final Path MAP = Path.of("target/bench-intake").toAbsolutePath();

    @Test
    void meet() throws Exception {
        int leerlingen = Integer.getInteger("bench.leerlingen", 100_000);
        int rijen = Integer.getInteger("bench.rijen", 4_000_000);
        int herhalingen = Integer.getInteger("bench.herhalingen", 5);
        Path inbox = MAP.resolve("inbox");
        Files.createDirectories(inbox);
        Path edexml = inbox.resolve("bench-" + leerlingen + "-leerlingen.xml");
        Path csv = inbox.resolve(BenchGegevens.SCHOOL + "_bench-" + rijen + "-registraties.csv");
        if (!Files.exists(edexml)) {
            BenchGegevens.edexml(edexml, leerlingen);
        }
        if (!Files.exists(csv)) {
            BenchGegevens.csv(csv, leerlingen, rijen);
        }
        Path scholenBestand = MAP.resolve("scholen.yaml");
        try (InputStream scholen = IntakeBenchmark.class.getResourceAsStream("/scholen-test.yaml")) {
            Files.copy(scholen, scholenBestand, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Scholen scholen = SchoolconfiguratieLezer.lees(scholenBestand);
        Geheugen geheugen = new Geheugen();

        Rapport rapport = new Rapport();
        rapport.regel("Intake-benchmark " + LocalDateTime.now().withNano(0) + " — Java " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + mb(Runtime.getRuntime().maxMemory()) + " MB, GC " + gcNamen());
        rapport.regel("StAX: " + XMLInputFactory.newFactory().getClass().getName());
        rapport.regel("");

        // 1. Readers ("bench.alleen": edexml or csv measures one kind only, for a quick look)
        String alleen = System.getProperty("bench.alleen", "");
        rapport.regel("Belasting van de machine (load average over 1 minuut) bij het begin: %.2f".formatted(
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        rapport.kop();
        if (!alleen.equals("csv")) {
            Meting xmlKaal = meet("EDEXML kaal (StAX-events)", herhalingen, geheugen, () -> kaleStax(edexml));
            Meting xmlIntake = meet("EDEXML intake (lezen+XSD+controles+mapping)", herhalingen, geheugen,
                    () -> intakeLezer(scholen, edexml));
            assertThat(xmlIntake.aantal).as("alle leerlingen gelezen").isEqualTo(leerlingen);
            rapport.meting(xmlKaal, Files.size(edexml));
            rapport.meting(xmlIntake, Files.size(edexml));
            rapport.verhouding("EDEXML intake", xmlIntake, xmlKaal);
            if (!Boolean.getBoolean("bench.zonderOntleding")) {
                // What XSD validation alone costs, by each validator at hand: the floor under the intake's figure.
                Meting xmlXerces = meet("  alleen XSD: StAX -> Xerces-ValidatorHandler", herhalingen, geheugen,
                        () -> xercesVanuitStax(edexml));
                Meting xmlSax = meet("  alleen XSD: Xerces SAX-parser met schema", herhalingen, geheugen,
                        () -> xercesSax(edexml));
                Meting xmlMsv = meet("  alleen XSD: Woodstox + MSV (Stax2)", herhalingen, geheugen, () -> woodstoxMsv(edexml));
                rapport.meting(xmlXerces, Files.size(edexml));
                rapport.meting(xmlSax, Files.size(edexml));
                rapport.meting(xmlMsv, Files.size(edexml));
                rapport.verhouding("EDEXML alleen XSD (Xerces vanuit StAX)", xmlXerces, xmlKaal);
                rapport.verhouding("EDEXML alleen XSD (Xerces SAX)", xmlSax, xmlKaal);
                rapport.verhouding("EDEXML alleen XSD (Woodstox + MSV)", xmlMsv, xmlKaal);
            }
        }
        if (!alleen.equals("edexml")) {
            Meting csvKaal = meet("CSV kaal (regels lezen)", herhalingen, geheugen, () -> kaleRegels(csv) - 1);
            Meting csvIntake = meet("CSV intake (lezen+ontleden+controles+profiel)", herhalingen, geheugen,
                    () -> intakeLezer(scholen, csv));
            assertThat(csvIntake.aantal).as("alle registraties gelezen").isEqualTo(csvKaal.aantal);
            rapport.meting(csvKaal, Files.size(csv));
            rapport.meting(csvIntake, Files.size(csv));
            rapport.verhouding("CSV intake", csvIntake, csvKaal);
        }
        rapport.regel("");
        rapport.regel("Belasting van de machine (load average over 1 minuut) aan het eind: %.2f".formatted(
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        rapport.regel("");

        // 2. The full path into H2
        if (!Boolean.getBoolean("bench.alleenLezers")) {
            volledigPad(rapport, geheugen, scholenBestand, inbox, edexml, csv, leerlingen, rijen);
        }
        rapport.schrijf(MAP.resolve("rapport.txt"));
    }

    private void volledigPad(Rapport rapport, Geheugen geheugen, Path scholenBestand, Path inbox, Path edexml, Path csv,
                             int leerlingen, int rijen) throws Exception {
        Path db = MAP.resolve("db");
        if (Files.exists(db)) {
            try (Stream<Path> alles = Files.walk(db)) {
                alles.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        geheugen.begin();
        long start = System.nanoTime();
        // Command-line arguments: they win over the application.yml in the jar (builder properties would not).
        String[] instellingen = {
                "--connector.sandbox=false",
                "--camel.main.auto-startup=false",
                "--server.port=0",
                "--connector.schools=" + scholenBestand,
                "--connector.inbox=" + inbox,
                "--connector.processed-dir=" + MAP.resolve("processed"),
                "--connector.quarantine-dir=" + MAP.resolve("quarantaine"),
                "--connector.klok-start=2026-11-20T16:00:00+01:00",
                "--connector.duo.endpoint=http://127.0.0.1:9/duo",
                "--connector.duo.ontvanger-oin=00000001800866472000",
                "--connector.ot.base-url=http://127.0.0.1:9/ot",
                "--connector.ot.client-id=bench",
                "--connector.ot.client-secret=bench",
                "--connector.ot.webhook-secret=bench-webhook-geheim-2c8f6a1d97e3b405",
                "--connector.outbox.poll-interval=1h",
                "--connector.ot.poll-interval=1h",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=25",
                "--connector.mail.from=bench@bench.example",
                "--spring.datasource.url=" + jdbcUrl(db),
                "--spring.datasource.username=" + System.getProperty("bench.jdbc.gebruiker", "sa"),
                "--spring.datasource.password=" + System.getProperty("bench.jdbc.wachtwoord", ""),
                "--logging.level.root=WARN",
                "--logging.level.nl.verzuim=WARN"};
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VerzuimConnectorApplication.class)
                .run(instellingen)) {
            long opgestart = System.nanoTime();
            Geheugen.Piek contextPiek = geheugen.eind();
            IntakeService intake = context.getBean(IntakeService.class);
            // IntakeService logs how long storing and judging took; catch those lines for the report.
            ch.qos.logback.classic.Logger intakeLog = (ch.qos.logback.classic.Logger)
                    org.slf4j.LoggerFactory.getLogger(IntakeService.class);
            intakeLog.setLevel(ch.qos.logback.classic.Level.INFO);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                    new ch.qos.logback.core.read.ListAppender<>();
            log.start();
            intakeLog.addAppender(log);
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            geheugen.begin();
            long t0 = System.nanoTime();
            IntakeRapport leerlingRapport = intake.verwerk(edexml.toString());
            long t1 = System.nanoTime();
            Geheugen.Piek xmlPiek = geheugen.eind();
            geheugen.begin();
            IntakeRapport csvRapport = intake.verwerk(csv.toString());
            long t2 = System.nanoTime();
            Geheugen.Piek csvPiek = geheugen.eind();

            assertThat(leerlingRapport.fouten()).isEmpty();
            assertThat(csvRapport.fouten()).isEmpty();
            long opgeslagenLeerlingen = jdbc.sql("select count(*) from leerling").query(Long.class).single();
            long opgeslagenRegistraties = jdbc.sql("select count(*) from registratie").query(Long.class).single();
            assertThat(opgeslagenLeerlingen).isEqualTo(leerlingen);
            assertThat(opgeslagenRegistraties).isEqualTo(rijen);
            List<String> meldingen = jdbc.sql("select kanaal || ' ' || status || ': ' || count(*) from melding"
                    + " group by kanaal, status order by 1").query(String.class).list();

            rapport.regel("Volledig pad: IntakeService.verwerk in de Spring-context naar " + jdbcUrl(db).split(";")[0]
                    + ", één transactie per bestand, JDBC-batches van 1.000");
            rapport.regel("  context starten: %.1f s, piek heap %s".formatted((opgestart - start) / 1e9, contextPiek));
            rapport.regel("  EDEXML %d leerlingen opslaan + beoordelen: %.1f s = %,.0f leerlingen/s, %.1f MB/s; piek heap %s"
                    .formatted(leerlingen, (t1 - t0) / 1e9, leerlingen / ((t1 - t0) / 1e9),
                            mb(Files.size(edexml)) / ((t1 - t0) / 1e9), xmlPiek));
            rapport.regel("  CSV %,d registraties opslaan + %d leerlingen beoordelen: %.1f s = %,.0f rijen/s, %.1f MB/s;"
                    .formatted(rijen, leerlingen, (t2 - t1) / 1e9, rijen / ((t2 - t1) / 1e9),
                            mb(Files.size(csv)) / ((t2 - t1) / 1e9)) + " piek heap " + csvPiek);
            List<String> stappen = log.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("beoordeeld in")).toList();
            for (int i = 0; i < stappen.size() && i < 2; i++) {
                java.util.regex.Matcher ms = java.util.regex.Pattern.compile("in (\\d+) ms.*in (\\d+) ms")
                        .matcher(stappen.get(i));
                double totaal = (i == 0 ? t1 - t0 : t2 - t1) / 1e9;
                String rest = ms.find() ? ", rest (vooral de commit) %.1f s".formatted(totaal
                        - (Long.parseLong(ms.group(1)) + Long.parseLong(ms.group(2))) / 1000.0) : "";
                rapport.regel("    " + stappen.get(i) + rest);
            }
            rapport.regel("  in de database: %d leerlingen, %d registraties; meldingen: %s".formatted(
                    opgeslagenLeerlingen, opgeslagenRegistraties, String.join(", ", meldingen)));
            rapport.regel("  verhouding volledig pad / kale lezing: EDEXML %.1f×, CSV %.1f×".formatted(
                    (t1 - t0) / 1e9 / rapport.kaalXml, (t2 - t1) / 1e9 / rapport.kaalCsv));
        }
    }

    /** H2 in a file (the connector's default), or the database {@code bench.jdbc} names (e.g. PostgreSQL). */
    private static String jdbcUrl(Path db) {
        return System.getProperty("bench.jdbc", "jdbc:h2:file:" + db.resolve("bench")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private interface Lezing {
        long lees() throws Exception;
    }

    private static Meting meet(String naam, int herhalingen, Geheugen geheugen, Lezing lezing) throws Exception {
        lezing.lees(); // warm-up: class loading, schema, JIT
        Meting meting = new Meting(naam);
        geheugen.begin();
        for (int i = 0; i < herhalingen; i++) {
            long cpu = DRAAD.getCurrentThreadCpuTime();
            long proces = PROCES.getProcessCpuTime();
            long start = System.nanoTime();
            meting.aantal = lezing.lees();
            meting.seconden.add((System.nanoTime() - start) / 1e9);
            meting.cpu.add((DRAAD.getCurrentThreadCpuTime() - cpu) / 1e9);
            meting.procesCpu.add((PROCES.getProcessCpuTime() - proces) / 1e9);
        }
        meting.piek = geheugen.eind();
        return meting;
    }

    /**
     * CPU time of the reading thread: on a machine shared with other builds, wall time grows with the load while
     * this does not (much), so ratios are compared on both. The process's CPU time adds the GC and JIT threads.
     */
    private static final java.lang.management.ThreadMXBean DRAAD = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCES =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** StAX events of the whole file, with the reader settings the intake uses; nothing validated or mapped. */
    private static long kaleStax(Path bestand) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        long leerlingen = 0;
        try (InputStream invoer = new java.io.BufferedInputStream(Files.newInputStream(bestand), 1 << 16)) {
            XMLStreamReader reader = factory.createXMLStreamReader(invoer);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("leerling")) {
                    leerlingen++;
                }
            }
            reader.close();
        }
        return leerlingen;
    }

    /**
     * Validation only, as the intake bridges it: StAX events into the JDK's {@link javax.xml.validation.ValidatorHandler}
     * (identity constraints left to the reader, as the intake does); no mapping.
     */
    private static long xercesVanuitStax(Path bestand) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        javax.xml.validation.ValidatorHandler validator = nl.verzuim.connector.intake.xml.Schemas.edexml().newValidatorHandler();
        validator.setFeature("http://apache.org/xml/features/validation/identity-constraint-checking", false);
        AtomicLong fouten = new AtomicLong();
        validator.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) {
                fouten.incrementAndGet();
            }
        });
        org.xml.sax.helpers.AttributesImpl attributen = new org.xml.sax.helpers.AttributesImpl();
        long leerlingen = 0;
        try (InputStream invoer = new java.io.BufferedInputStream(Files.newInputStream(bestand), 1 << 16)) {
            XMLStreamReader reader = factory.createXMLStreamReader(invoer);
            validator.startDocument();
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        attributen.clear();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributen.addAttribute("", reader.getAttributeLocalName(i), reader.getAttributeLocalName(i),
                                    "CDATA", reader.getAttributeValue(i));
                        }
                        validator.startElement("", reader.getLocalName(), reader.getLocalName(), attributen);
                        if (reader.getLocalName().equals("leerling")) {
                            leerlingen++;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT ->
                            validator.endElement("", reader.getLocalName(), reader.getLocalName());
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE ->
                            validator.characters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    default -> {
                    }
                }
            }
            validator.endDocument();
            reader.close();
        }
        assertThat(fouten.get()).as("schemafouten").isZero();
        return leerlingen;
    }

    /** Validation only, in the JDK's own Xerces pipeline: its SAX parser with the schema set; no mapping. */
    private static long xercesSax(Path bestand) throws Exception {
        javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setSchema(nl.verzuim.connector.intake.xml.Schemas.edexml());
        org.xml.sax.XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setFeature("http://apache.org/xml/features/validation/identity-constraint-checking", false);
        AtomicLong leerlingen = new AtomicLong();
        AtomicLong fouten = new AtomicLong();
        org.xml.sax.helpers.DefaultHandler handler = new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void startElement(String uri, String lokaal, String qnaam, org.xml.sax.Attributes a) {
                if (lokaal.equals("leerling")) {
                    leerlingen.incrementAndGet();
                }
            }

            @Override
            public void error(org.xml.sax.SAXParseException e) {
                fouten.incrementAndGet();
            }
        };
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        try (InputStream invoer = new java.io.BufferedInputStream(Files.newInputStream(bestand), 1 << 16)) {
            reader.parse(new org.xml.sax.InputSource(invoer));
        }
        assertThat(fouten.get()).as("schemafouten").isZero();
        return leerlingen.get();
    }

    /**
     * Validation only, by Woodstox's own Stax2 validation with its W3C Schema validator (MSV, shipped inside
     * woodstox-core). Not what the intake uses: MSV does not check identity constraints, and it lets an impossible
     * xs:date such as 2014-13-01 pass where Xerces refuses it.
     */
    private static long woodstoxMsv(Path bestand) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        org.codehaus.stax2.validation.XMLValidationSchema schema = MSV_SCHEMA.get();
        long leerlingen = 0;
        AtomicLong fouten = new AtomicLong();
        try (InputStream invoer = new java.io.BufferedInputStream(Files.newInputStream(bestand), 1 << 16)) {
            org.codehaus.stax2.XMLStreamReader2 reader = (org.codehaus.stax2.XMLStreamReader2) factory.createXMLStreamReader(invoer);
            reader.setValidationProblemHandler(p -> fouten.incrementAndGet());
            reader.validateAgainst(schema);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("leerling")) {
                    leerlingen++;
                }
            }
            reader.close();
        }
        assertThat(fouten.get()).as("schemafouten").isZero();
        return leerlingen;
    }

    private static final java.util.function.Supplier<org.codehaus.stax2.validation.XMLValidationSchema> MSV_SCHEMA =
            new java.util.function.Supplier<>() {
                private org.codehaus.stax2.validation.XMLValidationSchema schema;

                @Override
                public synchronized org.codehaus.stax2.validation.XMLValidationSchema get() {
                    if (schema == null) {
                        try {
                            schema = org.codehaus.stax2.validation.XMLValidationSchemaFactory.newInstance(
                                    org.codehaus.stax2.validation.XMLValidationSchema.SCHEMA_ID_W3C_SCHEMA).createSchema(
                                    IntakeBenchmark.class.getClassLoader().getResource("xsd/edexml/EDEXML.structuur.xsd"));
                        } catch (javax.xml.stream.XMLStreamException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return schema;
                }
            };

    /** The lines of the file, decoded as UTF-8, not split into fields. */
    private static long kaleRegels(Path bestand) throws IOException {
        long regels = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(bestand),
                StandardCharsets.UTF_8), 1 << 16)) {
            while (reader.readLine() != null) {
                regels++;
            }
        }
        return regels;
    }

    /** What the inbox's reader does with the file, without the database: everything it accepts is counted. */
    private static long intakeLezer(Scholen scholen, Path bestand) throws Exception {
        AtomicLong aantal = new AtomicLong();
        List<IntakeFout> fouten = new ArrayList<>();
        new Exportlezer(scholen, id -> List.of(), Long.MAX_VALUE).lees(bestand, new Exportlezer.Ontvanger() {
            @Override
            public void leerling(School school, LeerlingGegevens leerling) {
                aantal.incrementAndGet();
            }

            @Override
            public void registratie(School school, CsvRegel regel) {
                aantal.incrementAndGet();
            }

            @Override
            public boolean draaitTerugBijAfkeur() {
                return true; // as the intake: nothing held back in memory
            }
        }, fouten);
        if (!fouten.isEmpty()) {
            throw new IllegalStateException(fouten.size() + " fouten, eerste: " + fouten.get(0));
        }
        return aantal.get();
    }

    private static String gcNamen() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static final class Meting {
        final String naam;
        final List<Double> seconden = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> procesCpu = new ArrayList<>();
        long aantal;
        Geheugen.Piek piek;

        Meting(String naam) {
            this.naam = naam;
        }

        double mediaan() {
            return mediaan(seconden);
        }

        double cpuMediaan() {
            return mediaan(cpu);
        }

        double procesCpuMediaan() {
            return mediaan(procesCpu);
        }

        private static double mediaan(List<Double> waarden) {
            double[] s = waarden.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return s[s.length / 2];
        }
    }

    /** Peaks of the heap, per phase, from the memory pools and from every garbage collection's aftermath. */
    static final class Geheugen {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private volatile long naGc;

        record Piek(long somPoolPieken, long naGc) {
            @Override
            public String toString() {
                return "%.0f MB (som van de poolpieken), %.0f MB in gebruik na GC".formatted(mb(somPoolPieken), mb(naGc));
            }
        }

        Geheugen() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((melding, terug) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(melding.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) melding.getUserData());
                        long gebruikt = 0;
                        for (MemoryPoolMXBean pool : pools) {
                            MemoryUsage na = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                            gebruikt += na == null ? 0 : na.getUsed();
                        }
                        naGc = Math.max(naGc, gebruikt);
                    }
                }, null, null);
            }
        }

        void begin() {
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            naGc = 0;
        }

        Piek eind() {
            long som = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            return new Piek(som, naGc);
        }
    }

    private static final class Rapport {
        private final StringBuilder tekst = new StringBuilder();
        double kaalXml;
        double kaalCsv;

        void regel(String regel) {
            System.out.println(regel);
            tekst.append(regel).append('\n');
        }

        void kop() {
            regel("%-48s %12s %10s %10s %10s %14s %9s  %s".formatted("lezing", "aantal", "s (med.)", "CPU draad",
                    "CPU proces", "rijen/s", "MB/s", "heap (piek over de herhalingen)"));
        }

        void meting(Meting m, long bytes) {
            double s = m.mediaan();
            if (m.naam.startsWith("EDEXML kaal")) {
                kaalXml = s;
            } else if (m.naam.startsWith("CSV kaal")) {
                kaalCsv = s;
            }
            regel(String.format(Locale.ROOT, "%-48s %,12d %10.2f %10.2f %10.2f %,14.0f %9.1f  %s", m.naam, m.aantal, s,
                    m.cpuMediaan(), m.procesCpuMediaan(), m.aantal / s, mb(bytes) / s, m.piek) + "  [" + String.join(" ", m.seconden.stream()
                    .map(x -> String.format(Locale.ROOT, "%.2f", x)).toList()) + "]");
        }

        /** Intake / bare read, on wall time and on CPU time (the reading thread; the whole process). */
        void verhouding(String soort, Meting intake, Meting kaal) {
            regel(String.format(Locale.ROOT, "  -> %s / kaal (doel intake: hooguit 2×): wandklok %.2f×, CPU draad %.2f×,"
                    + " CPU proces %.2f×", soort, intake.mediaan() / kaal.mediaan(), intake.cpuMediaan() / kaal.cpuMediaan(),
                    intake.procesCpuMediaan() / kaal.procesCpuMediaan()));
        }

        void schrijf(Path bestand) throws IOException {
            Files.writeString(bestand, tekst, StandardCharsets.UTF_8);
        }
    }
}
