package nl.verzuim.connector.web.plaatjes;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Schoolkalender;

/**
 * One school day's absence as a picture shows it: the minutes per code (counted as the rules count them,
 * {@link Registratie#minutenOp}), and the code with the most minutes as the day's code. UIT (the pupil was present)
 * is left out.
 */
public record Dagverzuim(LocalDate dag, Map<Afwezigheidscode, Integer> perCode) {

    public Dagverzuim {
        perCode = Map.copyOf(perCode);
    }

    /** The day's code: the one with the most minutes (on a tie the first in the enum's order). */
    public Afwezigheidscode code() {
        Afwezigheidscode beste = null;
        for (Afwezigheidscode c : Afwezigheidscode.values()) {
            if (perCode.getOrDefault(c, 0) > 0 && (beste == null || perCode.get(c) > perCode.get(beste))) {
                beste = c;
            }
        }
        return beste;
    }

    public int minuten() {
        return perCode.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int ongeoorloofd() {
        return perCode.entrySet().stream().filter(e -> e.getKey().isOngeoorloofd()).mapToInt(Map.Entry::getValue).sum();
    }

    public int ziek() {
        return perCode.entrySet().stream().filter(e -> e.getKey().isZiekteOfMedisch())
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** The registrations per day, in date order; days without absence are not in it. */
    public static Map<LocalDate, Dagverzuim> perDag(List<Registratie> registraties, Schoolkalender kalender) {
        Map<LocalDate, Map<Afwezigheidscode, Integer>> som = new TreeMap<>();
        for (Registratie r : registraties) {
            if (!r.code().isAfwezig()) {
                continue;
            }
            int minuten = r.minutenOp(kalender.lesminuten(r.datum()));
            som.computeIfAbsent(r.datum(), d -> new EnumMap<>(Afwezigheidscode.class))
                    .merge(r.code(), minuten, Integer::sum);
        }
        Map<LocalDate, Dagverzuim> dagen = new TreeMap<>();
        som.forEach((dag, perCode) -> dagen.put(dag, new Dagverzuim(dag, perCode)));
        return dagen;
    }

    /** The fill that shows a code: hatching for ongeoorloofd, dots for ziek/medisch, cross-hatching otherwise. */
    static Svg.Vulling vulling(Afwezigheidscode code) {
        if (code.isOngeoorloofd()) {
            return Svg.Vulling.ARCERING;
        }
        return code.isZiekteOfMedisch() ? Svg.Vulling.STIPPEN : Svg.Vulling.RUIT;
    }
}
