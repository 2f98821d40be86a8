package nl.verzuim.connector.web.plaatjes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.verzuim.connector.rules.Schoolkalender;

/**
 * A melding's window or run as a calendar: a row per week (Monday to Friday), each school day a cell with its code and
 * minutes (filled by the code's pattern), the days the melding counted drawn with a thick border and a ✓, vakanties
 * and vrije dagen greyed and named. With a threshold (16 uur: 960 minutes) each week row ends in a bar of the counted
 * minutes so far, and a dashed line marks the threshold.
 */
public final class Meldingkalender {

    static final int CEL_B = 74;
    static final int CEL_H = 50;
    static final int LINKS = 54;
    static final int BOVEN = 24;
    static final int BALK_B = 220;
    private static final DateTimeFormatter KORT = DateTimeFormatter.ofPattern("d MMM", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String[] DAGNAMEN = {"ma", "di", "wo", "do", "vr"};

    /** Longer runs are shown by their last weeks: a picture of a year's run would say nothing a table does not. */
    public static final int MAX_WEKEN = 26;

    private Meldingkalender() {
    }

    /**
     * @param van, tot         the melding's window or run (tot inclusive)
     * @param verzuim          the pupil's absence per day ({@link Dagverzuim#perDag})
     * @param geteld           the days the melding counted
     * @param drempelMinuten   the threshold to draw (960 for 16 uur), or null for none
     */
    public static Plaatje teken(String id, String titel, LocalDate van, LocalDate tot, Schoolkalender kalender,
                                Map<LocalDate, Dagverzuim> verzuim, Set<LocalDate> geteld, Integer drempelMinuten) {
        LocalDate eersteMaandag = Schoolkalender.maandagVan(van);
        LocalDate laatsteMaandag = Schoolkalender.maandagVan(tot.isBefore(van) ? van : tot);
        if (eersteMaandag.plusWeeks(MAX_WEKEN - 1).isBefore(laatsteMaandag)) {
            eersteMaandag = laatsteMaandag.minusWeeks(MAX_WEKEN - 1);
        }
        List<LocalDate> weken = new ArrayList<>();
        for (LocalDate m = eersteMaandag; !m.isAfter(laatsteMaandag); m = m.plusWeeks(1)) {
            weken.add(m);
        }

        List<List<String>> rijen = new ArrayList<>();
        int[] cumulatief = new int[weken.size()];
        int som = 0;
        int dagenGeteld = 0;
        LocalDate drempelBereikt = null;
        for (int w = 0; w < weken.size(); w++) {
            for (int d = 0; d < 5; d++) {
                LocalDate dag = weken.get(w).plusDays(d);
                Dagverzuim v = verzuim.get(dag);
                boolean telt = geteld.contains(dag);
                if (telt) {
                    dagenGeteld++;
                    som += v == null ? 0 : (drempelMinuten != null ? v.ongeoorloofd() : v.minuten());
                    if (drempelMinuten != null && drempelBereikt == null && som >= drempelMinuten) {
                        drempelBereikt = dag;
                    }
                }
                rijen.add(List.of(DATUM.format(dag), DAGNAMEN[d], soortDag(dag, kalender),
                        v == null ? "" : v.code().name(), v == null ? "" : Integer.toString(v.minuten()),
                        telt ? "ja" : ""));
            }
            cumulatief[w] = som;
        }

        StringBuilder zin = new StringBuilder();
        zin.append("Kalender van ").append(DATUM.format(weken.get(0))).append(" tot en met ")
                .append(DATUM.format(weken.get(weken.size() - 1).plusDays(4))).append(": ").append(dagenGeteld)
                .append(dagenGeteld == 1 ? " dag" : " dagen").append(" geteld, samen ").append(som).append(" minuten (")
                .append(uren(som)).append(" uur)");
        if (drempelMinuten != null) {
            zin.append("; grens ").append(uren(drempelMinuten)).append(" uur (").append(drempelMinuten)
                    .append(" minuten) ")
                    .append(drempelBereikt == null ? "niet bereikt" : "bereikt op " + DATUM.format(drempelBereikt));
        }
        zin.append(". Vakanties en vrije dagen zijn grijs.");

        int breedte = LINKS + 5 * CEL_B + (drempelMinuten != null ? BALK_B + 70 : 10);
        int hoogte = BOVEN + weken.size() * CEL_H + 60;
        Svg svg = new Svg(id, breedte, hoogte, titel, zin.toString());
        for (int d = 0; d < 5; d++) {
            svg.tekst(LINKS + d * CEL_B + CEL_B / 2.0, 16, DAGNAMEN[d], "middle", true);
        }
        int schaal = drempelMinuten == null ? 1 : Math.max(drempelMinuten * 5 / 4, som);
        int balkX = LINKS + 5 * CEL_B + 16;
        if (drempelMinuten != null) {
            svg.tekst(balkX, 16, "geteld t/m die week", "start", true);
        }
        for (int w = 0; w < weken.size(); w++) {
            LocalDate maandag = weken.get(w);
            double y = BOVEN + w * CEL_H;
            svg.tekst(4, y + 29, "wk " + maandag.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), "start", false);
            for (int d = 0; d < 5; d++) {
                LocalDate dag = maandag.plusDays(d);
                double x = LINKS + d * CEL_B;
                Dagverzuim v = verzuim.get(dag);
                boolean telt = geteld.contains(dag);
                boolean school = kalender.isSchooldag(dag);
                String vulling = !school ? svg.vulling(Svg.Vulling.GRIJS)
                        : v == null ? svg.vulling(Svg.Vulling.LICHT) : svg.vulling(Dagverzuim.vulling(v.code()));
                String klasse = "dag" + (school ? "" : " geen-les") + (telt ? " geteld" : "")
                        + (v == null ? "" : " code-" + v.code().name());
                String tip = DATUM.format(dag) + ": " + soortDag(dag, kalender)
                        + (v == null ? "" : ", " + v.code().omschrijving() + " " + v.minuten() + " min")
                        + (telt ? ", geteld" : "");
                svg.rechthoek(x + 2, y + 2, CEL_B - 4, CEL_H - 4, vulling, telt ? 3 : 0.5, klasse, tip);
                // the labels sit on a white plate, so that they read on any pattern
                svg.rechthoek(x + 5, y + 5, CEL_B - 10, 13, "#fff", 0, null, null);
                svg.tekst(x + 7, y + 15, KORT.format(dag).replace(".", "") + (telt ? " ✓" : ""), "start", telt);
                String regel = !school ? (kalender.inVakantie(dag) ? "vakantie" : "vrij")
                        : v == null ? "" : v.code().name() + " " + v.minuten() + "'";
                if (!regel.isEmpty()) {
                    svg.rechthoek(x + 5, y + 32, CEL_B - 10, 13, "#fff", 0, null, null);
                    svg.tekst(x + 7, y + 42, regel, "start", false);
                }
            }
            if (drempelMinuten != null) {
                double b = (double) BALK_B * cumulatief[w] / schaal;
                svg.rechthoek(balkX, y + 10, Math.max(b, 0.5), CEL_H - 20, svg.vulling(Svg.Vulling.ARCERING), 1,
                        "cumulatief", cumulatief[w] + " minuten geteld t/m deze week");
                svg.tekst(balkX + b + 4, y + 29, uren(cumulatief[w]) + " u", "start", false);
            }
        }
        if (drempelMinuten != null) {
            double x = balkX + (double) BALK_B * drempelMinuten / schaal;
            double onder = BOVEN + weken.size() * CEL_H;
            svg.lijn(x, BOVEN, x, onder + 4, 2, true, "drempel");
            svg.tekst(x, onder + 16, "grens " + uren(drempelMinuten) + " uur", "middle", true);
        }
        legenda(svg, hoogte - 22);
        return new Plaatje(id, titel, svg.af(), zin.toString(),
                List.of("Datum", "Dag", "Kalender", "Code", "Minuten", "Geteld"), rijen);
    }

    static void legenda(Svg svg, double y) {
        svg.legenda(4, y, 14, 18, 11)
                .vak(svg.vulling(Svg.Vulling.ARCERING), 0.5, "ongeoorloofd (ONG, TL)", 150)
                .vak(svg.vulling(Svg.Vulling.STIPPEN), 0.5, "ziek, medisch", 100)
                .vak(svg.vulling(Svg.Vulling.RUIT), 0.5, "ander verzuim", 100)
                .vak(svg.vulling(Svg.Vulling.GRIJS), 0.5, "vakantie, vrij", 100)
                .vak("#fff", 3, "✓ geteld", 0);
    }

    static String soortDag(LocalDate dag, Schoolkalender kalender) {
        if (dag.getDayOfWeek() == DayOfWeek.SATURDAY || dag.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return "weekend";
        }
        if (kalender.isSchooldag(dag)) {
            return "schooldag";
        }
        return kalender.inVakantie(dag) ? "vakantie" : "vrije dag";
    }

    static String uren(int minuten) {
        return minuten % 60 == 0 ? Integer.toString(minuten / 60)
                : String.format(Locale.ROOT, "%.1f", minuten / 60.0).replace('.', ',');
    }
}
