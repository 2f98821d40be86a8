package nl.verzuim.connector.web.plaatjes;

import java.util.List;

/**
 * A finished picture: its SVG (markup, escaped by {@link Svg}) and its text equivalent — a sentence (also the SVG's
 * {@code <desc>}) and a table with the same figures, which the page hides visually but keeps for a screen reader.
 *
 * @param id           the SVG's id on the page
 * @param titel        the picture's name (the SVG's {@code <title>}, the table's caption)
 * @param svg          the SVG
 * @param samenvatting what it shows, in a sentence
 * @param kop          the table's column heads
 * @param rijen        the table's rows, as text (the page escapes them)
 */
public record Plaatje(String id, String titel, String svg, String samenvatting, List<String> kop,
                      List<List<String>> rijen) {

    public Plaatje {
        kop = List.copyOf(kop);
        rijen = rijen.stream().map(List::copyOf).toList();
    }
}
