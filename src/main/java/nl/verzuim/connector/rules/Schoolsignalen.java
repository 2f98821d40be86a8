package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The signals of a school's own policy ({@link Signaalregel}), judged like the other rules: replaying the pupil's
 * school days up to the peildatum, each signal decided on the day its rule first held. Signals apply at any age and
 * never go to DUO or OT.
 *
 * <p><b>When a rule holds.</b> On each school day d that adds to what the rule counts, the count is taken over the
 * window of d up to and including d (minus the first {@code na_de_eerste}); the highest step it reaches is the
 * candidate. A rule that counts runs counts a run on its first day.
 *
 * <p><b>When a signal comes again.</b> A step of a rule is signalled on d unless a signal of that step or a higher one
 * of the same rule was made on a day inside d's window: within one window each step is one signal, a higher step is
 * a new one, and the same step comes again only once the day of its last signal has left the window — by then every
 * registration that signal counted has left it too, so nothing counted for a step is counted for it twice. For a
 * school-year window that means each step once per school year; for {@code ziektedagen} each step once per run. When
 * a day reaches several steps at once only the highest is signalled, and its uitleg names the others: one signal per
 * rule per day. A weekdagpatroon is signalled per weekday the same way.
 *
 * <p><b>Giving way.</b> A rule with {@code wijkt_voor} gives no signal on d while a DUO melding of one of those soorten,
 * made on or before d, covers a day of d's window (from its begindatum to its einddatum, or the day it was made): "bijna
 * 16 uur" is not signalled on the day the 16-uur melding is made, nor while that melding's days are in its window.
 *
 * <p>A signal is about the day its step was reached: begindatum = beslotenOp = that day; the period it counted is in
 * its uitleg and its verzuimoverzicht (the registrations counted, up to that day). So soort and begindatum, by which a
 * stored decision is recognised on a later replay, name one signal.
 *
 * <p>Linear in the pupil's registrations per rule: what a rule counts is laid out once as items in date order with
 * running sums, and the window's start only moves forward, as in {@link ZestienUurRegel}.
 */
final class Schoolsignalen {

