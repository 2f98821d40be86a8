package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A pupil's registrations as the rules read them (domain §3 "Exact reading"): one entry per school day up to
 * the peildatum, with the minutes per meaning added up. Registrations on days that are no school day, and
 * {@code UIT}, are ignored; a later registration with the same key replaces the earlier.
 */
final class Verzuimdagen {

    /** The minutes of one school day. */
    static final class Dag {
        final LocalDate datum;
        final int lesminuten;
        int ongeoorloofd;
        int teLaatKeren;
        int luxe;
        int ziekOfMedisch;
        int ziek;
        int afwezig;
        final List<Registratie> registraties = new ArrayList<>(2);

        Dag(LocalDate datum, int lesminuten) {
            this.datum = datum;
            this.lesminuten = lesminuten;
        }

        boolean heleDagOngeoorloofd() {
            return ongeoorloofd >= lesminuten;
        }

        boolean heleDagAfwezig() {
            return afwezig >= lesminuten;
        }
    }

    private final NavigableMap<LocalDate, Dag> dagen;

    private Verzuimdagen(NavigableMap<LocalDate, Dag> dagen) {
        this.dagen = dagen;
    }

    static Verzuimdagen van(List<Registratie> registratiesInVolgorde, Schoolkalender kalender, LocalDate peildatum) {
        Map<Registratie.Sleutel, Registratie> laatste = new LinkedHashMap<>();
        for (Registratie registratie : registratiesInVolgorde) {
            laatste.put(registratie.sleutel(), registratie);
        }
        NavigableMap<LocalDate, Dag> dagen = new TreeMap<>();
        for (Registratie registratie : laatste.values()) {
            LocalDate datum = registratie.datum();
            if (datum.isAfter(peildatum) || registratie.code() == Afwezigheidscode.UIT) {
                continue;
            }
            int lesminuten = kalender.lesminuten(datum);
            if (lesminuten == 0) {
                continue;
            }
            Dag dag = dagen.computeIfAbsent(datum, d -> new Dag(d, lesminuten));
            int minuten = registratie.minutenOp(lesminuten);
            Afwezigheidscode code = registratie.code();
            dag.registraties.add(registratie);
            dag.afwezig += minuten;
            if (code.isOngeoorloofd()) {
                dag.ongeoorloofd += minuten;
            }
            if (code == Afwezigheidscode.TL) {
                dag.teLaatKeren++;
            }
            if (code == Afwezigheidscode.LUX) {
                dag.luxe += minuten;
            }
            if (code.isZiekteOfMedisch()) {
                dag.ziekOfMedisch += minuten;
            }
            if (code == Afwezigheidscode.ZK) {
                dag.ziek += minuten;
            }
        }
        return new Verzuimdagen(dagen);
    }

    /** The same days, from {@code vanaf} on (DUO rules ignore days before leerplicht starts). */
    Verzuimdagen vanaf(LocalDate vanaf) {
        return new Verzuimdagen(dagen.tailMap(vanaf, true));
    }

    boolean isLeeg() {
        return dagen.isEmpty();
    }

    Iterable<Dag> alle() {
        return Collections.unmodifiableCollection(dagen.values());
    }

    Dag op(LocalDate datum) {
        return dagen.get(datum);
    }

    /** The days from {@code van} up to and including {@code tot}. */
    Iterable<Dag> tussen(LocalDate van, LocalDate tot) {
        if (tot.isBefore(van)) {
            return List.of();
        }
        return Collections.unmodifiableCollection(dagen.subMap(van, true, tot, true).values());
    }

    LocalDate eerste() {
        return dagen.isEmpty() ? null : dagen.firstKey();
    }

    LocalDate laatste() {
        return dagen.isEmpty() ? null : dagen.lastKey();
    }

    /**
     * Runs of school days that satisfy {@code hoort}, where the next school day continues a run (days that are
     * no school day do not break it).
     */
    List<List<Dag>> reeksen(Schoolkalender kalender, java.util.function.Predicate<Dag> hoort) {
        List<List<Dag>> reeksen = new ArrayList<>();
        List<Dag> huidige = null;
        LocalDate verwachteVolgende = null;
        for (Dag dag : dagen.values()) {
            if (!hoort.test(dag)) {
                huidige = null;
                continue;
            }
            if (huidige != null && dag.datum.equals(verwachteVolgende)) {
                huidige.add(dag);
            } else {
                huidige = new ArrayList<>();
                huidige.add(dag);
                reeksen.add(huidige);
            }
            verwachteVolgende = kalender.volgendeSchooldag(dag.datum);
        }
        return reeksen;
    }
}
