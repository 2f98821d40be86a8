package nl.verzuim.connector.web.plaatjes;

import java.util.Locale;

/**
 * A small SVG writer. Every text and attribute value goes through {@link #escape}: the page puts the SVG in unescaped
 * (it is markup), so this is the one place that keeps a school's name or a LAS code from becoming markup. The fills are
 * presentation attributes and black-and-grey patterns, so a picture reads the same without the stylesheet, in print
 * and without colour. Pattern ids carry the picture's id: several pictures share one page's id space.
 */
public final class Svg {

    /** Fills, by meaning; {@link #vulling} turns one into a pattern reference. */
    public enum Vulling {
        /** ongeoorloofd (ONG, TL): diagonal hatching. */
        ARCERING,
        /** ziek or medisch: dots. */
        STIPPEN,
        /** other absence (luxe, verlof, schorsing, ...): cross-hatching. */
        RUIT,
        /** no lessons (vakantie, vrije dag): fine horizontal lines on light grey. */
        GRIJS,
        /** hatching without a ground, black: laid over a light fill. */
        STREEP,
        /** hatching without a ground, white: laid over a dark fill. */
        STREEP_WIT,
        /** solid dark. */
        DONKER,
        /** solid light. */
        LICHT
    }

    private final String id;
    private final StringBuilder b = new StringBuilder(4096);

