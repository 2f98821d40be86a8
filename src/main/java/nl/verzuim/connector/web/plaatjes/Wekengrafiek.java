package nl.verzuim.connector.web.plaatjes;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.rules.Schoolkalender;

/**
 * New meldingen per week per kanaal over the last {@link #WEKEN} weeks, as grouped bars: DUO solid, OT hatched,
 * signals dotted, each bar with its number above it. The weeks are Monday to Sunday, the last one holding
 * {@code vandaag} — which the caller takes from the injected clock, never the system date.
 */
public final class Wekengrafiek {

    public static final int WEKEN = 12;
    private static final List<Kanaal> KANALEN = List.of(Kanaal.DUO, Kanaal.OT, Kanaal.SIGNAAL);
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final int LINKS = 36;
    private static final int KOLOM = 54;
    private static final int HOOGTE = 160;

    private Wekengrafiek() {
    }

    /** A melding made on {@code dag} (in the connector's time zone) for {@code kanaal}. */
    public record Nieuw(LocalDate dag, Kanaal kanaal) {
    }

    /** The Mondays of the {@link #WEKEN} weeks up to and including {@code vandaag}'s, oldest first. */
    public static List<LocalDate> weken(LocalDate vandaag) {
        LocalDate laatste = Schoolkalender.maandagVan(vandaag);
        List<LocalDate> weken = new ArrayList<>(WEKEN);
        for (int i = WEKEN - 1; i >= 0; i--) {
            weken.add(laatste.minusWeeks(i));
        }
        return weken;
    }

    /** The count per week (its Monday) and kanaal; meldingen outside the weeks (or after vandaag) are not counted. */
    public static Map<LocalDate, Map<Kanaal, Integer>> tel(LocalDate vandaag, List<Nieuw> meldingen) {
        Map<LocalDate, Map<Kanaal, Integer>> bakken = new LinkedHashMap<>();
        for (LocalDate maandag : weken(vandaag)) {
            Map<Kanaal, Integer> nul = new EnumMap<>(Kanaal.class);
            KANALEN.forEach(k -> nul.put(k, 0));
            bakken.put(maandag, nul);
        }
        for (Nieuw n : meldingen) {
            if (n.dag().isAfter(vandaag)) {
                continue;
            }
            Map<Kanaal, Integer> bak = bakken.get(Schoolkalender.maandagVan(n.dag()));
            if (bak != null) {
                bak.merge(n.kanaal(), 1, Integer::sum);
            }
        }
        return bakken;
    }

    public static Plaatje teken(String id, LocalDate vandaag, List<Nieuw> meldingen) {
        Map<LocalDate, Map<Kanaal, Integer>> bakken = tel(vandaag, meldingen);
        int max = 1;
        int[] totaal = new int[KANALEN.size()];
        List<List<String>> rijen = new ArrayList<>();
        for (Map.Entry<LocalDate, Map<Kanaal, Integer>> e : bakken.entrySet()) {
            List<String> rij = new ArrayList<>();
            rij.add("week " + e.getKey().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " (vanaf " + DATUM.format(e.getKey())
                    + ")");
            for (int k = 0; k < KANALEN.size(); k++) {
                int n = e.getValue().get(KANALEN.get(k));
                max = Math.max(max, n);
                totaal[k] += n;
                rij.add(Integer.toString(n));
            }
            rijen.add(rij);
        }
        String titel = "Nieuwe meldingen per week per kanaal, laatste " + WEKEN + " weken";
        LocalDate eerste = bakken.keySet().iterator().next();
        String zin = "Nieuwe meldingen van " + DATUM.format(eerste) + " tot en met " + DATUM.format(vandaag) + ": "
                + totaal[0] + " DUO, " + totaal[1] + " OT, " + totaal[2] + " signalen.";

        int breedte = LINKS + WEKEN * KOLOM + 10;
        int hoogte = HOOGTE + 70;
        Svg svg = new Svg(id, breedte, hoogte, titel, zin);
        double basis = 14 + HOOGTE;
        svg.lijn(LINKS, basis, LINKS + WEKEN * KOLOM, basis, 1, false, null);
        svg.tekst(LINKS - 4, basis, "0", "end", false);
        svg.tekst(LINKS - 4, 24, Integer.toString(max), "end", false);
        svg.lijn(LINKS - 2, 20, LINKS + WEKEN * KOLOM, 20, 0.3, true, null);
        int w = 0;
        for (Map.Entry<LocalDate, Map<Kanaal, Integer>> e : bakken.entrySet()) {
            double x = LINKS + w * KOLOM + 6;
            for (int k = 0; k < KANALEN.size(); k++) {
                int n = e.getValue().get(KANALEN.get(k));
                double h = (HOOGTE - 14) * (double) n / max;
                if (n > 0) {
                    svg.rechthoek(x + k * 14, basis - h, 13, h, svg.vulling(vulling(KANALEN.get(k))), 1,
                            "staaf " + KANALEN.get(k).name(), n + " " + KANALEN.get(k).name() + " in week vanaf "
                                    + DATUM.format(e.getKey()));
                    svg.tekst(x + k * 14 + 6.5, basis - h - 3, Integer.toString(n), "middle", false);
                }
            }
            svg.tekst(LINKS + w * KOLOM + KOLOM / 2.0, basis + 14,
                    "wk " + e.getKey().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), "middle", false);
            w++;
        }
        double y = hoogte - 22;
        double x = LINKS;
        for (Kanaal k : KANALEN) {
            svg.rechthoek(x, y, 14, 14, svg.vulling(vulling(k)), 1, null, null);
            svg.tekst(x + 18, y + 11, k == Kanaal.SIGNAAL ? "signaal" : k.name(), "start", false);
            x += 90;
        }
        return new Plaatje(id, titel, svg.af(), zin, List.of("Week", "DUO", "OT", "Signaal"), rijen);
    }

    private static Svg.Vulling vulling(Kanaal k) {
        return switch (k) {
            case DUO -> Svg.Vulling.DONKER;
            case OT -> Svg.Vulling.ARCERING;
            case SIGNAAL -> Svg.Vulling.STIPPEN;
        };
    }
}
