package nl.verzuim.connector.rules.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.csv.CsvLezer;
import nl.verzuim.connector.rules.Beleid002;
import nl.verzuim.connector.rules.Beoordelaar;
import nl.verzuim.connector.rules.Beslissing;
import nl.verzuim.connector.rules.Leerling;
import nl.verzuim.connector.rules.Regelinstellingen;
import nl.verzuim.connector.rules.Registratiestand;
import nl.verzuim.connector.rules.Signaalregel;
import nl.verzuim.connector.rules.Vervangt;
import nl.verzuim.connector.school.LasProfiel;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.SchoolconfiguratieLezer;

/**
 * The rules benchmark (src/docs/benchmarks.md, "Rules benchmark"): replays a region's school year — 100,000 pupils, about four million
 * registrations — and compares it with only reading the same CSV.
 * <ul>
 *   <li>{@code genereer DIR}: writes the region's files (see {@link Regiogenerator}) unless they exist;</li>
 *   <li>{@code meet DIR}: reads the CSV with {@link CsvLezer} and nothing else ("lezen"), then reads it again into
 *       a {@link Registratiestand} (as one file: its period, keys and duplicates applied) and judges every pupil with
 *       {@link Beoordelaar} as of the last school day ("beoordelen" = reading + holding + rules); then judges every
 *       pupil again with the school's own signals of seed 002 ({@link Beleid002}) on the registrations held; prints
 *       wall and CPU times, their ratio and the peak heap.</li>
 * </ul>
 * Run it through {@code mvn -B -Pbench-regels verify}, which starts a JVM with {@code -Xmx1g}. Single-threaded, as
 * the intake is. Not a test: nothing here passes or fails.
 */
public final class RegelsBenchmark {

    private static final LocalDate PEILDATUM = Regiogenerator.LAATSTE_DAG;
    private static final int RONDES = 3;

