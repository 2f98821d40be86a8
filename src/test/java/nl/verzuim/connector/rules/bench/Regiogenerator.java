package nl.verzuim.connector.rules.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Writes a region's school year for the rules benchmark: a schools file (las-input.md §3) with 25 primary and 15
 * secondary schools, the pupils' birth dates (the benchmark's stand-in for their OSO dossiers), and one
 * verzuimregistraties CSV in the {@code standaard} layout with about four million lines, ordered by day as a LAS
 * exports them, followed by an overlapping export of the last ten school days (the same lines again).
 *
 * <p>The pupils are drawn from a fixed seed, so every run writes the same files: most are present most days (a few
 * sick days, now and then late), a quarter miss more (illness, lates, a skipped lesson), one in ten skips school a
 * lot (per lesuur in secondary school), and one in twenty is away for weeks (ill, or without leave).
 *
 * <p>Public for the {@code beoordeel} benchmark ({@code beoordeel.bench.BeoordeelBenchmark}), which runs the command
 * on the same region with the pupils as EDEXML exports.
 */
public final class Regiogenerator {

    public static final int LEERLINGEN = 100_000;
    static final int PO_SCHOLEN = 25;
    static final int VO_SCHOLEN = 15;
    static final LocalDate EERSTE_DAG = LocalDate.of(2026, 8, 31);
    public static final LocalDate LAATSTE_DAG = LocalDate.of(2027, 7, 16);
    public static final String CSV = "regio-2026-2027.csv";
    public static final String SCHOLEN = "scholen.yaml";
    public static final String LEERLINGEN_BESTAND = "leerlingen.csv";

    private static final String[][] VAKANTIES = {
            {"zomervakantie", "2026-07-18", "2026-08-30"},
            {"herfstvakantie", "2026-10-17", "2026-10-25"},
            {"kerstvakantie", "2026-12-19", "2027-01-03"},
            {"voorjaarsvakantie", "2027-02-13", "2027-02-21"},
            {"meivakantie", "2027-04-24", "2027-05-02"},
            {"zomervakantie", "2027-07-17", "2027-08-29"}};
    private static final String[] FEESTDAGEN = {"2027-03-26", "2027-03-29", "2027-05-05", "2027-05-06", "2027-05-07",
            "2027-05-17"};
    /** VO lesuren of 50 minutes. */
    private static final LocalTime[] LESUREN = {LocalTime.of(8, 30), LocalTime.of(9, 20), LocalTime.of(10, 10),
            LocalTime.of(11, 20), LocalTime.of(12, 10), LocalTime.of(13, 30), LocalTime.of(14, 20)};

    /** One generated school: its BRIN, whether it is a secondary school, and its school days. */
    record School(String brin, boolean vo, List<LocalDate> vrijeDagen, List<LocalDate> schooldagen) {
        int lesminuten(LocalDate dag) {
            return vo ? 350 : dag.getDayOfWeek() == DayOfWeek.WEDNESDAY ? 210 : 330;
        }
    }

    private Regiogenerator() {
    }

    static List<School> scholen() {
        Random r = new Random(20262027);
        List<School> scholen = new ArrayList<>();
        for (int i = 0; i < PO_SCHOLEN + VO_SCHOLEN; i++) {
            String brin = String.format("%02d", 10 + i / 26) + "A" + (char) ('A' + i % 26);
            List<LocalDate> vrij = new ArrayList<>();
            for (String feestdag : FEESTDAGEN) {
                vrij.add(LocalDate.parse(feestdag));
            }
            for (int studiedag = 0; studiedag < 3; studiedag++) {
                LocalDate dag = EERSTE_DAG.plusDays(r.nextInt(300));
                if (dag.getDayOfWeek().getValue() <= 5) {
                    vrij.add(dag);
                }
            }
            List<LocalDate> schooldagen = new ArrayList<>();
            for (LocalDate dag = EERSTE_DAG; !dag.isAfter(LAATSTE_DAG); dag = dag.plusDays(1)) {
                if (dag.getDayOfWeek().getValue() <= 5 && !vrij.contains(dag) && !inVakantie(dag)) {
                    schooldagen.add(dag);
                }
            }
            scholen.add(new School(brin, i >= PO_SCHOLEN, vrij, schooldagen));
        }
        return scholen;
    }

    private static boolean inVakantie(LocalDate dag) {
        for (String[] v : VAKANTIES) {
            if (!dag.isBefore(LocalDate.parse(v[1])) && !dag.isAfter(LocalDate.parse(v[2]))) {
                return true;
            }
        }
        return false;
    }

    static String leerlingId(int nummer) {
        return "LL" + String.format("%07d", nummer);
    }

    static School schoolVan(List<School> scholen, int leerling) {
        return scholen.get(leerling % scholen.size());
    }

