package nl.verzuim.connector.rules.referentie;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Vervangt;

/**
 * An independent reading of domain §3, written straight from the text and deliberately simple and slow: which
 * registrations are held after a series of files ("An export speaks for its period"), and then, day by day up to the
 * peildatum as the connector running daily would, which decisions are made. It shares nothing with the rules but the
 * input records and enums; its only purpose is to be compared with them ({@link ReferentieVergelijkingTest}).
 */
final class Referentie {

    static final int ZESTIEN_UUR = 960;

    private Referentie() {
    }

    /** One accepted line of a file. */
    record Regel(String school, String leerling, Registratie registratie) {
    }

    /** One file: what its profile replaces, and its accepted lines in file order. */
    record Bestand(Vervangt vervangt, List<Regel> regels) {
    }

    /** A decision as the comparison sees it. */
    record Uitkomst(String soort, LocalDate begindatum, LocalDate einddatum, BigDecimal uren, LocalDate beslotenOp) {
        @Override
        public String toString() {
            return soort + " " + begindatum + (einddatum == null ? "" : ".." + einddatum)
                    + (uren == null ? "" : " " + uren.toPlainString() + " uur") + " op " + beslotenOp;
        }
    }

    /**
     * Who a decision is for (domain §3–§4, connector-interface.md {@code kanaal}): the ZAS signals stay with the
     * school, OT's categories A and B go to OT, every other melding to DUO.
     */
    static String kanaal(String soort) {
        if (soort.startsWith("ZAS_")) {
            return "SIGNAAL";
        }
        return soort.startsWith("A_") || soort.startsWith("B_") ? "OT" : "DUO";
    }

    /** A pupil and what the school configured for them. */
    record Pupil(LocalDate geboortedatum, boolean startkwalificatie, boolean meld18Plus16Uur) {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // "An export speaks for its period."

    /** A registration held, with whose it is. */
    record Gehouden(String school, String leerling, Registratie registratie) {
    }

    /**
     * The registrations held after reading the files in order. Per file: "Within one file, when a key comes again,
     * the later line replaces the earlier"; "every registration held from earlier files for a pupil of that school on
     * a day inside that period is dropped, and the file's lines take their place" (narrowed by {@code vervangt});
     * "a registratie_id seen again replaces the registration held under it, whatever its day or code". A registration
     * without id is identified by (leerling_id, datum, begintijd, code): one held under the same identity is the same
     * registration, so the line takes its place too.
     */
    static List<Gehouden> gehouden(List<Bestand> bestanden) {
        List<Gehouden> gehouden = new ArrayList<>();
        for (Bestand bestand : bestanden) {
            // the later line of a key wins
            Map<Object, Regel> perSleutel = new LinkedHashMap<>();
            for (Regel regel : bestand.regels()) {
                Object sleutel = sleutel(regel.school(), regel.leerling(), regel.registratie());
                perSleutel.remove(sleutel);
                perSleutel.put(sleutel, regel);
            }
            List<Regel> regels = new ArrayList<>(perSleutel.values());
            Map<String, LocalDate> van = new HashMap<>();
            Map<String, LocalDate> tot = new HashMap<>();
            Set<String> leerlingenInBestand = new HashSet<>();
            for (Regel regel : bestand.regels()) {
                LocalDate datum = regel.registratie().datum();
                van.merge(regel.school(), datum, (a, b) -> a.isBefore(b) ? a : b);
                tot.merge(regel.school(), datum, (a, b) -> a.isAfter(b) ? a : b);
                leerlingenInBestand.add(regel.school() + "/" + regel.leerling());
            }
            List<Gehouden> blijft = new ArrayList<>();
            for (Gehouden g : gehouden) {
                LocalDate datum = g.registratie().datum();
                boolean inPeriode = van.containsKey(g.school()) && !datum.isBefore(van.get(g.school()))
                        && !datum.isAfter(tot.get(g.school()));
                boolean valtWeg = switch (bestand.vervangt()) {
                    case SCHOOL -> inPeriode;
                    case LEERLINGEN -> inPeriode && leerlingenInBestand.contains(g.school() + "/" + g.leerling());
                    case NIETS -> false;
                };
                Object sleutel = sleutel(g.school(), g.leerling(), g.registratie());
                if (!valtWeg && !perSleutel.containsKey(sleutel)) {
                    blijft.add(g);
                }
            }
            for (Regel regel : regels) {
                blijft.add(new Gehouden(regel.school(), regel.leerling(), regel.registratie()));
            }
            gehouden = blijft;
        }
        return gehouden;
    }

