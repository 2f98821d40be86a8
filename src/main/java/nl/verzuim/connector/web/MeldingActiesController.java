package nl.verzuim.connector.web;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingActies;
import nl.verzuim.connector.outbox.Doodloper;

/**
 * The API for the actions on meldingen and the dead letters. Answers carry ids, states and codes — never a
 * pupil's name, BSN or birth date. Who acted is the logged-in user. Refusals are problem details
 * ({@link Foutantwoorden}).
 */
@RestController
@RequestMapping("/api")
public class MeldingActiesController {

    private final MeldingActies acties;
    private final Beheeroverzicht overzicht;

    public MeldingActiesController(MeldingActies acties, Beheeroverzicht overzicht) {
        this.acties = acties;
        this.overzicht = overzicht;
    }

    @PostMapping("/meldingen/{id}/goedkeuren")
    public Antwoord goedkeuren(@PathVariable long id, Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return Antwoord.van(acties.keurGoed(id, door(gebruiker)));
    }

    @PostMapping("/meldingen/{id}/intrekken")
    public Antwoord intrekken(@PathVariable long id, @RequestBody(required = false) Intrekken verzoek,
                              Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return Antwoord.van(acties.trekIn(id, verzoek == null ? null : verzoek.reden(), door(gebruiker)));
    }

    @PostMapping("/meldingen/{id}/opnieuw")
    public Antwoord opnieuw(@PathVariable long id, Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return Antwoord.van(acties.probeerOpnieuw(id, door(gebruiker)));
    }

    @GetMapping("/doodlopers")
    @Operation(summary = "Doodlopers: afleveringen die zijn opgegeven",
            description = "Van de scholen van het account, oudste eerst. In pagina's van max, zoals /api/meldingen: "
                    + "X-Totaal-Aantal (exact), X-Pagina, X-Paginas en Link (first, prev, next, last).")
    public ResponseEntity<List<Doodloper>> doodlopers(
            @Parameter(description = "zoveel per pagina (1–1000)")
            @RequestParam(defaultValue = Paginakoppen.PER_PAGINA) int max,
            @Parameter(description = "de hoeveelste pagina (vanaf 1)") @RequestParam(defaultValue = "1") int pagina,
            @Parameter(hidden = true) Authentication gebruiker) {
        return Paginakoppen.antwoord(overzicht.doodlopers(Beheeroverzicht.perPagina(max),
                Beheeroverzicht.paginanummer(pagina), Beveiliging.bereik(gebruiker)));
    }

    /** Security lets no one without a login reach these; the account name goes to the audit trail. */
    private static String door(Principal gebruiker) {
        return gebruiker.getName();
    }

    /** Body of POST /api/meldingen/{id}/intrekken. */
    public record Intrekken(String reden) {
    }

    /** What an action left: the melding's id and states, no personal data. */
    public record Antwoord(long id, String kanaal, String soort, String status, String duoStatus, String otStatus) {
        static Antwoord van(Melding m) {
            return new Antwoord(m.id(), m.kanaal().name(), m.soort(), m.status().name(), m.duoStatus(), m.otStatus());
        }
    }
}
