package nl.verzuim.connector.web.plaatjes;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.rules.Schoolkalender;

/**
 * A pupil's school year as a heat map: a column per week, a row per weekday; a school day's cell is darker the larger
 * the share of its lesson minutes the pupil was absent (four steps, each also a number 1–3 in the cell's tooltip and
 * the table), and hatched when the day's code is ongeoorloofd; vakanties and vrije dagen greyed. Below it, on one line
 * on the same time axis, every melding and signal of the pupil: DUO a square, OT a triangle, a signal a circle, each
 * numbered.
 */
public final class Jaarkaart {

    static final int CEL = 13;
    static final int LINKS = 26;
    static final int BOVEN = 22;
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter MAAND = DateTimeFormatter.ofPattern("MMM", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter MAAND_LANG = DateTimeFormatter.ofPattern("MMMM yyyy",
            Locale.forLanguageTag("nl"));
    private static final String[] DAGNAMEN = {"ma", "di", "wo", "do", "vr"};

    private Jaarkaart() {
    }

    /** A melding or signal on the line: its number, kanaal, what it is and when. */
    public record Gebeurtenis(long id, Kanaal kanaal, String wat, LocalDate van, LocalDate tot) {
    }

    /** 0: not absent; 1: up to a third of the day; 2: up to two thirds; 3: more. */
    public static int stap(Dagverzuim v, int lesminuten) {
        if (v == null || v.minuten() == 0) {
            return 0;
        }
        if (lesminuten <= 0) {
            return 3;
        }
        int m = v.minuten();
        return 3 * m <= lesminuten ? 1 : 3 * m <= 2 * lesminuten ? 2 : 3;
    }

    public static Plaatje teken(String id, String titel, LocalDate begin, LocalDate einde, Schoolkalender kalender,
                                Map<LocalDate, Dagverzuim> verzuim, List<Gebeurtenis> gebeurtenissen) {
        LocalDate eersteMaandag = Schoolkalender.maandagVan(begin);
        int weken = (int) ChronoUnit.WEEKS.between(eersteMaandag, Schoolkalender.maandagVan(einde)) + 1;
        int breedte = LINKS + weken * CEL + 20;
        int hoogte = BOVEN + 5 * CEL + 134;

        // the text equivalent: per month, the school days, the days absent and the minutes by kind
        Map<LocalDate, int[]> perMaand = new TreeMap<>();
        int dagenAfwezig = 0;
        for (LocalDate d = begin; !d.isAfter(einde); d = d.plusDays(1)) {
            int[] m = perMaand.computeIfAbsent(d.withDayOfMonth(1), x -> new int[4]);
            if (kalender.isSchooldag(d)) {
                m[0]++;
            }
            Dagverzuim v = verzuim.get(d);
            if (v != null && v.minuten() > 0) {
                m[1]++;
                m[2] += v.ongeoorloofd();
                m[3] += v.ziek();
                dagenAfwezig++;
            }
        }
        List<List<String>> rijen = new ArrayList<>();
        perMaand.forEach((m, t) -> rijen.add(List.of(MAAND_LANG.format(m), Integer.toString(t[0]),
                Integer.toString(t[1]), Integer.toString(t[2]), Integer.toString(t[3]))));
        StringBuilder zin = new StringBuilder("Schooljaar van ").append(DATUM.format(begin)).append(" tot en met ")
                .append(DATUM.format(einde)).append(": ").append(dagenAfwezig).append(" dagen met verzuim. ");
        if (gebeurtenissen.isEmpty()) {
            zin.append("Geen meldingen of signalen.");
        } else {
            zin.append("Meldingen en signalen: ");
            for (int i = 0; i < gebeurtenissen.size(); i++) {
                Gebeurtenis g = gebeurtenissen.get(i);
                zin.append(i == 0 ? "" : "; ").append('#').append(g.id()).append(' ').append(g.kanaal().name())
                        .append(' ').append(g.wat()).append(" vanaf ").append(DATUM.format(g.van()));
                if (g.tot() != null && !g.tot().equals(g.van())) {
                    zin.append(" tot en met ").append(DATUM.format(g.tot()));
                }
            }
            zin.append('.');
        }

        Svg svg = new Svg(id, breedte, hoogte, titel, zin.toString());
        for (int r = 0; r < 5; r++) {
            svg.tekst(2, BOVEN + r * CEL + 10, DAGNAMEN[r], "start", false);
        }
        int vorigeMaand = -1;
        for (int w = 0; w < weken; w++) {
            LocalDate maandag = eersteMaandag.plusWeeks(w);
            double x = LINKS + w * CEL;
            LocalDate vrijdag = maandag.plusDays(4);
            if (vrijdag.getMonthValue() != vorigeMaand && !vrijdag.isBefore(begin)) {
                vorigeMaand = vrijdag.getMonthValue();
                svg.tekst(x, 14, MAAND.format(vrijdag).replace(".", ""), "start", false);
            }
            for (int r = 0; r < 5; r++) {
                LocalDate dag = maandag.plusDays(r);
                if (dag.isBefore(begin) || dag.isAfter(einde)) {
                    continue;
                }
                double y = BOVEN + r * CEL;
                Dagverzuim v = verzuim.get(dag);
                String tip = DATUM.format(dag);
                if (!kalender.isSchooldag(dag)) {
                    svg.rechthoek(x, y, CEL - 1, CEL - 1, svg.vulling(Svg.Vulling.GRIJS), 0.3, "dag geen-les",
                            tip + ": " + Meldingkalender.soortDag(dag, kalender));
                    continue;
                }
                int stap = stap(v, kalender.lesminuten(dag));
                String vulling = stap == 0 ? "#fff" : stap == 1 ? "#c8c8c8" : stap == 2 ? "#808080" : "#303030";
                svg.rechthoek(x, y, CEL - 1, CEL - 1, vulling, 0.3, "dag stap-" + stap,
                        tip + (v == null ? ": aanwezig" : ": " + v.code().omschrijving() + ", " + v.minuten()
                                + " min (stap " + stap + ")"));
                if (v != null && v.code().isOngeoorloofd()) {
                    // hatching over the grey step (white on the dark ones): ongeoorloofd reads without colour and in print
                    svg.rechthoek(x, y, CEL - 1, CEL - 1, svg.vulling(stap == 3 ? Svg.Vulling.STREEP_WIT
                            : Svg.Vulling.STREEP), 0, "ongeoorloofd", null);
                }
            }
        }
        // the line of meldingen and signals, on the same time axis
        double lijnY = BOVEN + 5 * CEL + 26;
        svg.tekst(2, lijnY - 14, "meldingen en signalen", "start", true);
        svg.lijn(LINKS, lijnY, LINKS + weken * CEL, lijnY, 1, false, "tijdlijn");
        List<double[]> geplaatst = new ArrayList<>(); // x and row of each number below the line, so none overlap
        for (Gebeurtenis g : gebeurtenissen) {
            double x1 = LINKS + CEL * ChronoUnit.DAYS.between(eersteMaandag, klem(g.van(), begin, einde)) / 7.0;
            if (g.tot() != null && g.tot().isAfter(g.van())) {
                double x2 = LINKS + CEL * ChronoUnit.DAYS.between(eersteMaandag, klem(g.tot(), begin, einde)) / 7.0;
                svg.lijn(x1, lijnY, x2, lijnY, 4, false, "periode");
            }
            String vorm = switch (g.kanaal()) {
                case DUO -> "vierkant";
                case OT -> "driehoek";
                case SIGNAAL -> "cirkel";
            };
            svg.merkteken(x1, lijnY, 5, vorm, "#" + g.id() + " " + g.kanaal().name() + " " + g.wat() + " vanaf "
                    + DATUM.format(g.van()));
            int rij = 0;
            while (rij < 3 && bezet(geplaatst, x1, rij)) {
                rij++;
            }
            geplaatst.add(new double[] {x1, rij});
            svg.tekst(x1, lijnY + 18 + rij * 12, "#" + g.id(), "middle", false);
        }
        // (the numbers below the line take up to three rows before the legend)
        svg.legenda(2, hoogte - 20, 12, 15, 10)
                .vak("#fff", 0.5, "aanwezig", 74).vak("#c8c8c8", 0.5, "≤ ⅓ dag", 74)
                .vak("#808080", 0.5, "≤ ⅔ dag", 74).vak("#303030", 0.5, "> ⅔ dag", 74)
                .onder("#c8c8c8", 0.5).vak(svg.vulling(Svg.Vulling.STREEP), 0, "ongeoorloofd", 90)
                .vak(svg.vulling(Svg.Vulling.GRIJS), 0.5, "vakantie, vrij", 90)
                .merk("vierkant", "DUO", 50).merk("driehoek", "OT", 44).merk("cirkel", "signaal", 0);
        return new Plaatje(id, titel, svg.af(), zin.toString(),
                List.of("Maand", "Schooldagen", "Dagen met verzuim", "Minuten ongeoorloofd", "Minuten ziek"), rijen);
    }

    private static boolean bezet(List<double[]> geplaatst, double x, int rij) {
        return geplaatst.stream().anyMatch(p -> p[1] == rij && Math.abs(p[0] - x) < 22);
    }

    private static LocalDate klem(LocalDate d, LocalDate begin, LocalDate einde) {
        return d.isBefore(begin) ? begin : d.isAfter(einde) ? einde : d;
    }
}