    /** How many days an uitleg names one by one; earlier days of the window are summed as one stretch. */
    static final int GENOEMDE_DAGEN = 20;
    private static final String[] WEEKDAGEN = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
        "zondag"};

    private Schoolsignalen() {
    }

    /**
     * @param voorrang the DUO decisions of this replay and the earlier ones kept, for {@code wijkt_voor}
     */
    static List<Beslissing> beoordeel(Verzuimdagen dagen, List<Signaalregel> regels, List<Beslissing> voorrang) {
        List<Beslissing> beslissingen = new ArrayList<>(0);
        if (dagen.isLeeg()) {
            return beslissingen;
        }
        for (Signaalregel regel : regels) {
            if (regel.telt() == Signaalregel.Telling.WEEKDAGPATROON) {
                weekdagpatroon(dagen, regel, voorrang, beslissingen);
            } else {
                stappen(dagen, regel, voorrang, beslissingen);
            }
        }
        return beslissingen;
    }

    /**
     * What a rule counts, as items in date order: a registration, a day or a run (its first day), each with its value
     * (1, or minutes) and the positions whose registrations it stands for.
     */
    private static final class Posten {
        int aantal;
        int[] positie = new int[8];
        /** Running sum: som[i] is the value of items 0..i−1. */
        long[] som = new long[9];
        /** The registration an item is (registraties, minuten), else −1. */
        int[] registratie = new int[8];
        /** First and last position of the registrations an item stands for. */
        int[] van = new int[8];
        int[] tot = new int[8];

        void voegToe(int p, long waarde, int reg, int vanPositie, int totPositie) {
            if (aantal == positie.length) {
                int n = aantal * 2;
                positie = Arrays.copyOf(positie, n);
                som = Arrays.copyOf(som, n + 1);
                registratie = Arrays.copyOf(registratie, n);
                van = Arrays.copyOf(van, n);
                tot = Arrays.copyOf(tot, n);
            }
            positie[aantal] = p;
            som[aantal + 1] = som[aantal] + waarde;
            registratie[aantal] = reg;
            van[aantal] = vanPositie;
            tot[aantal] = totPositie;
            aantal++;
        }

        long waarde(int i) {
            return som[i + 1] - som[i];
        }
    }

    private static Posten posten(Verzuimdagen dagen, Signaalregel regel) {
        Posten posten = new Posten();
        Set<Afwezigheidscode> codes = regel.codes();
        switch (regel.telt()) {
            case REGISTRATIES, MINUTEN, DAGEN -> {
                boolean minuten = regel.telt() == Signaalregel.Telling.MINUTEN;
                for (int p = 0; p < dagen.aantal; p++) {
                    boolean gezien = false;
                    for (int i = dagen.eersteRegistratie(p); i < dagen.eersteRegistratie(p + 1); i++) {
                        Registratie r = dagen.registratie(i);
                        if (!codes.contains(r.code())) {
                            continue;
                        }
                        if (regel.telt() != Signaalregel.Telling.DAGEN) {
                            posten.voegToe(p, minuten ? r.minutenOp(dagen.lesminuten[p]) : 1, i, p, p);
                        } else if (!gezien) {
                            posten.voegToe(p, 1, -1, p, p);
                        }
                        gezien = true;
                    }
                }
            }
            case ZIEKMELDINGEN -> {
                for (int[] reeks : dagen.reeksen(minuten(dagen, codes), 0)) {
                    posten.voegToe(reeks[0], 1, -1, reeks[0], reeks[1]);
                }
            }
            case ZIEKTEDAGEN -> {
                for (int[] reeks : dagen.reeksen(minuten(dagen, codes), 0)) {
                    for (int q = reeks[0]; q <= reeks[1]; q++) {
                        posten.voegToe(q, 1, -1, reeks[0], q);
                    }
                }
            }
            default -> throw new IllegalStateException(regel.telt().name());
        }
        return posten;
    }

    /** Per position, the minutes of the rule's codes (a run of them is a ziekmelding when the codes are ZK). */
    private static int[] minuten(Verzuimdagen dagen, Set<Afwezigheidscode> codes) {
        if (codes.equals(Set.of(Afwezigheidscode.ZK))) {
            return dagen.ziek;
        }
        int[] minuten = new int[dagen.aantal];
        for (int p = 0; p < dagen.aantal; p++) {
            for (int i = dagen.eersteRegistratie(p); i < dagen.eersteRegistratie(p + 1); i++) {
                Registratie r = dagen.registratie(i);
                if (codes.contains(r.code())) {
                    minuten[p] += r.minutenOp(dagen.lesminuten[p]);
                }
            }
        }
        return minuten;
    }

    /** Epoch day of the first day of d's window; {@code reeksBegin}: the first position of d's run. */
    private static long vensterBegin(Verzuimdagen dagen, Signaalregel.Venster venster, int p, int reeksBegin) {
        return switch (venster.eenheid()) {
            case LESWEKEN -> {
                Kalenderindex index = dagen.index;
                yield index.epochDag(index.maandag(Math.max(0, index.lesweek(dagen.dag[p]) - (venster.aantal() - 1))));
            }
            case KALENDERDAGEN -> dagen.epochDag(p) - (venster.aantal() - 1);
            case KALENDERMAANDEN -> dagen.datum(p).minusMonths(venster.aantal()).plusDays(1).toEpochDay();
            case SCHOOLJAAR -> Schooljaar.begin(dagen.datum(p)).toEpochDay();
            case ZIEKMELDING -> dagen.epochDag(reeksBegin);
        };
    }

    private static void stappen(Verzuimdagen dagen, Signaalregel regel, List<Beslissing> voorrang,
                                List<Beslissing> beslissingen) {
        Posten posten = posten(dagen, regel);
        // The signals made so far: their step and day. A step is blocked by one of it or higher inside the window.
        List<long[]> gemaakt = new ArrayList<>(2);
        int laag = 0;
        int i = 0;
        while (i < posten.aantal) {
            int p = posten.positie[i];
            int hoog = i;
            while (hoog + 1 < posten.aantal && posten.positie[hoog + 1] == p) {
                hoog++;
            }
            i = hoog + 1;
            long begin = vensterBegin(dagen, regel.venster(), p, posten.van[hoog]);
            while (dagen.epochDag(posten.positie[laag]) < begin) {
                laag++;
            }
            int eerste = laag + regel.naDeEerste();
            if (eerste > hoog) {
                continue;
            }
            long waarde = posten.som[hoog + 1] - posten.som[eerste];
            int stap = regel.hoogsteStap(waarde);
            if (stap < 0 || laatsteSignaal(gemaakt, stap) >= begin) {
                continue;
            }
            if (wijkt(regel, voorrang, begin, dagen.epochDag(p))) {
                continue;
            }
            int laagsteNieuw = stap;
            while (laagsteNieuw > 0 && laatsteSignaal(gemaakt, laagsteNieuw - 1) < begin) {
                laagsteNieuw--;
            }
            gemaakt.add(new long[] {stap, dagen.epochDag(p)});
            LocalDate dag = dagen.datum(p);
            String uitleg = uitleg(dagen, regel, posten, eerste, hoog, waarde, stap, laagsteNieuw, begin);
            beslissingen.add(new Beslissing(new Schoolsignaal(regel.naam(), String.valueOf(regel.stap(stap))), dag, null,
                    null, dag, uitleg, overzicht(dagen, regel, posten, eerste, hoog, p)));
        }
    }

    /** The day (epoch) of the latest signal of step {@code stap} or higher; Long.MIN_VALUE when none. */
    private static long laatsteSignaal(List<long[]> gemaakt, int stap) {
        long laatste = Long.MIN_VALUE;
        for (long[] signaal : gemaakt) {
            if (signaal[0] >= stap) {
                laatste = Math.max(laatste, signaal[1]);
            }
        }
        return laatste;
    }

    /** Whether a DUO melding the rule gives way to, made by {@code dag}, covers a day from {@code begin} on. */
    private static boolean wijkt(Signaalregel regel, List<Beslissing> voorrang, long begin, long dag) {
        if (regel.wijktVoor().isEmpty()) {
            return false;
        }
        for (Beslissing b : voorrang) {
            if (regel.wijktVoor().contains(b.soort()) && b.beslotenOp().toEpochDay() <= dag
                    && (b.einddatum() != null ? b.einddatum() : b.beslotenOp()).toEpochDay() >= begin) {
                return true;
            }
        }
        return false;
    }

    private static void weekdagpatroon(Verzuimdagen dagen, Signaalregel regel, List<Beslissing> voorrang,
                                       List<Beslissing> beslissingen) {
        List<int[]> reeksen = dagen.reeksen(minuten(dagen, regel.codes()), 0);
        long[] laatstePerWeekdag = new long[7];
        Arrays.fill(laatstePerWeekdag, Long.MIN_VALUE);
        int laag = 0;
        for (int i = 0; i < reeksen.size(); i++) {
            int p = reeksen.get(i)[0];
            long begin = vensterBegin(dagen, regel.venster(), p, p);
            while (dagen.epochDag(reeksen.get(laag)[0]) < begin) {
                laag++;
            }
            int eerste = Math.max(laag, i - regel.laatste() + 1);
            int weekdag = weekdag(dagen.epochDag(p));
            int zelfde = 0;
            for (int j = eerste; j <= i; j++) {
                if (weekdag(dagen.epochDag(reeksen.get(j)[0])) == weekdag) {
                    zelfde++;
                }
            }
            if (zelfde < regel.minstens() || laatstePerWeekdag[weekdag] >= begin
                    || wijkt(regel, voorrang, begin, dagen.epochDag(p))) {
                continue;
            }
            laatstePerWeekdag[weekdag] = dagen.epochDag(p);
            LocalDate dag = dagen.datum(p);
            List<String> begonnen = new ArrayList<>();
            List<Registratie> overzicht = new ArrayList<>();
            for (int j = eerste; j <= i; j++) {
                int start = reeksen.get(j)[0];
                int w = weekdag(dagen.epochDag(start));
                begonnen.add(Uitleg.datum(dagen.datum(start)) + " (" + WEEKDAGEN[w] + ")");
                if (w == weekdag) {
                    overzicht.addAll(dagen.registraties(start, Math.min(reeksen.get(j)[1], p), regel.codes()::contains));
                }
            }
            int bekeken = i - eerste + 1;
            String uitleg = "Signaal van de school: " + regel.titelTekst() + ", " + WEEKDAGEN[weekdag] + ", op "
                    + Uitleg.datum(dag) + ": van " + (bekeken < regel.laatste() ? "de " + bekeken : "de laatste " + bekeken)
                    + " " + reeksWoord(regel, true) + vensterTekst(dagen, regel.venster(), p, begin)
                    + " begonnen er " + zelfde + " op een " + WEEKDAGEN[weekdag] + ": " + Uitleg.opsomming(begonnen)
                    + ". Drempel: minstens " + regel.minstens() + " van de laatste " + regel.laatste() + " "
                    + reeksWoord(regel, true) + " op dezelfde weekdag (de eerste dag van een "
                    + reeksWoord(regel, false) + " telt)." + voorrangTekst(regel);
            beslissingen.add(new Beslissing(new Schoolsignaal(regel.naam(), WEEKDAGEN[weekdag]), dag, null, null, dag,
                    uitleg, overzicht));
        }
    }

    /** Monday 0 … Sunday 6; epoch day 0 was a Thursday. */
    private static int weekdag(long epochDag) {
        return (int) Math.floorMod(epochDag + 3, 7L);
    }

    /** The registrations of the items counted, up to position p. */
    private static List<Registratie> overzicht(Verzuimdagen dagen, Signaalregel regel, Posten posten, int eerste,
                                               int hoog, int p) {
        List<Registratie> overzicht = new ArrayList<>();
        for (int i = eerste; i <= hoog; i++) {
            if (posten.registratie[i] >= 0) {
                overzicht.add(dagen.registratie(posten.registratie[i]));
            } else if (regel.telt() != Signaalregel.Telling.ZIEKTEDAGEN || i == hoog) {
                // A ziektedagen item stands for its run so far: the last one counted names them all.
                overzicht.addAll(dagen.registraties(posten.van[i], Math.min(posten.tot[i], p), regel.codes()::contains));
            }
        }
        return overzicht;
    }

    private static String uitleg(Verzuimdagen dagen, Signaalregel regel, Posten posten, int eerste, int hoog,
                                 long waarde, int stap, int laagsteNieuw, long begin) {
        int p = posten.positie[hoog];
        StringBuilder uitleg = new StringBuilder(300).append("Signaal van de school: ").append(regel.titelTekst())
                .append(", stap ").append(regel.stap(stap)).append(" bereikt op ").append(Uitleg.datum(dagen.datum(p)))
                .append(": ");
        String codes = codesTekst(regel);
        switch (regel.telt()) {
            case REGISTRATIES -> uitleg.append(waarde).append(waarde == 1 ? " registratie " : " registraties ").append(codes);
            case DAGEN -> uitleg.append(waarde).append(waarde == 1 ? " schooldag" : " schooldagen").append(" met ")
                    .append(codes);
            case MINUTEN -> uitleg.append(waarde).append(" minuten ").append(codes);
            case ZIEKMELDINGEN -> uitleg.append(waarde).append(' ').append(reeksWoord(regel, waarde != 1));
            case ZIEKTEDAGEN -> uitleg.append("de ").append(waarde).append("e schooldag aaneengesloten ").append(codes)
                    .append(", sinds ").append(Uitleg.datum(dagen.datum(posten.van[hoog])))
                    .append(" (weekenden, vakanties en vrije dagen onderbreken de reeks niet)");
            default -> throw new IllegalStateException(regel.telt().name());
        }
        if (regel.telt() != Signaalregel.Telling.ZIEKTEDAGEN) {
            uitleg.append(vensterTekst(dagen, regel.venster(), p, begin));
        }
        uitleg.append(", geteld t/m ").append(Uitleg.datum(dagen.datum(p))).append(": ")
                .append(Uitleg.opsomming(geteld(dagen, regel, posten, eerste, hoog))).append('.');
        if (regel.naDeEerste() > 0) {
            uitleg.append(" De eerste ").append(regel.naDeEerste()).append(' ').append(switch (regel.telt()) {
                case DAGEN -> "schooldagen";
                case ZIEKMELDINGEN -> reeksWoord(regel, true);
                default -> "registraties";
            }).append(" in dit venster (t/m ").append(Uitleg.datum(dagen.datum(posten.positie[eerste - 1])))
                    .append(") tellen niet mee.");
        }
        uitleg.append(regel.stappen().size() == 1 && regel.daarnaElke() == 0 ? " Drempel: " : " Stappen: ")
                .append(regel.stappenTekst()).append('.');
        if (laagsteNieuw < stap) {
            List<String> ook = new ArrayList<>();
            for (int s = laagsteNieuw; s < stap; s++) {
                ook.add(String.valueOf(regel.stap(s)));
            }
            uitleg.append(ook.size() == 1 ? " Op dezelfde dag is ook stap " : " Op dezelfde dag zijn ook de stappen ")
                    .append(ook.size() <= 4 ? Uitleg.opsomming(ook) : ook.get(0) + " t/m " + ook.get(ook.size() - 1))
                    .append(" bereikt.");
        }
        return uitleg.append(voorrangTekst(regel)).toString();
    }

    /**
     * The items counted, grouped per day with their figures: "07-09-2026", "07-09-2026 (2 keer)", "07-09-2026 25 min".
     * A school-year window can hold a hundred days: the last {@link #GENOEMDE_DAGEN} are named, the earlier ones given
     * as one stretch with their total ("07-09-2026 t/m 09-10-2026: 420 min"), so the sum can still be redone and an
     * uitleg costs no more than a fixed length, however long the window (the verzuimoverzicht holds every
     * registration).
     */
    private static List<String> geteld(Verzuimdagen dagen, Signaalregel regel, Posten posten, int eerste, int hoog) {
        // Walk back over at most GENOEMDE_DAGEN days; what lies before them is summed from the running sums.
        int vanaf = hoog + 1;
        int genoemd = 0;
        while (vanaf > eerste && (genoemd < GENOEMDE_DAGEN || posten.positie[vanaf - 1] == posten.positie[vanaf])) {
            if (vanaf > hoog || posten.positie[vanaf - 1] != posten.positie[vanaf]) {
                genoemd++;
            }
            vanaf--;
        }
        List<String> delen = new ArrayList<>(genoemd + 1);
        if (vanaf > eerste) {
            long waarde = posten.som[vanaf] - posten.som[eerste];
            String stuk = Uitleg.datum(dagen.datum(posten.positie[eerste])) + " t/m "
                    + Uitleg.datum(dagen.datum(posten.positie[vanaf - 1])) + ": ";
            delen.add(stuk + switch (regel.telt()) {
                case MINUTEN -> waarde + " min";
                case REGISTRATIES -> waarde + " keer";
                case ZIEKMELDINGEN -> waarde + " " + reeksWoord(regel, waarde != 1);
                default -> waarde + " schooldagen";
            });
        }
        int i = vanaf;
        while (i <= hoog) {
            int p = posten.positie[i];
            long waarde = 0;
            int aantal = 0;
            while (i <= hoog && posten.positie[i] == p) {
                waarde += posten.waarde(i);
                aantal++;
                i++;
            }
            String datum = Uitleg.datum(dagen.datum(p));
            delen.add(switch (regel.telt()) {
                case MINUTEN -> datum + " " + waarde + " min";
                case REGISTRATIES -> aantal == 1 ? datum : datum + " (" + aantal + " keer)";
                default -> datum;
            });
        }
        return delen;
    }

    private static String vensterTekst(Verzuimdagen dagen, Signaalregel.Venster venster, int p, long begin) {
        LocalDate eerste = LocalDate.ofEpochDay(begin);
        LocalDate dag = dagen.datum(p);
        return switch (venster.eenheid()) {
            case SCHOOLJAAR -> " in het schooljaar " + Schooljaar.naam(dag) + " (vanaf " + Uitleg.datum(eerste) + ")";
            case LESWEKEN -> {
                Kalenderindex index = dagen.index;
                int lesweek = index.lesweek(dagen.dag[p]);
                int eersteLesweek = Math.max(0, lesweek - (venster.aantal() - 1));
                List<String> maandagen = new ArrayList<>();
                for (int k = eersteLesweek; k <= lesweek; k++) {
                    maandagen.add(Uitleg.datum(index.datum(index.maandag(k))));
                }
                yield maandagen.size() == 1 ? " in de lesweek die begint op " + maandagen.get(0)
                        : " in de " + maandagen.size() + " lesweken die beginnen op " + Uitleg.opsomming(maandagen);
            }
            case KALENDERDAGEN -> " in de " + venster.aantal() + " kalenderdagen van " + Uitleg.datum(eerste) + " t/m "
                    + Uitleg.datum(dag);
            case KALENDERMAANDEN -> " in " + venster.aantal() + (venster.aantal() == 1 ? " kalendermaand" : " kalendermaanden")
                    + ", van " + Uitleg.datum(eerste) + " t/m " + Uitleg.datum(dag);
            case ZIEKMELDING -> "";
        };
    }

    /** "te laat (TL)", "ongeoorloofd afwezig (ONG) of te laat (TL)". */
    private static String codesTekst(Signaalregel regel) {
        List<String> delen = new ArrayList<>();
        for (Afwezigheidscode code : regel.codes()) {
            delen.add(code.omschrijving());
        }
        return ofOpsomming(delen);
    }

    /** "a, b of c". */
    private static String ofOpsomming(List<String> delen) {
        return delen.size() == 1 ? delen.get(0)
                : String.join(", ", delen.subList(0, delen.size() - 1)) + " of " + delen.get(delen.size() - 1);
    }

    /** "ziekmelding(en)" for ZK alone (domain §3), else a run of the codes named. */
    private static String reeksWoord(Signaalregel regel, boolean meervoud) {
        if (regel.codes().equals(Set.of(Afwezigheidscode.ZK))) {
            return meervoud ? "ziekmeldingen" : "ziekmelding";
        }
        return (meervoud ? "reeksen " : "reeks ") + codesTekst(regel) + " op aaneengesloten schooldagen";
    }

    private static String voorrangTekst(Signaalregel regel) {
        if (regel.wijktVoor().isEmpty()) {
            return "";
        }
        List<String> soorten = new ArrayList<>();
        for (Verzuimsoort soort : regel.wijktVoor()) {
            soorten.add(switch (soort) {
                case RELATIEF_16_UUR -> "16 uur in 4 weken";
                case LANGDURIG_RELATIEF -> "langdurig relatief verzuim";
                case LUXE -> "luxe verzuim";
                case RMC -> "RMC";
                case OVERIG -> "overig verzuim";
            });
        }
        return " Er valt geen DUO-melding " + ofOpsomming(soorten) + " in dit venster (dan was dit signaal niet gegeven).";
    }
}