    private static Object sleutel(String school, String leerling, Registratie r) {
        if (r.registratieId() != null) {
            return List.of("id", school, r.registratieId());
        }
        return java.util.Arrays.asList("sleutel", school, leerling, r.datum(), r.begintijd(), r.code());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The decisions, day by day.

    /** What a school day holds for a pupil: minutes per code, added up over its registrations. */
    private static final class Dag {
        final Map<Afwezigheidscode, Integer> minuten = new HashMap<>();

        int van(Afwezigheidscode... codes) {
            int som = 0;
            for (Afwezigheidscode code : codes) {
                som += minuten.getOrDefault(code, 0);
            }
            return som;
        }
    }

    /** A made LRV or RMC melding and its run. */
    private static final class Langdurig {
        String soort;
        LocalDate d0;
        LocalDate laatste;
        LocalDate besloten;
    }

    static List<Uitkomst> beslissingen(Rooster rooster, Pupil pupil, List<Registratie> registraties,
                                       LocalDate peildatum) {
        // "Registrations on days that are no school day, and UIT, are ignored"; and those after the peildatum.
        Map<LocalDate, Dag> dagen = new HashMap<>();
        LocalDate eerste = null;
        for (Registratie r : registraties) {
            int lesminuten = rooster.lesminuten(r.datum());
            if (lesminuten == 0 || r.code() == Afwezigheidscode.UIT || r.datum().isAfter(peildatum)) {
                continue;
            }
            int minuten;
            if (r.minuten() != null) {
                minuten = r.minuten();
            } else if (r.begintijd() != null && r.eindtijd() != null) {
                minuten = (r.eindtijd().toSecondOfDay() - r.begintijd().toSecondOfDay()) / 60;
            } else {
                minuten = lesminuten;
            }
            dagen.computeIfAbsent(r.datum(), d -> new Dag()).minuten.merge(r.code(), minuten, Integer::sum);
            if (eerste == null || r.datum().isBefore(eerste)) {
                eerste = r.datum();
            }
        }
        List<Uitkomst> uitkomsten = new ArrayList<>();
        if (eerste == null) {
            return uitkomsten;
        }
        if (pupil.geboortedatum() != null) {
            duo(rooster, pupil, dagen, eerste, peildatum, uitkomsten);
        }
        zas(rooster, dagen, eerste, peildatum, uitkomsten);
        ot(rooster, dagen, eerste, peildatum, uitkomsten);
        return uitkomsten;
    }

    private static void duo(Rooster rooster, Pupil pupil, Map<LocalDate, Dag> dagen, LocalDate eerste,
                            LocalDate peildatum, List<Uitkomst> uitkomsten) {
        // "none before the first school day of the month after the 5th birthday"
        LocalDate leerplichtig = rooster.eersteSchooldagVanaf(verjaardag(pupil.geboortedatum(), 5).withDayOfMonth(1)
                .plusMonths(1));
        List<Langdurig> langdurig = new ArrayList<>();
        List<Uitkomst> zestien = new ArrayList<>();
        LocalDate reeksBegin = null;
        boolean reeksBeoordeeld = false;
        Langdurig lopend = null;
        int luxeIndex = -1;
        LocalDate luxeBegin = null;
        for (LocalDate d = eerste.isAfter(leerplichtig) ? eerste : leerplichtig; !d.isAfter(peildatum); d = d.plusDays(1)) {
            int lesminuten = rooster.lesminuten(d);
            if (lesminuten == 0) {
                continue; // no school day: a run goes on
            }
            Dag dag = dagen.get(d);
            int ongeoorloofd = dag == null ? 0 : dag.van(Afwezigheidscode.ONG, Afwezigheidscode.TL);
            int luxe = dag == null ? 0 : dag.van(Afwezigheidscode.LUX);

            // LRV / RMC: a run of consecutive fully absent school days from D0; a melding once the run holds a
            // school day at least 27 calendar days after D0.
            if (ongeoorloofd >= lesminuten) {
                if (reeksBegin == null) {
                    reeksBegin = d;
                    reeksBeoordeeld = false;
                    lopend = null;
                }
                if (lopend != null) {
                    lopend.laatste = d;
                }
                if (!reeksBeoordeeld && !d.isBefore(reeksBegin.plusDays(27))) {
                    reeksBeoordeeld = true;
                    String soort = onder18(pupil, reeksBegin, leerplichtig) ? "LANGDURIG_RELATIEF"
                            : rmcLeeftijd(pupil, reeksBegin) ? "RMC" : null;
                    if (soort != null) {
                        lopend = new Langdurig();
                        lopend.soort = soort;
                        lopend.d0 = reeksBegin;
                        lopend.laatste = d;
                        lopend.besloten = d;
                        langdurig.add(lopend);
                    }
                }
            } else {
                reeksBegin = null;
                lopend = null;
            }

            // Luxe: each run of LUX on consecutive school days is one melding.
            if (luxe > 0) {
                if (luxeBegin == null) {
                    luxeBegin = d;
                    luxeIndex = -1;
                    if (onder18(pupil, d, leerplichtig)) {
                        uitkomsten.add(new Uitkomst("LUXE", d, d, null, d));
                        luxeIndex = uitkomsten.size() - 1;
                    }
                } else if (luxeIndex >= 0) {
                    Uitkomst u = uitkomsten.get(luxeIndex);
                    uitkomsten.set(luxeIndex, new Uitkomst(u.soort(), u.begindatum(), d, null, u.beslotenOp()));
                }
            } else {
                luxeBegin = null;
            }

            // 16 uur in 4 weken, judged on a school day with ongeoorloofd minutes.
            if (ongeoorloofd == 0) {
                continue;
            }
            // The keuzehulp's order: on a day an LRV/RMC melding holds, the question is answered with LRV/RMC.
            if (lopend != null && !d.isBefore(lopend.besloten)) {
                continue;
            }
            List<LocalDate> weken = rooster.lesweken(d, 4);
            boolean eerdereInVenster = false;
            for (Uitkomst eerder : zestien) {
                if (weken.contains(Rooster.maandag(eerder.einddatum()))) {
                    eerdereInVenster = true;
                }
            }
            if (eerdereInVenster) {
                continue;
            }
            long som = 0;
            LocalDate eersteGeteld = null;
            for (LocalDate x = weken.get(0); !x.isAfter(d); x = x.plusDays(1)) {
                Dag dx = dagen.get(x);
                if (x.isBefore(leerplichtig) || dx == null || rooster.lesminuten(x) == 0 || gedekt(langdurig, x, d)) {
                    continue;
                }
                int minuten = dx.van(Afwezigheidscode.ONG, Afwezigheidscode.TL);
                if (minuten > 0) {
                    som += minuten;
                    if (eersteGeteld == null) {
                        eersteGeteld = x;
                    }
                }
            }
            if (som >= ZESTIEN_UUR && zestienToegestaan(pupil, eersteGeteld, leerplichtig)) {
                Uitkomst melding = new Uitkomst("RELATIEF_16_UUR", eersteGeteld, d,
                        BigDecimal.valueOf(som).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP), d);
                zestien.add(melding);
                uitkomsten.add(melding);
            }
        }
        for (Langdurig l : langdurig) {
            uitkomsten.add(new Uitkomst(l.soort, l.d0, l.laatste, null, l.besloten));
        }
    }

