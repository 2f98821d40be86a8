package nl.verzuim.connector.rules.referentie;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Vervangt;

/**
 * A small region made up from a seed, to compare the rules with the reference reading: four schools with their own
 * calendars and LAS profiles, pupils of every age that matters (leerplicht starting, turning 18 or 23, with and
 * without startkwalificatie or birth date), a LAS whose registrations are entered late, recoded, deleted and moved
 * after the fact, and the files its exports give: weekly exports of the last four weeks (school A and D, sometimes in
 * one file; D with numeric registratie_ids), re-exports of one old week, exports of only the pupils with changes
 * (B, {@code vervangt: leerlingen}) and exports of only the changes by registratie_id (C, {@code vervangt: niets},
 * ids that are no numbers).
 */
final class Regio {

    static final LocalDate BEGIN = LocalDate.of(2026, 5, 4);
    static final LocalDate EINDE = LocalDate.of(2027, 7, 2);

    /** A school: its code, calendar, profile and setting. */
    record School(String code, Rooster rooster, Vervangt vervangt, boolean metIds, boolean idAlsTekst,
                  boolean meld18Plus16Uur) {
    }

    /** A pupil of a school. */
    record Leerling(School school, String id, LocalDate geboortedatum, boolean startkwalificatie) {
    }

    /** A registration as the LAS holds it over time. */
    private static final class LasRegistratie {
        Leerling leerling;
        String id;
        LocalDate ingevoerd;
        Registratie eerst;
        /** The correction, from {@link #gecorrigeerd} on: a new version, or null for a deletion. */
        LocalDate gecorrigeerd;
        Registratie daarna;

        Registratie op(LocalDate dag) {
            if (ingevoerd.isAfter(dag)) {
                return null;
            }
            return gecorrigeerd != null && !gecorrigeerd.isAfter(dag) ? daarna : eerst;
        }

        /** When its state last changed on or before {@code dag}. */
        LocalDate gewijzigd(LocalDate dag) {
            return gecorrigeerd != null && !gecorrigeerd.isAfter(dag) ? gecorrigeerd : ingevoerd;
        }
    }

    final long seed;
    final List<School> scholen = new ArrayList<>();
    final List<Leerling> leerlingen = new ArrayList<>();
    final List<Referentie.Bestand> bestanden = new ArrayList<>();
    LocalDate laatsteExport;
    private final Random random;
    private final List<LasRegistratie> las = new ArrayList<>();
    private int volgendeId = 1000;

    Regio(long seed, int leerlingenPerSchool) {
        this.seed = seed;
        this.random = new Random(seed);
        scholen.add(school("00AA00", Vervangt.SCHOOL, false, false));
        scholen.add(school("11BB00", Vervangt.LEERLINGEN, true, false));
        scholen.add(school("22CC00", Vervangt.NIETS, true, true));
        scholen.add(school("33DD01", Vervangt.SCHOOL, true, false));
        for (School school : scholen) {
            for (int i = 0; i < leerlingenPerSchool; i++) {
                Leerling leerling = leerling(school, i);
                leerlingen.add(leerling);
                verzuim(leerling);
            }
        }
        exporteer();
    }

