package nl.verzuim.connector.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.verzuim.connector.rules.Signaalregel.Telling;
import nl.verzuim.connector.rules.Signaalregel.Venster;

/**
 * {@link Schoolsignalen}' reading read twice: the linear evaluator against a slow, day-by-day reading of its Javadoc
 * written here from the definitions alone (the calendar's public questions, dates, and every registration looked at
 * again for every day), on made-up pupils of the test calendar from the spring of 2026 to that of 2027 — the summer,
 * the school-year boundary and every vakantie — and random rules of every kind next to those of seed 002. Every
 * signal (rule, step, day) must agree. A disagreement names the seed and the pupil.
 */
class SchoolsignalenReferentieTest {

    private static final LocalDate BEGIN = LocalDate.of(2026, 5, 4);
    private static final LocalDate EINDE = LocalDate.of(2027, 3, 26);
    private static final Afwezigheidscode[] CODES = {Afwezigheidscode.ONG, Afwezigheidscode.TL, Afwezigheidscode.ZK,
        Afwezigheidscode.MED, Afwezigheidscode.LUX, Afwezigheidscode.VRL};

    @Test
    void deEvaluatorLeestDeRegelsZoalsDeTraagsteLezing() {
        int signalen = 0;
        int leerlingen = 0;
        List<String> verschillen = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            List<Signaalregel> regels = new ArrayList<>(Beleid002.REGELS);
            for (int i = 0; i < 8; i++) {
                regels.add(willekeurigeRegel(random, "WILLEKEURIG_" + i));
            }
            for (int l = 0; l < 60; l++) {
                List<Registratie> registraties = willekeurigeRegistraties(random);
                LocalDate peildatum = random.nextInt(3) == 0 ? EINDE
                        : BEGIN.plusDays(random.nextInt((int) (EINDE.toEpochDay() - BEGIN.toEpochDay())));
                LocalDate geboren = random.nextInt(5) == 0 ? null : LocalDate.of(2008 + random.nextInt(16), 1 + random.nextInt(12), 1);
                List<Beslissing> beslissingen = Beoordelaar.beoordeel(new Leerling("L" + l, geboren, false),
                        Testschool.KALENDER, new Regelinstellingen(false, regels), registraties, peildatum, List.of());
                List<Beslissing> duo = beslissingen.stream().filter(b -> b.kanaal() == Kanaal.DUO).toList();
                List<String> werkelijk = beslissingen.stream().filter(b -> b.soort() instanceof Schoolsignaal)
                        .map(b -> kort(b.soort().name(), ((Schoolsignaal) b.soort()).stap(), b.beslotenOp()))
                        .sorted().toList();
                List<String> verwacht = new ArrayList<>();
                for (Signaalregel regel : regels) {
                    verwacht.addAll(traag(regel, registraties, peildatum, duo));
                }
                verwacht.sort(Comparator.naturalOrder());
                if (!werkelijk.equals(verwacht)) {
                    verschillen.add("seed " + seed + ", leerling " + l + ": regels " + werkelijk + ", traag " + verwacht);
                }
                signalen += werkelijk.size();
                leerlingen++;
            }
        }
        System.out.printf("Schoolsignalen-referentie: %d leerlingen, %d signalen vergeleken, %d verschillen%n",
                leerlingen, signalen, verschillen.size());
        assertThat(verschillen.stream().limit(5).toList()).as("%d disagreements, the first ones", verschillen.size())
                .isEmpty();
        assertThat(signalen).as("the comparison compares something").isGreaterThan(1000);
    }

    private static String kort(String regel, String stap, LocalDate dag) {
        return regel + " " + stap + " " + dag;
    }

    // ---- the slow reading ----

    /** A counted thing: a registration, a day, or a run, on its day; value 1 or minutes. */
    private record Ding(LocalDate dag, long waarde, LocalDate reeksBegin) {
    }

    private static List<String> traag(Signaalregel regel, List<Registratie> alle, LocalDate peildatum, List<Beslissing> duo) {
        // What the rules read: school days up to the peildatum, UIT ignored, the codes of the rule.
        List<Registratie> telbaar = alle.stream()
                .filter(r -> !r.datum().isAfter(peildatum) && Testschool.KALENDER.isSchooldag(r.datum())
                        && regel.codes().contains(r.code()))
                .sorted(Comparator.comparing(Registratie::datum)
                        .thenComparing(Registratie::begintijd, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Registratie::code))
                .toList();
        List<LocalDate[]> reeksen = reeksen(telbaar);
        List<Ding> dingen = new ArrayList<>();
        switch (regel.telt()) {
            case REGISTRATIES -> telbaar.forEach(r -> dingen.add(new Ding(r.datum(), 1, null)));
            case MINUTEN -> telbaar.forEach(r -> dingen.add(new Ding(r.datum(),
                    r.minutenOp(Testschool.KALENDER.lesminuten(r.datum())), null)));
            case DAGEN -> telbaar.stream().map(Registratie::datum).distinct()
                    .forEach(d -> dingen.add(new Ding(d, 1, null)));
            case ZIEKMELDINGEN, WEEKDAGPATROON -> reeksen.forEach(r -> dingen.add(new Ding(r[0], 1, r[0])));
            case ZIEKTEDAGEN -> {
                for (LocalDate[] r : reeksen) {
                    for (LocalDate d = r[0]; !d.isAfter(r[1]); d = d.plusDays(1)) {
                        if (Testschool.KALENDER.isSchooldag(d)) {
                            dingen.add(new Ding(d, 1, r[0]));
                        }
                    }
                }
            }
        }
        List<String> uit = new ArrayList<>();
        List<Object[]> gemaakt = new ArrayList<>(); // {stap index or weekday, day}
        for (LocalDate d = BEGIN.minusDays(7); !d.isAfter(peildatum); d = d.plusDays(1)) {
            LocalDate dag = d;
            List<Ding> vandaag = dingen.stream().filter(x -> x.dag().equals(dag)).toList();
            if (vandaag.isEmpty()) {
                continue;
            }
            LocalDate begin = switch (regel.venster().eenheid()) {
                case LESWEKEN -> Testschool.KALENDER.lesweken(d, regel.venster().aantal()).get(0);
                case KALENDERDAGEN -> d.minusDays(regel.venster().aantal() - 1);
                case KALENDERMAANDEN -> d.minusMonths(regel.venster().aantal()).plusDays(1);
                case SCHOOLJAAR -> LocalDate.of(d.getMonthValue() >= 8 ? d.getYear() : d.getYear() - 1, 8, 1);
                case ZIEKMELDING -> vandaag.get(0).reeksBegin();
            };
            List<Ding> inVenster = dingen.stream().filter(x -> !x.dag().isBefore(begin) && !x.dag().isAfter(dag)).toList();
            if (wijkt(regel, duo, begin, d)) {
                continue;
            }
            if (regel.telt() == Telling.WEEKDAGPATROON) {
                List<Ding> laatste = inVenster.subList(Math.max(0, inVenster.size() - regel.laatste()), inVenster.size());
                DayOfWeek weekdag = d.getDayOfWeek();
                long zelfde = laatste.stream().filter(x -> x.dag().getDayOfWeek() == weekdag).count();
                boolean al = gemaakt.stream().anyMatch(g -> g[0] == weekdag && !((LocalDate) g[1]).isBefore(begin));
                if (zelfde >= regel.minstens() && !al) {
                    gemaakt.add(new Object[] {weekdag, d});
                    uit.add(kort(regel.naam(), weekdagNaam(weekdag), d));
                }
                continue;
            }
            long waarde = inVenster.stream().skip(regel.naDeEerste()).mapToLong(Ding::waarde).sum();
            int stap = -1;
            while (stapWaarde(regel, stap + 1) <= waarde && (stap + 1 < regel.stappen().size() || regel.daarnaElke() > 0)) {
                stap++;
            }
            int s = stap;
            boolean geblokkeerd = gemaakt.stream().anyMatch(g -> (Integer) g[0] >= s && !((LocalDate) g[1]).isBefore(begin));
            if (stap >= 0 && !geblokkeerd) {
                gemaakt.add(new Object[] {stap, d});
                uit.add(kort(regel.naam(), String.valueOf(stapWaarde(regel, stap)), d));
            }
        }
        return uit;
    }

    private static String weekdagNaam(DayOfWeek weekdag) {
        return List.of("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
                .get(weekdag.getValue() - 1);
    }

    private static long stapWaarde(Signaalregel regel, int j) {
        int n = regel.stappen().size();
        return j < n ? regel.stappen().get(j) : regel.stappen().get(n - 1) + (long) (j - n + 1) * regel.daarnaElke();
    }

    private static boolean wijkt(Signaalregel regel, List<Beslissing> duo, LocalDate begin, LocalDate dag) {
        for (Beslissing b : duo) {
            LocalDate einde = b.einddatum() != null ? b.einddatum() : b.beslotenOp();
            if (regel.wijktVoor().contains(b.soort()) && !b.beslotenOp().isAfter(dag) && !einde.isBefore(begin)) {
                return true;
            }
        }
        return false;
    }

    /** Runs of school days with minutes of the codes above 0, days that are no school day skipped: {first, last}. */
    private static List<LocalDate[]> reeksen(List<Registratie> telbaar) {
        List<LocalDate> dagen = new ArrayList<>();
        for (Registratie r : telbaar) {
            LocalDate d = r.datum();
            long minuten = telbaar.stream().filter(x -> x.datum().equals(d))
                    .mapToLong(x -> x.minutenOp(Testschool.KALENDER.lesminuten(d))).sum();
            if (minuten > 0 && !dagen.contains(d)) {
                dagen.add(d);
            }
        }
        List<LocalDate[]> reeksen = new ArrayList<>();
        for (LocalDate d : dagen) {
            LocalDate[] laatste = reeksen.isEmpty() ? null : reeksen.get(reeksen.size() - 1);
            if (laatste != null && d.equals(Testschool.KALENDER.volgendeSchooldag(laatste[1]))) {
                laatste[1] = d;
            } else {
                reeksen.add(new LocalDate[] {d, d});
            }
        }
        return reeksen;
    }

    // ---- made-up pupils and rules ----

    private static List<Registratie> willekeurigeRegistraties(Random random) {
        List<Registratie> registraties = new ArrayList<>();
        Set<String> sleutels = new HashSet<>();
        double kansZiek = 0.01 + random.nextDouble() * 0.05;
        double kansTeLaat = random.nextDouble() * 0.15;
        double kansSpijbel = random.nextDouble() * 0.08;
        int ziekTot = -1;
        for (LocalDate d = BEGIN; !d.isAfter(EINDE); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            if (weekend && random.nextInt(40) != 0) {
                continue; // now and then a registration in a weekend, which the rules ignore
            }
            long nr = d.toEpochDay();
            if (nr <= ziekTot || random.nextDouble() < kansZiek) {
                if (nr > ziekTot) {
                    ziekTot = (int) nr + random.nextInt(10);
                }
                voegToe(registraties, sleutels, random.nextInt(6) == 0 ? Registratie.minuten(d, 60 + random.nextInt(100),
                        Afwezigheidscode.ZK) : Registratie.heleDag(d, Afwezigheidscode.ZK));
                continue;
            }
            if (random.nextDouble() < kansTeLaat) {
                voegToe(registraties, sleutels, new Registratie(d, LocalTime.of(8, 30), null, 5 + random.nextInt(40),
                        Afwezigheidscode.TL, null));
                if (random.nextInt(5) == 0) {
                    voegToe(registraties, sleutels, new Registratie(d, LocalTime.of(12, 30), null, random.nextInt(30),
                            Afwezigheidscode.TL, null));
                }
            }
            if (random.nextDouble() < kansSpijbel) {
                int uren = 1 + random.nextInt(6);
                for (int u = 0; u < uren; u++) {
                    voegToe(registraties, sleutels, new Registratie(d, LocalTime.of(9 + u, 0), null, 50,
                            Afwezigheidscode.ONG, null));
                }
            }
            if (random.nextInt(60) == 0) {
                voegToe(registraties, sleutels, Registratie.heleDag(d, CODES[random.nextInt(CODES.length)]));
            }
            if (random.nextInt(80) == 0) {
                voegToe(registraties, sleutels, Registratie.minuten(d, 30, Afwezigheidscode.UIT));
            }
        }
        return registraties;
    }

    private static void voegToe(List<Registratie> registraties, Set<String> sleutels, Registratie r) {
        if (sleutels.add(r.datum() + " " + r.begintijd() + " " + r.code())) {
            registraties.add(r);
        }
    }

    private static Signaalregel willekeurigeRegel(Random random, String naam) {
        Set<Afwezigheidscode> codes = EnumSet.noneOf(Afwezigheidscode.class);
        while (codes.isEmpty()) {
            for (Afwezigheidscode code : CODES) {
                if (random.nextInt(3) == 0) {
                    codes.add(code);
                }
            }
        }
        Telling telt = Telling.values()[random.nextInt(Telling.values().length)];
        Venster venster = switch (random.nextInt(4)) {
            case 0 -> Venster.lesweken(1 + random.nextInt(12));
            case 1 -> Venster.kalenderdagen(1 + random.nextInt(90));
            case 2 -> Venster.kalendermaanden(1 + random.nextInt(4));
            default -> Venster.schooljaar();
        };
        if (telt == Telling.WEEKDAGPATROON) {
            int minstens = 2 + random.nextInt(2);
            return Signaalregel.weekdagpatroon(naam, null, codes, minstens, minstens + random.nextInt(3), venster);
        }
        int eenheid = telt == Telling.MINUTEN ? 60 : 1;
        List<Integer> stappen = new ArrayList<>();
        int stap = 0;
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            stap += eenheid * (1 + random.nextInt(4));
            stappen.add(stap);
        }
        Signaalregel regel = new Signaalregel(naam, null, codes, telt, stappen, random.nextBoolean() ? 0
                : eenheid * (1 + random.nextInt(3)), telt == Telling.ZIEKTEDAGEN ? 0 : random.nextInt(3), 0, 0,
                telt == Telling.ZIEKTEDAGEN ? Venster.ziekmelding() : venster, Set.of());
        return random.nextInt(3) == 0 ? regel.metWijktVoor(Verzuimsoort.RELATIEF_16_UUR, Verzuimsoort.LANGDURIG_RELATIEF)
                : regel;
    }
}