    /** Day x lies in the run of an LRV/RMC melding made on or before day d. */
    private static boolean gedekt(List<Langdurig> langdurig, LocalDate x, LocalDate d) {
        for (Langdurig l : langdurig) {
            if (!l.besloten.isAfter(d) && !x.isBefore(l.d0) && !x.isAfter(l.laatste)) {
                return true;
            }
        }
        return false;
    }

    /** Under 18 → 16-uur, luxe and LRV, when leerplichtig; with a startkwalificatie only in the volledige leerplicht. */
    private static boolean onder18(Pupil pupil, LocalDate dag, LocalDate leerplichtig) {
        if (dag.isBefore(leerplichtig) || leeftijd(pupil.geboortedatum(), dag) >= 18) {
            return false;
        }
        if (!pupil.startkwalificatie()) {
            return true;
        }
        // "Leerplicht: from age 5 until the end of the school year in which the pupil turns 16."
        LocalDate zestien = verjaardag(pupil.geboortedatum(), 16);
        LocalDate eindeSchooljaar = MonthDay.of(7, 31).atYear(zestien.getMonthValue() >= 8 ? zestien.getYear() + 1
                : zestien.getYear());
        return !dag.isAfter(eindeSchooljaar);
    }

    private static boolean rmcLeeftijd(Pupil pupil, LocalDate dag) {
        int leeftijd = leeftijd(pupil.geboortedatum(), dag);
        return leeftijd >= 18 && leeftijd < 23 && !pupil.startkwalificatie();
    }

    private static boolean zestienToegestaan(Pupil pupil, LocalDate begindatum, LocalDate leerplichtig) {
        return onder18(pupil, begindatum, leerplichtig) || rmcLeeftijd(pupil, begindatum) && pupil.meld18Plus16Uur();
    }

    /** The day of the n-th birthday; one born on 29 February has it on 1 March in other years. */
    static LocalDate verjaardag(LocalDate geboren, int jaren) {
        int jaar = geboren.getYear() + jaren;
        if (geboren.getMonthValue() == 2 && geboren.getDayOfMonth() == 29 && !java.time.Year.isLeap(jaar)) {
            return LocalDate.of(jaar, 3, 1);
        }
        return geboren.withYear(jaar);
    }

