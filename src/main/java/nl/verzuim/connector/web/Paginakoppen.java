package nl.verzuim.connector.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The page headers of every paged list of the API ({@code /api/meldingen}, {@code /api/doodlopers},
 * {@code /api/quarantaine}): one shape, so a client pages them all alike.
 */
final class Paginakoppen {

    /** How many a page of the API holds unless {@code max} says otherwise (at most 1000). */
    static final String PER_PAGINA = "200";

    private Paginakoppen() {
    }

    /** A page as the API answers it: its rows as the body, {@link #van its headers}. */
    static <T> ResponseEntity<List<T>> antwoord(Beheeroverzicht.Pagina<T> p) {
        return ResponseEntity.ok().headers(van(p)).body(p.inhoud());
    }

    /**
     * The exact total, this page and the number of pages, and RFC 8288 links to the other pages of the same request
     * (its own query, which holds codes only, with another {@code pagina}).
     */
    static HttpHeaders van(Beheeroverzicht.Pagina<?> p) {
        HttpHeaders koppen = new HttpHeaders();
        koppen.add("X-Totaal-Aantal", Long.toString(p.totaal()));
        koppen.add("X-Pagina", Integer.toString(p.pagina()));
        koppen.add("X-Paginas", Integer.toString(p.paginas()));
        List<String> links = new ArrayList<>();
        links.add(link(1, "first"));
        if (p.pagina() > 1) {
            links.add(link(Math.min(p.pagina() - 1, p.paginas()), "prev"));
        }
        if (p.pagina() < p.paginas()) {
            links.add(link(p.pagina() + 1, "next"));
        }
        links.add(link(p.paginas(), "last"));
        koppen.add(HttpHeaders.LINK, String.join(", ", links));
        return koppen;
    }

    private static String link(int pagina, String rel) {
        return "<" + ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("pagina", pagina)
                .build().toUriString() + ">; rel=\"" + rel + "\"";
    }
}