    private RegelsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("gebruik: RegelsBenchmark genereer|meet MAP");
            System.exit(1);
        }
        Path map = Path.of(args[1]);
        if (args[0].equals("genereer")) {
            Regiogenerator.schrijf(map);
        } else {
            new Meting(map).voerUit();
        }
    }

    /** A pupil as the dossiers would give them: school (and its code, made once) and birth date. */
    private record Bekend(School school, String schoolcode, LocalDate geboortedatum) {
    }

    private static final class Meting {
        private final Path csv;
        private final Map<String, Bekend> leerlingen = new HashMap<>();
        private final Heapmeter heap = new Heapmeter();

        Meting(Path map) throws IOException {
            csv = map.resolve(Regiogenerator.CSV);
            Scholen scholen = SchoolconfiguratieLezer.lees(map.resolve(Regiogenerator.SCHOLEN));
            for (String regel : Files.readAllLines(map.resolve(Regiogenerator.LEERLINGEN_BESTAND)).subList(1,
                    Regiogenerator.LEERLINGEN + 1)) {
                String[] v = regel.split(";");
                School school = scholen.vind(v[1], v[2]).orElseThrow();
                leerlingen.put(v[0], new Bekend(school, school.code(), LocalDate.parse(v[3])));
            }
        }

        void voerUit() throws Exception {
            System.out.printf("Rules benchmark: %s (%d MB), %d leerlingen, peildatum %s, JVM max heap %d MB, %d cores%n",
                    csv.getFileName(), Files.size(csv) / 1_000_000, leerlingen.size(), PEILDATUM,
                    Runtime.getRuntime().maxMemory() / 1_048_576, Runtime.getRuntime().availableProcessors());
            heap.start();
            double snelsteLezen = Double.MAX_VALUE;
            double snelsteBeoordelen = Double.MAX_VALUE;
            double minsteCpuLezen = Double.MAX_VALUE;
            double minsteCpuBeoordelen = Double.MAX_VALUE;
            double snelsteSignalen = Double.MAX_VALUE;
            double minsteCpuSignalen = Double.MAX_VALUE;
            double minsteCpuRegels = Double.MAX_VALUE;
            for (int ronde = 1; ronde <= RONDES; ronde++) {
                System.gc();
                heap.reset();
                long start = System.nanoTime();
                long cpu = cpu();
                long regels = alleenLezen();
                double lezen = seconden(start);
                double cpuLezen = (cpu() - cpu) / 1e9;
                snelsteLezen = Math.min(snelsteLezen, lezen);
                minsteCpuLezen = Math.min(minsteCpuLezen, cpuLezen);
                System.out.printf("ronde %d  lezen:      %6.2f s (cpu %6.2f s)  %,d registraties gelezen  heap %s%n",
                        ronde, lezen, cpuLezen, regels, heap.piek());

                System.gc();
                heap.reset();
                start = System.nanoTime();
                cpu = cpu();
                Registratiestand opslag = inlezen();
                double ingelezen = seconden(start);
                double cpuIngelezen = (cpu() - cpu) / 1e9;
                Map<String, Long> perSoort = beoordeelAlle(opslag);
                double beoordelen = seconden(start);
                double cpuBeoordelen = (cpu() - cpu) / 1e9;
                snelsteBeoordelen = Math.min(snelsteBeoordelen, beoordelen);
                minsteCpuBeoordelen = Math.min(minsteCpuBeoordelen, cpuBeoordelen);
                minsteCpuRegels = Math.min(minsteCpuRegels, cpuBeoordelen - cpuIngelezen);
                System.out.printf("ronde %d  beoordelen: %6.2f s (cpu %6.2f s) = inlezen %.2f s (cpu %.2f s) + regels %.2f s"
                                + " (cpu %.2f s)  heap %s%n          %,d leerlingen, %,d beslissingen %s%n",
                        ronde, beoordelen, cpuBeoordelen, ingelezen, cpuIngelezen, beoordelen - ingelezen,
                        cpuBeoordelen - cpuIngelezen, heap.piek(),
                        opslag.leerlingen().size(), perSoort.values().stream().mapToLong(Long::longValue).sum(),
                        perSoort);
                // The same replay with the school's own signals of seed 002 (issue 15), on the registrations held.
                start = System.nanoTime();
                cpu = cpu();
                Map<String, Long> metSignalen = beoordeelAlle(opslag, Beleid002.REGELS);
                double signalen = seconden(start);
                double cpuSignalen = (cpu() - cpu) / 1e9;
                snelsteSignalen = Math.min(snelsteSignalen, signalen);
                minsteCpuSignalen = Math.min(minsteCpuSignalen, cpuSignalen);
                System.out.printf("ronde %d  regels met de signalen van seed 002: %6.2f s (cpu %6.2f s)  %,d beslissingen,"
                                + " waarvan schoolsignalen %s%n", ronde, signalen, cpuSignalen,
                        metSignalen.values().stream().mapToLong(Long::longValue).sum(), schoolsignalen(metSignalen));
                // Outside the timing: what stays in use while every registration is held (after a full collection).
                System.gc();
                System.out.printf("          in gebruik na een volledige GC, met alle registraties vastgehouden: %d MB"
                                + " (%,d registraties)%n",
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_048_576,
                        opslag.aantalRegistraties());
            }
            System.out.printf("snelste ronde: lezen %.2f s, beoordelen %.2f s: verhouding %.2f  (doel ≤ 2)%n",
                    snelsteLezen, snelsteBeoordelen, snelsteBeoordelen / snelsteLezen);
            System.out.printf("cpu-tijd (los van andere processen): lezen %.2f s, beoordelen %.2f s: verhouding %.2f%n",
                    minsteCpuLezen, minsteCpuBeoordelen, minsteCpuBeoordelen / minsteCpuLezen);
            System.out.printf("regels zonder en met de signalen van seed 002 (cpu, minst van %d rondes): %.2f s en %.2f s%n",
                    RONDES, minsteCpuRegels, minsteCpuSignalen);
            System.out.printf("load average van de machine na afloop: %.1f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("piek heap over alle rondes: %d MB gemeten, ten hoogste %d MB  (doel < 1024 MB)%n",
                    heap.piekOoitMb(), heap.bovengrensOoitMb());
        }

        private InputStream open() throws IOException {
            return new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
        }

        /** Only what reading costs: every line parsed into a registration, then dropped. */
        private long alleenLezen() throws Exception {
            AtomicLong teller = new AtomicLong();
            List<IntakeFout> fouten = new ArrayList<>();
            try (InputStream invoer = open()) {
                CsvLezer.lees(invoer, csv.getFileName().toString(), LasProfiel.STANDAARD, regel -> teller.incrementAndGet(),
                        fouten);
            }
            controleer(fouten);
            return teller.get();
        }

        private Registratiestand inlezen() throws Exception {
            Registratiestand opslag = new Registratiestand();
            Registratiestand.Bestand bestand = opslag.lees(Vervangt.SCHOOL);
            List<IntakeFout> fouten = new ArrayList<>();
            try (InputStream invoer = open()) {
                CsvLezer.lees(invoer, csv.getFileName().toString(), LasProfiel.STANDAARD,
                        regel -> bestand.regel(leerlingen.get(regel.leerlingId()).schoolcode(), regel.leerlingId(),
                                regel.registratie()), fouten);
            }
            controleer(fouten);
            bestand.sluit();
            return opslag;
        }

        private Map<String, Long> beoordeelAlle(Registratiestand opslag) {
            return beoordeelAlle(opslag, List.of());
        }

        /** Every pupil judged; with {@code signalen} the school's own signal rules added to its settings. */
        private Map<String, Long> beoordeelAlle(Registratiestand opslag, List<Signaalregel> signalen) {
            Map<String, Long> perSoort = new TreeMap<>();
            for (Registratiestand.Leerlingsleutel sleutel : opslag.leerlingen()) {
                String id = sleutel.leerlingId();
                Bekend bekend = leerlingen.get(id);
                School school = bekend.school();
                Regelinstellingen instellingen = signalen.isEmpty() ? school.regelinstellingen()
                        : new Regelinstellingen(school.regelinstellingen().meld18Plus16Uur(), signalen);
                List<Beslissing> beslissingen = Beoordelaar.beoordeel(new Leerling(id, bekend.geboortedatum(), false),
                        school.kalender(), instellingen, opslag.registraties(sleutel.school(), id), PEILDATUM,
                        List.of());
                for (Beslissing b : beslissingen) {
                    perSoort.merge(b.soort().name(), 1L, Long::sum);
                }
            }
            return perSoort;
        }

        private static Map<String, Long> schoolsignalen(Map<String, Long> perSoort) {
            Map<String, Long> signalen = new TreeMap<>();
            for (Signaalregel regel : Beleid002.REGELS) {
                signalen.put(regel.naam(), perSoort.getOrDefault(regel.naam(), 0L));
            }
            return signalen;
        }

        private static void controleer(List<IntakeFout> fouten) {
            if (!fouten.isEmpty()) {
                throw new IllegalStateException(fouten.size() + " afgewezen regels, eerste: " + fouten.get(0));
            }
        }

        /** CPU time of this thread: the work itself, whatever else the machine is doing (GC threads not counted). */
        private static long cpu() {
            return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }

        private static double seconden(long start) {
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * The heap in use, sampled every 5 ms ("gemeten": can miss the moment just before a collection), and the sum of
     * the peaks the garbage collector reports per heap pool ("ten hoogste": the pools may peak at different moments,
     * so this bounds the true peak from above).
     */
    private static final class Heapmeter {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private volatile long piek;
        private long piekOoit;
        private long bovengrensOoit;

        void start() {
            Thread meter = new Thread(() -> {
                while (true) {
                    long gebruikt = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    if (gebruikt > piek) {
                        piek = gebruikt;
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heapmeter");
            meter.setDaemon(true);
            meter.start();
        }

        void reset() {
            piek = 0;
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        String piek() {
            long gemeten = piek / 1_048_576;
            long bovengrens = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1_048_576;
            piekOoit = Math.max(piekOoit, gemeten);
            bovengrensOoit = Math.max(bovengrensOoit, bovengrens);
            return String.format("piek %d MB gemeten, ten hoogste %d MB", gemeten, bovengrens);
        }

        long piekOoitMb() {
            return piekOoit;
        }

        long bovengrensOoitMb() {
            return bovengrensOoit;
        }
    }
}