    private School school(String code, Vervangt vervangt, boolean metIds, boolean idAlsTekst) {
        Map<DayOfWeek, Integer> lesminuten = new EnumMap<>(DayOfWeek.class);
        int[][] roosters = {{330, 330, 210, 330, 330}, {300, 300, 300, 300, 240}, {360, 360, 0, 360, 300},
                {330, 330, 330, 330, 330}};
        int[] rooster = roosters[random.nextInt(roosters.length)];
        for (int i = 0; i < 5; i++) {
            lesminuten.put(DayOfWeek.of(i + 1), rooster[i]);
        }
        List<LocalDate[]> vakanties = new ArrayList<>();
        int verschuiving = random.nextInt(3) * 7;
        vakanties.add(vakantie("2026-07-04", verschuiving, 6 * 7 + 2));
        vakanties.add(vakantie("2026-10-10", verschuiving, 9));
        vakanties.add(vakantie("2026-12-19", 0, 16));
        vakanties.add(vakantie("2027-02-13", random.nextInt(2) * 7, 9));
        vakanties.add(vakantie("2027-04-24", 0, random.nextBoolean() ? 9 : 16));
        Set<LocalDate> vrij = new HashSet<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            vrij.add(BEGIN.plusDays(random.nextInt(400)));
        }
        return new School(code, new Rooster(lesminuten, vakanties, vrij), vervangt, metIds, idAlsTekst,
                random.nextInt(3) == 0);
    }

    private static LocalDate[] vakantie(String zaterdag, int verschuiving, int dagen) {
        LocalDate van = LocalDate.parse(zaterdag).plusDays(verschuiving);
        return new LocalDate[] {van, van.plusDays(dagen - 1L)};
    }

    private Leerling leerling(School school, int i) {
        int soort = random.nextInt(20);
        LocalDate geboren;
        if (soort < 4) {
            geboren = LocalDate.of(2021, 3, 1).plusDays(random.nextInt(450)); // leerplicht starts in the period
        } else if (soort < 7) {
            geboren = LocalDate.of(2008, 5, 1).plusDays(random.nextInt(430)); // turns 18
        } else if (soort < 9) {
            geboren = LocalDate.of(2003, 5, 1).plusDays(random.nextInt(430)); // turns 23
        } else if (soort == 9) {
            geboren = null;
        } else {
            geboren = LocalDate.of(2009, 6, 1).plusDays(random.nextInt(365 * 11));
        }
        boolean startkwalificatie = geboren != null && geboren.getYear() <= 2010 && random.nextInt(6) == 0;
        return new Leerling(school, "L" + (100 + i), geboren, startkwalificatie);
    }

    /** The pupil's absence as the LAS will come to hold it: a few episodes of every kind. */
    private void verzuim(Leerling leerling) {
        int episodes = random.nextInt(9);
        for (int e = 0; e < episodes; e++) {
            LocalDate begin = BEGIN.plusDays(random.nextInt(420));
            switch (random.nextInt(12)) {
                case 0, 1 -> reeks(leerling, begin, 15 + random.nextInt(40), Afwezigheidscode.ONG, true);
                case 2, 3 -> reeks(leerling, begin, 1 + random.nextInt(6), Afwezigheidscode.ONG, true);
                case 4 -> verspreid(leerling, begin, 3 + random.nextInt(12), Afwezigheidscode.ONG, 30, 300);
                case 5 -> verspreid(leerling, begin, 5 + random.nextInt(20), Afwezigheidscode.TL, 5, 60);
                case 6 -> reeks(leerling, begin, 1 + random.nextInt(8), Afwezigheidscode.LUX, random.nextBoolean());
                case 7 -> reeks(leerling, begin, 1 + random.nextInt(10), Afwezigheidscode.ZK, true);
                case 8 -> {
                    for (int k = 0; k < 5; k++) {
                        reeks(leerling, begin.plusDays(k * (10 + random.nextInt(15))), 1 + random.nextInt(2),
                                Afwezigheidscode.ZK, true);
                    }
                }
                case 9 -> verspreid(leerling, begin, 2 + random.nextInt(5), kies(Afwezigheidscode.MED,
                        Afwezigheidscode.VRL, Afwezigheidscode.SCH, Afwezigheidscode.REL, Afwezigheidscode.UIT), 30, 330);
                case 10 -> gemengd(leerling, begin, 20 + random.nextInt(25));
                default -> {
                    // A run of whole days of ONG interrupted now and then by a present day or a sick day.
                    reeks(leerling, begin, 8 + random.nextInt(10), Afwezigheidscode.ONG, true);
                    reeks(leerling, begin.plusDays(14 + random.nextInt(6)), 10 + random.nextInt(25),
                            Afwezigheidscode.ONG, true);
                }
            }
        }
    }

    /** Registrations on {@code dagen} consecutive weekdays from {@code begin} (vakanties too: the rules skip them). */
    private void reeks(Leerling leerling, LocalDate begin, int dagen, Afwezigheidscode code, boolean heleDag) {
        LocalDate dag = begin;
        for (int i = 0; i < dagen; ) {
            if (dag.getDayOfWeek().getValue() <= 5 || random.nextInt(40) == 0) {
                int lesminuten = leerling.school().rooster().lesminuten(dag);
                if (heleDag || lesminuten == 0) {
                    heleDag(leerling, dag, code, lesminuten);
                } else {
                    registreer(leerling, dag, code, null, null, 30 + random.nextInt(Math.max(1, lesminuten)));
                }
                i++;
            }
            dag = dag.plusDays(1);
        }
    }

    /** A whole day in one of the shapes a LAS writes it. */
    private void heleDag(Leerling leerling, LocalDate dag, Afwezigheidscode code, int lesminuten) {
        switch (random.nextInt(6)) {
            case 0 -> registreer(leerling, dag, code, LocalTime.of(8, 30), null, lesminuten);
            case 1 -> registreer(leerling, dag, code, LocalTime.of(8, 30),
                    LocalTime.of(8, 30).plusMinutes(Math.max(lesminuten, 60)), null);
            case 2 -> {
                // morning and afternoon, with a few late minutes as TL on some days
                int ochtend = lesminuten / 2;
                registreer(leerling, dag, code, LocalTime.of(8, 30), null, ochtend);
                registreer(leerling, dag, code, LocalTime.of(12, 30), null, lesminuten - ochtend);
            }
            default -> registreer(leerling, dag, code, null, null, null);
        }
    }

    private void verspreid(Leerling leerling, LocalDate begin, int dagen, Afwezigheidscode code, int min, int max) {
        LocalDate dag = begin;
        for (int i = 0; i < dagen; i++) {
            dag = dag.plusDays(1 + random.nextInt(4));
            registreer(leerling, dag, code, random.nextBoolean() ? LocalTime.of(8 + random.nextInt(6), 0) : null, null,
                    min + random.nextInt(max - min + 1));
        }
    }

    /** Days filled with two codes together (ONG and TL, ONG and ZK, VRL and ONG …). */
    private void gemengd(Leerling leerling, LocalDate begin, int dagen) {
        LocalDate dag = begin;
        Afwezigheidscode eerste = kies(Afwezigheidscode.ONG, Afwezigheidscode.ZK, Afwezigheidscode.VRL);
        Afwezigheidscode tweede = kies(Afwezigheidscode.TL, Afwezigheidscode.ONG, Afwezigheidscode.MED,
                Afwezigheidscode.LUX);
        for (int i = 0; i < dagen; ) {
            if (dag.getDayOfWeek().getValue() <= 5) {
                int lesminuten = Math.max(leerling.school().rooster().lesminuten(dag), 60);
                int deel = 10 + random.nextInt(lesminuten / 2);
                registreer(leerling, dag, eerste, LocalTime.of(9, 0), null, lesminuten - deel + random.nextInt(20) - 10);
                registreer(leerling, dag, tweede, LocalTime.of(8, 30), null, deel);
                i++;
            }
            dag = dag.plusDays(1);
        }
    }

    @SafeVarargs
    private <T> T kies(T... keuzes) {
        return keuzes[random.nextInt(keuzes.length)];
    }

    /** One LAS registration: entered on its day or late, and perhaps corrected, deleted or moved afterwards. */
    private void registreer(Leerling leerling, LocalDate dag, Afwezigheidscode code, LocalTime begin, LocalTime eind,
                            Integer minuten) {
        if (dag.isAfter(EINDE) || minuten != null && minuten < 0) {
            return;
        }
        LasRegistratie r = new LasRegistratie();
        r.leerling = leerling;
        if (leerling.school().metIds()) {
            r.id = leerling.school().idAlsTekst() ? "reg-" + Integer.toHexString(volgendeId++) : "" + volgendeId++;
        }
        r.ingevoerd = random.nextInt(10) == 0 ? dag.plusDays(1 + random.nextInt(20)) : dag;
        r.eerst = new Registratie(dag, begin, eind, minuten, code, null, r.id);
        int correctie = random.nextInt(14);
        if (correctie < 3) {
            r.gecorrigeerd = r.ingevoerd.plusDays(1 + random.nextInt(25));
            r.daarna = switch (correctie) {
                case 0 -> new Registratie(dag, begin, eind, minuten, code == Afwezigheidscode.ONG
                        ? Afwezigheidscode.ZK : Afwezigheidscode.ONG, null, r.id); // recoded
                case 1 -> null; // deleted
                default -> random.nextBoolean()
                        ? new Registratie(dag, begin, eind, minuten == null ? 60 : minuten / 2, code, null, r.id)
                        : new Registratie(dag.plusDays(random.nextInt(7) - 3L), begin, eind, minuten, code, null, r.id);
            };
        }
        las.add(r);
    }

    /** The exports, in the order the inbox receives them. */
    private void exporteer() {
        Map<School, LocalDate> vorige = new LinkedHashMap<>();
        for (LocalDate vrijdag = LocalDate.of(2026, 5, 29); !vrijdag.isAfter(EINDE); vrijdag = vrijdag.plusWeeks(1)) {
            laatsteExport = vrijdag;
            School a = scholen.get(0);
            School d = scholen.get(3);
            if (random.nextInt(4) == 0) {
                // one file for A and D (they share the profile)
                bestanden.add(periodeExport(List.of(a, d), vrijdag.minusDays(27), vrijdag, vrijdag, null));
            } else {
                bestanden.add(periodeExport(List.of(a), vrijdag.minusDays(27), vrijdag, vrijdag, null));
                bestanden.add(periodeExport(List.of(d), vrijdag.minusDays(27), vrijdag, vrijdag, null));
            }
            if (random.nextInt(5) == 0) {
                // a re-export of one old week of one school
                School school = random.nextBoolean() ? a : d;
                LocalDate maandag = Rooster.maandag(vrijdag.minusWeeks(2 + random.nextInt(10)));
                bestanden.add(periodeExport(List.of(school), maandag, maandag.plusDays(6), vrijdag, null));
            }
            School b = scholen.get(1);
            Set<Leerling> gewijzigd = new HashSet<>();
            for (LasRegistratie r : las) {
                if (r.leerling.school() == b && r.gewijzigd(vrijdag).isAfter(vorige.getOrDefault(b, BEGIN.minusDays(1)))
                        && !r.gewijzigd(vrijdag).isAfter(vrijdag)) {
                    gewijzigd.add(r.leerling);
                }
            }
            bestanden.add(periodeExport(List.of(b), vrijdag.minusDays(27), vrijdag, vrijdag, gewijzigd));
            vorige.put(b, vrijdag);
            School c = scholen.get(2);
            bestanden.add(wijzigingen(c, vorige.getOrDefault(c, BEGIN.minusDays(1)), vrijdag));
            vorige.put(c, vrijdag);
        }
    }

    /** What the LAS holds on {@code dag} for the schools' days van..tot (only {@code alleen}'s pupils, when given). */
    private Referentie.Bestand periodeExport(List<School> voor, LocalDate van, LocalDate tot, LocalDate dag,
                                             Set<Leerling> alleen) {
        List<Referentie.Regel> regels = new ArrayList<>();
        for (LasRegistratie r : las) {
            Registratie nu = r.op(dag);
            if (nu != null && voor.contains(r.leerling.school()) && !nu.datum().isBefore(van) && !nu.datum().isAfter(tot)
                    && (alleen == null || alleen.contains(r.leerling))) {
                regels.add(new Referentie.Regel(r.leerling.school().code(), r.leerling.id(), nu));
            }
        }
        return bestand(voor.get(0).vervangt(), regels);
    }

    /** The registrations (by id) entered or changed after {@code sinds} up to {@code dag}; deletions cannot be said. */
    private Referentie.Bestand wijzigingen(School school, LocalDate sinds, LocalDate dag) {
        List<Referentie.Regel> regels = new ArrayList<>();
        for (LasRegistratie r : las) {
            Registratie nu = r.op(dag);
            if (nu != null && r.leerling.school() == school && r.gewijzigd(dag).isAfter(sinds)) {
                regels.add(new Referentie.Regel(school.code(), r.leerling.id(), nu));
            }
        }
        return bestand(school.vervangt(), regels);
    }

    /** A file's lines in the LAS's order, sometimes shuffled, sometimes with a line twice (the later one counts). */
    private Referentie.Bestand bestand(Vervangt vervangt, List<Referentie.Regel> regels) {
        if (random.nextInt(3) == 0) {
            Collections.shuffle(regels, random);
        }
        for (int i = regels.size() / 50; i > 0; i--) {
            Referentie.Regel regel = regels.get(random.nextInt(regels.size()));
            Registratie r = regel.registratie();
            regels.add(new Referentie.Regel(regel.school(), regel.leerling(), new Registratie(r.datum(), r.begintijd(),
                    r.eindtijd(), r.minuten() == null ? 45 : r.minuten() + 15, r.code(), null, r.registratieId())));
        }
        return new Referentie.Bestand(vervangt, regels);
    }
}
