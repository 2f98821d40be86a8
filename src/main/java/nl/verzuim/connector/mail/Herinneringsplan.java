package nl.verzuim.connector.mail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.verzuim.connector.rules.Termijnen;

/**
 * Which reminders are due on a day — plain Java, the day is an argument (the route asks with the connector's
 * clock). Each reminder has a key built from what it is about and the date it is for, so that asking again the
 * same day, or the next days, never sends it twice.
 * <ul>
 * <li>OPGAVE: per school — every school, also one with nothing open (domain §4: its opgave is then "geen
 * zorgwekkend verzuim") — from {@code opgaveDagenVooraf} days before each of 15 September, 15 December, 15 March and
 * 15 June until the day before it (domain §4, seed 001: "voor" these days).</li>
 * <li>TWEE_MAANDEN: per open melding zorgwekkend verzuim, categorie A or B, two months after its start (seed 001
 * note 2: after two months of geoorloofd thuiszitten with the process stalled the school informs Leerplicht, "Dit
 * geldt ook bij vermoeden van ongeoorloofd verzuim" — so categorie A too, where domain §4 names B only; the seed
 * wins), up to {@code inhaalDagen} after that day.</li>
 * <li>OPSCHALING: per melding, the step of the opschalingsroute (4, 8, 11, 13 weeks after the first date of
 * zorgwekkend verzuim; 8 only with managementafstemming, Den Haag) reached last, up to {@code inhaalDagen} after
 * its date (a connector that was down sends it late, not never; one long off does not send stale steps).</li>
 * </ul>
 */
public final class Herinneringsplan {

    private Herinneringsplan() {
    }

    public enum Soort { OPGAVE, OPSCHALING, TWEE_MAANDEN }

    /**
     * An open OT melding as the plan needs it: no personal data.
     *
     * @param categorie the melding's soort ({@code Categorie} name: A_… or B_…)
     */
    public record Open(long meldingId, String schoolcode, String otId, String otStatus, LocalDate eersteDatum,
                       String categorie) {

        /** A melding zorgwekkend verzuim of categorie A (ongeoorloofd) or B (geoorloofd). */
        boolean zorgwekkend() {
            return categorie != null && (categorie.startsWith("A_") || categorie.startsWith("B_"));
        }
    }

    /**
     * @param datum for OPGAVE the opgavedatum it reminds of; for OPSCHALING the date the step was reached
     */
    public record Herinnering(Soort soort, String schoolcode, LocalDate datum, Termijnen.Opschalingsstap stap,
                              List<Open> meldingen) {

        /** Unique per (melding or school, kind, date): the mail outbox's sleutel. */
        public String sleutel() {
            return switch (soort) {
                case OPGAVE -> "opgave:" + schoolcode + ":" + datum;
                case OPSCHALING -> "opschaling:" + meldingen.get(0).meldingId() + ":" + stap + ":" + datum;
                case TWEE_MAANDEN -> "twee-maanden:" + meldingen.get(0).meldingId() + ":" + datum;
            };
        }
    }

    /**
     * @param scholen the codes (BRIN + vestiging) of every school the connector serves: each gets the opgave
     *                reminder, with its open meldingen or none
     * @param open    the open OT meldingen (of those schools; others get no opgave reminder: no one to mail)
     */
    public static List<Herinnering> watIsEr(LocalDate dag, List<String> scholen, List<Open> open,
                                            int opgaveDagenVooraf, boolean managementafstemming, int inhaalDagen) {
        List<Herinnering> uit = new ArrayList<>();
        LocalDate opgave = Termijnen.volgendeOpgavedatum(dag);
        if (!dag.isBefore(opgave.minusDays(opgaveDagenVooraf))) {
            Map<String, List<Open>> perSchool = new TreeMap<>();
            for (String school : scholen) {
                perSchool.put(school, new ArrayList<>());
            }
            for (Open m : open) {
                List<Open> vanSchool = perSchool.get(m.schoolcode());
                if (vanSchool != null) {
                    vanSchool.add(m);
                }
            }
            perSchool.forEach((school, meldingen) ->
                    uit.add(new Herinnering(Soort.OPGAVE, school, opgave, null, List.copyOf(meldingen))));
        }
        for (Open m : open) {
            Termijnen.Opschalingsmoment laatste = null;
            for (Termijnen.Opschalingsmoment moment : Termijnen.opschaling(m.eersteDatum())) {
                if (moment.stap().alleenDenHaag() && !managementafstemming) {
                    continue;
                }
                if (!moment.datum().isAfter(dag)) {
                    laatste = moment;
                }
            }
            if (laatste != null && !dag.isAfter(laatste.datum().plusDays(inhaalDagen))) {
                uit.add(new Herinnering(Soort.OPSCHALING, m.schoolcode(), laatste.datum(), laatste.stap(), List.of(m)));
            }
        }
        for (Open m : open) {
            LocalDate tweeMaanden = m.eersteDatum().plusMonths(2);
            if (m.zorgwekkend() && !dag.isBefore(tweeMaanden) && !dag.isAfter(tweeMaanden.plusDays(inhaalDagen))) {
                uit.add(new Herinnering(Soort.TWEE_MAANDEN, m.schoolcode(), tweeMaanden, null, List.of(m)));
            }
        }
        return uit;
    }
}
