package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Testschool.d;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One case of the rule tables: a pupil, their registrations in order of arrival, a peildatum, and for each channel
 * it checks the complete list of decisions a person following the domain reference expects (written by hand as
 * short strings, see {@link #kort(Beslissing)}). A channel the case does not name is not checked.
 */
final class Geval {

    static final LocalDate TWAALF_JAAR = d("2014-03-17");

    final String naam;
    LocalDate geboortedatum = TWAALF_JAAR;
    boolean startkwalificatie;
    boolean meld18Plus16Uur;
    final List<Registratie> registraties = new ArrayList<>();
    final List<Beslissing> eerdere = new ArrayList<>();
    /** The school's own signal rules; none unless a case names them. */
    final List<Signaalregel> signalen = new ArrayList<>();
    LocalDate peildatum;
    final Map<Kanaal, List<String>> verwacht = new EnumMap<>(Kanaal.class);

    private Geval(String naam) {
        this.naam = naam;
    }

    /** A case, named after the rule of the domain reference it checks. */
    static Geval geval(String naam) {
        return new Geval(naam);
    }

    Geval geboren(String datum) {
        geboortedatum = datum == null ? null : d(datum);
        return this;
    }

    Geval metStartkwalificatie() {
        startkwalificatie = true;
        return this;
    }

    Geval meld18Plus16Uur() {
        meld18Plus16Uur = true;
        return this;
    }

    /** A whole-day registration (no times, no minutes: the day's lesminuten). */
    Geval heleDag(Afwezigheidscode code, String datum) {
        registraties.add(Registratie.heleDag(d(datum), code));
        return this;
    }

    /** Whole-day registrations on every weekday (Monday–Friday) from {@code van} to {@code tot}, except those named. */
    Geval heleDagen(Afwezigheidscode code, String van, String tot, String... behalve) {
        Set<LocalDate> niet = new HashSet<>();
        for (String dag : behalve) {
            niet.add(d(dag));
        }
        for (LocalDate dag = d(van); !dag.isAfter(d(tot)); dag = dag.plusDays(1)) {
            if (dag.getDayOfWeek() != DayOfWeek.SATURDAY && dag.getDayOfWeek() != DayOfWeek.SUNDAY && !niet.contains(dag)) {
                registraties.add(Registratie.heleDag(dag, code));
            }
        }
        return this;
    }

    /** A registration of {@code minuten} on every weekday from {@code van} to {@code tot}. */
    Geval dagelijks(Afwezigheidscode code, String van, String tot, int minuten) {
        for (LocalDate dag = d(van); !dag.isAfter(d(tot)); dag = dag.plusDays(1)) {
            if (dag.getDayOfWeek() != DayOfWeek.SATURDAY && dag.getDayOfWeek() != DayOfWeek.SUNDAY) {
                registraties.add(Registratie.minuten(dag, minuten, code));
            }
        }
        return this;
    }

    /**
     * On every weekday: {@code extra} for {@code extraMinuten} and {@code hoofd} for the rest of the timetable (330
     * minutes, 210 on Wednesday), so that the two fill the day together.
     */
    Geval dagelijksTotDeLesdag(Afwezigheidscode hoofd, Afwezigheidscode extra, int extraMinuten, String van,
                               String tot) {
        for (LocalDate dag = d(van); !dag.isAfter(d(tot)); dag = dag.plusDays(1)) {
            if (dag.getDayOfWeek() != DayOfWeek.SATURDAY && dag.getDayOfWeek() != DayOfWeek.SUNDAY) {
                int lesdag = dag.getDayOfWeek() == DayOfWeek.WEDNESDAY ? 210 : 330;
                registraties.add(Registratie.minuten(dag, lesdag - extraMinuten, hoofd));
                registraties.add(Registratie.minuten(dag, extraMinuten, extra));
            }
        }
        return this;
    }

    /** A registration of a number of minutes, without times. */
    Geval minuten(Afwezigheidscode code, String datum, int minuten) {
        registraties.add(Registratie.minuten(d(datum), minuten, code));
        return this;
    }

    /** A registration with a begintijd and minutes (its key includes the begintijd). */
    Geval vanaf(Afwezigheidscode code, String datum, String begintijd, int minuten) {
        registraties.add(new Registratie(d(datum), LocalTime.parse(begintijd), null, minuten, code, null));
        return this;
    }

    /** A registration of a number of minutes, without times, with the LAS's registratie_id. */
    Geval metId(String id, Afwezigheidscode code, String datum, int minuten) {
        registraties.add(new Registratie(d(datum), null, null, minuten, code, null, id));
        return this;
    }

    /** A registration with begin- and eindtijd and no minutes. */
    Geval tijden(Afwezigheidscode code, String datum, String begintijd, String eindtijd) {
        registraties.add(new Registratie(d(datum), LocalTime.parse(begintijd), LocalTime.parse(eindtijd), null, code,
                null));
        return this;
    }

    /** A 16-uur melding made in an earlier run of the connector. */
    Geval eerdere16Uur(String begindatum, String einddatum) {
        eerdere.add(new Beslissing(Verzuimsoort.RELATIEF_16_UUR, d(begindatum), d(einddatum), null, d(einddatum),
                "eerder", List.of()));
        return this;
    }

    /** The school's own signal rules for this case (issue 15). */
    Geval signalen(Signaalregel... regels) {
        signalen.addAll(List.of(regels));
        return this;
    }

    Geval signalen(List<Signaalregel> regels) {
        signalen.addAll(regels);
        return this;
    }

    Geval peildatum(String datum) {
        peildatum = d(datum);
        return this;
    }

    Geval duo(String... beslissingen) {
        verwacht.put(Kanaal.DUO, List.of(beslissingen));
        return this;
    }

    Geval ot(String... beslissingen) {
        verwacht.put(Kanaal.OT, List.of(beslissingen));
        return this;
    }

    Geval signaal(String... beslissingen) {
        verwacht.put(Kanaal.SIGNAAL, List.of(beslissingen));
        return this;
    }

    List<Beslissing> beoordeel() {
        return Beoordelaar.beoordeel(new Leerling("L1", geboortedatum, startkwalificatie), Testschool.KALENDER,
                new Regelinstellingen(meld18Plus16Uur, signalen), registraties, peildatum, eerdere);
    }

    @Override
    public String toString() {
        return naam;
    }

    // The short forms of expected decisions.

    static String r16(String begin, String eind, String uren) {
        return "RELATIEF_16_UUR " + begin + ".." + eind + " " + uren + " uur op " + eind;
    }

    static String lrv(String begin, String eind, String op) {
        return "LANGDURIG_RELATIEF " + begin + ".." + eind + " op " + op;
    }

    static String rmc(String begin, String eind, String op) {
        return "RMC " + begin + ".." + eind + " op " + op;
    }

    static String luxe(String begin, String eind) {
        return "LUXE " + begin + ".." + eind + " op " + begin;
    }

    static String otA(String begin, String op) {
        return "A_LANGDURIG_RELATIEF_VERZUIM " + begin + " op " + op;
    }

    static String otB(String begin, String op) {
        return "B_LANGDURIG_GEOORLOOFD_VERZUIM " + begin + " op " + op;
    }

    static String zas4(String begin) {
        return "ZAS_4E_ZIEKMELDING_IN_12_WEKEN " + begin + " op " + begin;
    }

    static String zas7(String begin, String op) {
        return "ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN " + begin + " op " + op;
    }

    /** A signal of the school's own policy: rule, step (or weekday), and the day it was reached. */
    static String sig(String regel, String stap, String op) {
        return regel + " stap " + stap + " " + op + " op " + op;
    }

    static String kort(Beslissing b) {
        StringBuilder s = new StringBuilder(b.soort().name()).append(' ');
        if (b.soort() instanceof Schoolsignaal signaal) {
            s.append("stap ").append(signaal.stap()).append(' ');
        }
        s.append(b.begindatum());
        if (b.einddatum() != null) {
            s.append("..").append(b.einddatum());
        }
        if (b.uren() != null) {
            s.append(' ').append(b.uren().toPlainString()).append(" uur");
        }
        return s.append(" op ").append(b.beslotenOp()).toString();
    }
}