    /**
     * @param id           unique on the page; the {@code <title>} and {@code <desc>} get ids from it for
     *                     {@code aria-labelledby}
     * @param titel        the picture's name
     * @param beschrijving what it shows, in a sentence (the text equivalent's summary)
     */
    public Svg(String id, int breedte, int hoogte, String titel, String beschrijving) {
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("id: kleine letters, cijfers en '-'");
        }
        this.id = id;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plaatje\" id=\"").append(id)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-titel ").append(id)
                .append("-desc\" width=\"").append(breedte).append("\" height=\"").append(hoogte)
                .append("\" viewBox=\"0 0 ").append(breedte).append(' ').append(hoogte)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">");
        b.append("<title id=\"").append(id).append("-titel\">").append(escape(titel)).append("</title>");
        b.append("<desc id=\"").append(id).append("-desc\">").append(escape(beschrijving)).append("</desc>");
        b.append("<defs>")
                .append(patroon("arcering", "<rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
                        + "<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5\" stroke=\"#000\" stroke-width=\"1.4\"/>"))
                .append(patroon("stippen", "<rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
                        + "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#000\"/>"))
                .append(patroon("ruit", "<rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
                        + "<path d=\"M0,3 L6,3 M3,0 L3,6\" stroke=\"#000\" stroke-width=\"1\"/>"))
                .append(patroon("streep", "<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5\" stroke=\"#000\" stroke-width=\"1.2\"/>"))
                .append(patroon("streep-wit", "<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5\" stroke=\"#fff\" stroke-width=\"1.2\"/>"))
                .append(patroon("grijs", "<rect width=\"6\" height=\"6\" fill=\"#e4e4e4\"/>"
                        + "<path d=\"M0,3 L6,3\" stroke=\"#b0b0b0\" stroke-width=\"1\"/>"))
                .append("</defs>");
    }

    private String patroon(String naam, String inhoud) {
        return "<pattern id=\"" + id + "-" + naam + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                + inhoud + "</pattern>";
    }

    /** Text made safe for an SVG text node or a quoted attribute value. */
    public static String escape(String tekst) {
        if (tekst == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(tekst.length() + 16);
        for (int i = 0; i < tekst.length(); i++) {
            char c = tekst.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /** The fill attribute value for a meaning. */
    public String vulling(Vulling v) {
        return switch (v) {
            case ARCERING -> "url(#" + id + "-arcering)";
            case STIPPEN -> "url(#" + id + "-stippen)";
            case RUIT -> "url(#" + id + "-ruit)";
            case GRIJS -> "url(#" + id + "-grijs)";
            case STREEP -> "url(#" + id + "-streep)";
            case STREEP_WIT -> "url(#" + id + "-streep-wit)";
            case DONKER -> "#333";
            case LICHT -> "#fff";
        };
    }

    /** A rectangle; {@code klasse} for the stylesheet and tests, {@code tip} (may be null) as its tooltip. */
    public Svg rechthoek(double x, double y, double w, double h, String vulling, double rand, String klasse, String tip) {
        b.append("<rect x=\"").append(getal(x)).append("\" y=\"").append(getal(y)).append("\" width=\"")
                .append(getal(w)).append("\" height=\"").append(getal(h)).append("\" fill=\"").append(escape(vulling))
                .append("\" stroke=\"#000\" stroke-width=\"").append(getal(rand)).append('"');
        if (klasse != null) {
            b.append(" class=\"").append(escape(klasse)).append('"');
        }
        if (tip == null) {
            b.append("/>");
        } else {
            b.append("><title>").append(escape(tip)).append("</title></rect>");
        }
        return this;
    }

    /**
     * A legend row starting at ({@code x}, {@code y}): swatches of {@code maat} square, each with its words at
     * ({@code tekstX}, {@code tekstY}) from the swatch.
     */
    public Legenda legenda(double x, double y, double maat, double tekstX, double tekstY) {
        return new Legenda(x, new Vak(y, maat, tekstX, tekstY));
    }

    /** Where a legend's swatches and their words sit: the row, the swatch's size, the words' offset. */
    private record Vak(double y, double maat, double tekstX, double tekstY) {
    }

    /** The entries of a legend, left to right; each says how far the next one starts. */
    public final class Legenda {

        private double x;
        private final Vak vak;

        private Legenda(double x, Vak vak) {
            this.x = x;
            this.vak = vak;
        }

        /** A swatch without words, under the next one (a ground for a pattern laid over it). */
        public Legenda onder(String vulling, double rand) {
            rechthoek(x, vak.y(), vak.maat(), vak.maat(), vulling, rand, null, null);
            return this;
        }

        /** A swatch filled with {@code vulling}, and its words. */
        public Legenda vak(String vulling, double rand, String woorden, double breedte) {
            return onder(vulling, rand).woorden(woorden, breedte);
        }

        /** A mark ({@link #merkteken}'s {@code vorm}) in the swatch's middle, and its words. */
        public Legenda merk(String vorm, String woorden, double breedte) {
            merkteken(x + vak.maat() / 2, vak.y() + vak.maat() / 2, 5, vorm, null);
            return woorden(woorden, breedte);
        }

        private Legenda woorden(String woorden, double breedte) {
            tekst(x + vak.tekstX(), vak.y() + vak.tekstY(), woorden, "start", false);
            x += breedte;
            return this;
        }
    }

    /** Text; {@code anker} start, middle or end. */
    public Svg tekst(double x, double y, String tekst, String anker, boolean vet) {
        b.append("<text x=\"").append(getal(x)).append("\" y=\"").append(getal(y)).append("\" text-anchor=\"")
                .append(escape(anker)).append('"');
        if (vet) {
            b.append(" font-weight=\"bold\"");
        }
        b.append('>').append(escape(tekst)).append("</text>");
        return this;
    }

    /** A line; dashed when {@code gestreept}. */
    public Svg lijn(double x1, double y1, double x2, double y2, double dikte, boolean gestreept, String klasse) {
        b.append("<line x1=\"").append(getal(x1)).append("\" y1=\"").append(getal(y1)).append("\" x2=\"")
                .append(getal(x2)).append("\" y2=\"").append(getal(y2)).append("\" stroke=\"#000\" stroke-width=\"")
                .append(getal(dikte)).append('"');
        if (gestreept) {
            b.append(" stroke-dasharray=\"6 3\"");
        }
        if (klasse != null) {
            b.append(" class=\"").append(escape(klasse)).append('"');
        }
        b.append("/>");
        return this;
    }

    /** A marker shape: a square, a triangle or a circle of size {@code r} around (x, y). */
    public Svg merkteken(double x, double y, double r, String vorm, String tip) {
        String t = tip == null ? "" : "<title>" + escape(tip) + "</title>";
        switch (vorm) {
            case "driehoek" -> b.append("<path d=\"M").append(getal(x)).append(',').append(getal(y - r)).append(" L")
                    .append(getal(x + r)).append(',').append(getal(y + r)).append(" L").append(getal(x - r)).append(',')
                    .append(getal(y + r)).append(" Z\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"1.5\">").append(t)
                    .append("</path>");
            case "cirkel" -> b.append("<circle cx=\"").append(getal(x)).append("\" cy=\"").append(getal(y))
                    .append("\" r=\"").append(getal(r)).append("\" fill=\"#000\">").append(t).append("</circle>");
            default -> b.append("<rect x=\"").append(getal(x - r)).append("\" y=\"").append(getal(y - r))
                    .append("\" width=\"").append(getal(2 * r)).append("\" height=\"").append(getal(2 * r))
                    .append("\" fill=\"#333\">").append(t).append("</rect>");
        }
        return this;
    }

    /** The finished SVG. */
    public String af() {
        return b + "</svg>";
    }

    private static String getal(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