    static int leeftijd(LocalDate geboren, LocalDate dag) {
        int jaren = dag.getYear() - geboren.getYear();
        return dag.isBefore(verjaardag(geboren, jaren)) ? jaren - 1 : jaren;
    }

    private static void zas(Rooster rooster, Map<LocalDate, Dag> dagen, LocalDate eerste, LocalDate peildatum,
                            List<Uitkomst> uitkomsten) {
        // "A ziekmelding is a run of ZK on consecutive school days."
        List<LocalDate> ziekmeldingen = new ArrayList<>();
        LocalDate begin = null;
        int schooldagen = 0;
        for (LocalDate d = eerste; !d.isAfter(peildatum); d = d.plusDays(1)) {
            if (!rooster.isSchooldag(d)) {
                continue;
            }
            Dag dag = dagen.get(d);
            if (dag == null || dag.van(Afwezigheidscode.ZK) == 0) {
                begin = null;
                continue;
            }
            if (begin == null) {
                begin = d;
                schooldagen = 0;
                ziekmeldingen.add(d);
                int n = ziekmeldingen.size();
                if (n >= 4 && d.toEpochDay() - ziekmeldingen.get(n - 4).toEpochDay() <= 83) {
                    uitkomsten.add(new Uitkomst("ZAS_4E_ZIEKMELDING_IN_12_WEKEN", d, null, null, d));
                }
            }
            schooldagen++;
            if (schooldagen == 7) {
                uitkomsten.add(new Uitkomst("ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN", begin, null, null, d));
            }
        }
    }

    private static void ot(Rooster rooster, Map<LocalDate, Dag> dagen, LocalDate eerste, LocalDate peildatum,
                           List<Uitkomst> uitkomsten) {
        boolean lopend = false;
        for (LocalDate maandag = Rooster.maandag(eerste); !maandag.isAfter(peildatum); maandag = maandag.plusWeeks(1)) {
            if (!rooster.isLesweek(maandag)) {
                continue;
            }
            LocalDate laatsteSchooldag = null;
            for (int i = 0; i < 7; i++) {
                if (rooster.isSchooldag(maandag.plusDays(i))) {
                    laatsteSchooldag = maandag.plusDays(i);
                }
            }
            if (laatsteSchooldag.isAfter(peildatum)) {
                break; // the window is not complete yet
            }
            List<LocalDate> weken = rooster.lesweken(maandag, 4);
            long s = 0;
            long ongeoorloofd = 0;
            long ziek = 0;
            long afwezig = 0;
            boolean elkeDagHeel = true;
            LocalDate begindatum = null;
            for (LocalDate week : weken) {
                for (int i = 0; i < 7; i++) {
                    LocalDate x = week.plusDays(i);
                    int lesminuten = rooster.lesminuten(x);
                    if (lesminuten == 0) {
                        continue;
                    }
                    s += lesminuten;
                    Dag dag = dagen.get(x);
                    int weg = dag == null ? 0 : dag.van(Afwezigheidscode.ONG, Afwezigheidscode.TL,
                            Afwezigheidscode.LUX, Afwezigheidscode.ZK, Afwezigheidscode.MED, Afwezigheidscode.VRL,
                            Afwezigheidscode.SCH, Afwezigheidscode.REL);
                    if (dag != null) {
                        ongeoorloofd += dag.van(Afwezigheidscode.ONG, Afwezigheidscode.TL);
                        ziek += dag.van(Afwezigheidscode.ZK, Afwezigheidscode.MED);
                    }
                    afwezig += weg;
                    if (weg < lesminuten) {
                        elkeDagHeel = false;
                    }
                    if (weg > 0 && begindatum == null) {
                        begindatum = x;
                    }
                }
            }
            if (lopend) {
                if (afwezig * 2 < s) {
                    lopend = false; // afgerond; the window after this one may open a new one
                }
                continue;
            }
            String categorie = null;
            if (ongeoorloofd * 2 > s) {
                categorie = "A_LANGDURIG_RELATIEF_VERZUIM";
            } else if (ziek * 2 >= s) {
                categorie = "B_LANGDURIG_GEOORLOOFD_VERZUIM";
            } else if (elkeDagHeel && afwezig > 0) {
                categorie = ongeoorloofd > afwezig - ongeoorloofd ? "A_LANGDURIG_RELATIEF_VERZUIM"
                        : "B_LANGDURIG_GEOORLOOFD_VERZUIM";
            }
            if (categorie != null) {
                lopend = true;
                uitkomsten.add(new Uitkomst(categorie, Objects.requireNonNull(begindatum), null, null, laatsteSchooldag));
            }
        }
    }
}
