package nl.verzuim.connector.web.plaatjes;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The region's ambition (seed 001: no child longer than three months at home without a started offer) as a figure:
 * per school a bar of its open OT meldingen, the part open longer than {@link #WEKEN} weeks drawn dark, hatched and
 * named beside the bar with a ⚠, so it stands out without colour. A melding's age counts from its begindatum (the first
 * day of the absence it reports): the ambition counts the time at home, not the time since the connector decided.
 */
public final class Ambitiegrafiek {

    public static final int WEKEN = 13;
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final int LINKS = 220;
    private static final int BALK = 300;
    private static final int RIJ = 28;

    private Ambitiegrafiek() {
    }

    /** An open OT melding of {@code school}, absent since {@code sinds}. */
    public record Open(String school, LocalDate sinds) {
    }

    /** Per school (sorted by name): open, and of those longer than {@link #WEKEN} weeks. */
    public record Telling(String school, int open, int teLang) {
    }

    /** Longer than 13 weeks: begun before vandaag − 13 weeks. */
    public static boolean teLang(LocalDate sinds, LocalDate vandaag) {
        return sinds.isBefore(vandaag.minusWeeks(WEKEN));
    }

    public static List<Telling> tel(LocalDate vandaag, List<Open> open) {
        Map<String, int[]> per = new TreeMap<>();
        for (Open o : open) {
            int[] t = per.computeIfAbsent(o.school(), s -> new int[2]);
            t[0]++;
            if (teLang(o.sinds(), vandaag)) {
                t[1]++;
            }
        }
        List<Telling> tellingen = new ArrayList<>();
        per.forEach((s, t) -> tellingen.add(new Telling(s, t[0], t[1])));
        return tellingen;
    }

    public static Plaatje teken(String id, LocalDate vandaag, List<Open> open) {
        List<Telling> tellingen = tel(vandaag, open);
        int max = Math.max(1, tellingen.stream().mapToInt(Telling::open).max().orElse(1));
        int teLang = tellingen.stream().mapToInt(Telling::teLang).sum();
        String titel = "Open OT-meldingen per school, langer dan " + WEKEN + " weken gemarkeerd";
        String zin = open.size() + " open OT-meldingen, waarvan " + teLang + " langer dan " + WEKEN
                + " weken open (begonnen voor " + DATUM.format(vandaag.minusWeeks(WEKEN))
                + "). Ambitie: geen kind langer dan drie maanden thuis zonder aanbod"
                + (teLang == 0 ? " — gehaald." : " — niet gehaald.");
        List<List<String>> rijen = new ArrayList<>();
        for (Telling t : tellingen) {
            rijen.add(List.of(t.school(), Integer.toString(t.open()), Integer.toString(t.teLang())));
        }

        int hoogte = 30 + Math.max(1, tellingen.size()) * RIJ + 34;
        Svg svg = new Svg(id, LINKS + BALK + 200, hoogte, titel, zin);
        svg.tekst(4, 16, "school", "start", true);
        svg.tekst(LINKS, 16, "open OT-meldingen", "start", true);
        if (tellingen.isEmpty()) {
            svg.tekst(LINKS, 44, "geen open OT-meldingen", "start", false);
        }
        for (int i = 0; i < tellingen.size(); i++) {
            Telling t = tellingen.get(i);
            double y = 26 + i * RIJ;
            svg.tekst(4, y + 15, kort(t.school()), "start", t.teLang() > 0);
            double b = (double) BALK * t.open() / max;
            double l = (double) BALK * t.teLang() / max;
            svg.rechthoek(LINKS, y + 3, b, RIJ - 8, svg.vulling(Svg.Vulling.LICHT), 1, "open",
                    t.open() + " open bij " + t.school());
            if (t.teLang() > 0) {
                svg.rechthoek(LINKS, y + 3, l, RIJ - 8, svg.vulling(Svg.Vulling.ARCERING), 2.5, "te-lang",
                        t.teLang() + " langer dan " + WEKEN + " weken bij " + t.school());
            }
            svg.tekst(LINKS + b + 6, y + 15, t.open() + (t.teLang() > 0 ? " — ⚠ " + t.teLang() + " langer dan "
                    + WEKEN + " weken" : ""), "start", t.teLang() > 0);
        }
        double y = hoogte - 22;
        svg.rechthoek(4, y, 14, 14, "#fff", 1, null, null);
        svg.tekst(22, y + 11, "open", "start", false);
        svg.rechthoek(70, y, 14, 14, svg.vulling(Svg.Vulling.ARCERING), 2.5, null, null);
        svg.tekst(88, y + 11, "⚠ langer dan " + WEKEN + " weken open (ambitie: 0)", "start", false);
        return new Plaatje(id, titel, svg.af(), zin,
                List.of("School", "Open OT-meldingen", "Waarvan langer dan " + WEKEN + " weken"), rijen);
    }

    private static String kort(String naam) {
        return naam.length() <= 34 ? naam : naam.substring(0, 33) + "…";
    }
}