    /** Writes the three files into {@code map}, unless they are there already. */
    public static void schrijf(Path map) throws IOException {
        Path csv = map.resolve(CSV);
        if (Files.exists(csv) && Files.exists(map.resolve(SCHOLEN)) && Files.exists(map.resolve(LEERLINGEN_BESTAND))) {
            System.out.println("Regio staat er al: " + csv);
            return;
        }
        Files.createDirectories(map);
        List<School> scholen = scholen();
        schrijfScholen(map.resolve(SCHOLEN), scholen);
        int dagen = (int) (LAATSTE_DAG.toEpochDay() - EERSTE_DAG.toEpochDay() + 1);
        StringBuilder[] perDag = new StringBuilder[dagen];
        for (int i = 0; i < dagen; i++) {
            perDag[i] = new StringBuilder();
        }
        try (BufferedWriter leerlingen = Files.newBufferedWriter(map.resolve(LEERLINGEN_BESTAND), StandardCharsets.UTF_8)) {
            leerlingen.write("leerling_id;brin;vestiging;geboortedatum\n");
            for (int nummer = 0; nummer < LEERLINGEN; nummer++) {
                School school = schoolVan(scholen, nummer);
                SplittableRandom r = new SplittableRandom(nummer * 7919L + 17);
                // PO: 4 to 12 on the first school day; VO: 12 to 19 (some pupils stay on after 18).
                LocalDate geboren = school.vo() ? LocalDate.of(2007, 9, 1).plusDays(r.nextInt(7 * 365))
                        : LocalDate.of(2014, 9, 1).plusDays(r.nextInt(8 * 365));
                leerlingen.write(leerlingId(nummer) + ";" + school.brin() + ";00;" + geboren + "\n");
                new Leerlingjaar(leerlingId(nummer), school, r, perDag).genereer();
            }
        }
        long regels = 0;
        try (BufferedWriter uit = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            uit.write("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
            for (StringBuilder dag : perDag) {
                uit.append(dag);
                regels += dag.chars().filter(c -> c == '\n').count();
            }
            // An overlapping export: the last ten school days once more, as a daily export of the last two weeks.
            for (int i = dagen - 14; i < dagen; i++) {
                uit.append(perDag[i]);
                regels += perDag[i].chars().filter(c -> c == '\n').count();
            }
        }
        System.out.println("Regio geschreven: " + csv + " (" + regels + " registraties, " + Files.size(csv) / 1_000_000
                + " MB)");
    }

    private static void schrijfScholen(Path bestand, List<School> scholen) throws IOException {
        StringBuilder yaml = new StringBuilder("# Generated by the rules benchmark (Regiogenerator).\nscholen:\n");
        for (School s : scholen) {
            yaml.append("  - brin: ").append(s.brin()).append("\n    vestiging: \"00\"\n    naam: ")
                    .append(s.vo() ? "VO-school " : "Basisschool ").append(s.brin())
                    .append("\n    onderwijssoort: ").append(s.vo() ? "VO" : "PO")
                    .append("\n    contactpersoon: {naam: Verzuimcoordinator, email: verzuim@").append(s.brin())
                    .append(".example}\n    melder: {naam: Verzuimcoordinator, email: verzuim@").append(s.brin())
                    .append(".example}\n    las_profiel: standaard\n    lesminuten: ")
                    .append(s.vo() ? "{maandag: 350, dinsdag: 350, woensdag: 350, donderdag: 350, vrijdag: 350}"
                            : "{maandag: 330, dinsdag: 330, woensdag: 210, donderdag: 330, vrijdag: 330}")
                    .append("\n    vakanties:\n");
            for (String[] v : VAKANTIES) {
                yaml.append("      - {naam: ").append(v[0]).append(", van: ").append(v[1]).append(", tot: ")
                        .append(v[2]).append("}\n");
            }
            yaml.append("    vrije_dagen: ").append(s.vrijeDagen()).append('\n');
        }
        Files.writeString(bestand, yaml.toString(), StandardCharsets.UTF_8);
    }

    /** One pupil's registrations over the school year, written into the day they fall on. */
    private static final class Leerlingjaar {
        private final String id;
        private final School school;
        private final SplittableRandom r;
        private final StringBuilder[] perDag;
        private final List<LocalDate> dagen;

        Leerlingjaar(String id, School school, SplittableRandom r, StringBuilder[] perDag) {
            this.id = id;
            this.school = school;
            this.r = r;
            this.perDag = perDag;
            this.dagen = school.schooldagen();
        }

        void genereer() {
            double soort = r.nextDouble();
            if (soort < 0.60) {
                // Present most days: a few short illnesses, now and then late or at the doctor.
                ziekmeldingen(r.nextInt(4), 3);
                keer(r.nextInt(12), () -> teLaat());
                keer(r.nextInt(3), () -> dokter());
                keer(r.nextDouble() < 0.05 ? 1 + r.nextInt(3) : 0, () -> uitDeLes());
            } else if (soort < 0.85) {
                // Misses more: illness, lates, a skipped lesson or half day, leave.
                ziekmeldingen(3 + r.nextInt(6), 4);
                keer(12 + r.nextInt(28), () -> teLaat());
                keer(4 + r.nextInt(10), () -> spijbelen(dag(), 1 + r.nextInt(3), false));
                keer(1 + r.nextInt(4), () -> dokter());
                keer(r.nextInt(2), () -> heleDag(dag(), "VRL", "bijzonder verlof"));
                keer(r.nextInt(2), () -> heleDag(dag(), "REL", "religieuze feestdag"));
            } else if (soort < 0.95) {
                // Skips school a lot: whole days at primary school, lesuren at secondary school.
                int aantal = 32 + r.nextInt(44);
                for (int i = 0; i < aantal; i++) {
                    spijbelen(dag(), 2 + r.nextInt(6), true);
                }
                keer(20 + r.nextInt(40), () -> teLaat());
                ziekmeldingen(2 + r.nextInt(5), 3);
                keer(r.nextInt(3), () -> heleDag(dag(), "SCH", "schorsing"));
            } else {
                // Away for weeks: ill, or without leave (LRV); some leave early for a holiday.
                int begin = r.nextInt(dagen.size() - 60);
                int lengte = 15 + r.nextInt(45);
                boolean ziek = r.nextBoolean();
                for (int i = begin; i < begin + lengte; i++) {
                    heleDag(i, ziek ? "ZK" : "ONG", ziek ? "langdurig ziek" : "niet op school, niet bereikbaar");
                }
                if (r.nextDouble() < 0.3) {
                    luxe();
                }
            }
            if (r.nextDouble() < 0.02) {
                luxe();
            }
        }

        private int dag() {
            return r.nextInt(dagen.size());
        }

        private void keer(int n, Runnable actie) {
            for (int i = 0; i < n; i++) {
                actie.run();
            }
        }

        private void ziekmeldingen(int aantal, int maxDagen) {
            for (int i = 0; i < aantal; i++) {
                int begin = dag();
                int lengte = 1 + r.nextInt(maxDagen);
                for (int d = begin; d < Math.min(dagen.size(), begin + lengte); d++) {
                    heleDag(d, "ZK", "ziek gemeld door ouder");
                }
            }
        }

        private void teLaat() {
            int minuten = 5 + r.nextInt(26);
            regel(dag(), "08:30", "", Integer.toString(minuten), "TL", "");
        }

        private void dokter() {
            int uur = 9 + r.nextInt(5);
            regel(dag(), String.format("%02d:00", uur), String.format("%02d:30", uur + 1), "", "MED", "tandarts");
        }

        private void uitDeLes() {
            regel(dag(), "10:10", "11:00", "50", "UIT", "");
        }

        /** At secondary school per lesuur; at primary school a whole day or the first two hours. */
        private void spijbelen(int d, int lesuren, boolean heleDagPo) {
            if (!school.vo()) {
                if (heleDagPo) {
                    heleDag(d, "ONG", "niet op school, niet afgemeld");
                } else {
                    regel(d, "08:30", "10:30", "", "ONG", "");
                }
                return;
            }
            int eerste = r.nextInt(LESUREN.length - Math.min(lesuren, LESUREN.length) + 1);
            for (int u = eerste; u < Math.min(LESUREN.length, eerste + lesuren); u++) {
                regel(d, LESUREN[u].toString(), LESUREN[u].plusMinutes(50).toString(), "50", "ONG", "");
            }
        }

        private void luxe() {
            // The days before a vakantie, without leave.
            int voor = 0;
            for (int i = 1; i < dagen.size(); i++) {
                if (dagen.get(i).toEpochDay() - dagen.get(i - 1).toEpochDay() > 3 && r.nextBoolean()) {
                    voor = i;
                    break;
                }
            }
            int lengte = 1 + r.nextInt(5);
            for (int d = Math.max(0, voor - lengte); d < voor; d++) {
                heleDag(d, "LUX", "");
            }
        }

        private void heleDag(int d, String code, String omschrijving) {
            regel(d, "", "", "", code, omschrijving);
        }

        private void regel(int d, String begin, String eind, String minuten, String code, String omschrijving) {
            LocalDate datum = dagen.get(d);
            perDag[(int) (datum.toEpochDay() - EERSTE_DAG.toEpochDay())].append(id).append(';').append(datum)
                    .append(';').append(begin).append(';').append(eind).append(';').append(minuten).append(';')
                    .append(code).append(';').append(omschrijving).append('\n');
        }
    }
}
