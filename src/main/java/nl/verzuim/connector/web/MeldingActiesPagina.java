package nl.verzuim.connector.web;

import org.springframework.security.core.Authentication;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.verzuim.connector.levensloop.Levensloop;
import nl.verzuim.connector.levensloop.LevensloopService;
import nl.verzuim.connector.melding.ActieGeweigerd;
import nl.verzuim.connector.melding.MeldingActies;

/**
 * The page's buttons for a melding: approve, withdraw (with a reason), send a dead letter again, resubmit an OT
 * melding SPPOH returned. Forms with a CSRF token, beheerder only (see {@link Beveiliging});
 * {@link MeldingActies} and {@link LevensloopService} write each action to the audit trail with the login name. After the action the operator returns where the button was: the overview or the melding's page.
 */
@Controller
public class MeldingActiesPagina {

    private final MeldingActies acties;
    private final LevensloopService levensloop;

    private final Beheeroverzicht overzicht;

    public MeldingActiesPagina(MeldingActies acties, LevensloopService levensloop, Beheeroverzicht overzicht) {
        this.acties = acties;
        this.levensloop = levensloop;
        this.overzicht = overzicht;
    }

    @PostMapping("/meldingen/{id}/opnieuw-indienen")
    public String opnieuwIndienen(@PathVariable long id, @RequestParam(defaultValue = "") String toelichting,
                                  @RequestParam(defaultValue = "overzicht") String terug, Authentication wie,
                                  RedirectAttributes bericht) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(wie));
        String waarom = toelichting.isBlank() ? "opnieuw ingediend na terugzetten" : toelichting.strip();
        return doe(id, terug, bericht, "Melding #" + id + " wordt opnieuw ingediend bij SPPOH.",
                () -> levensloop.opnieuwIndienen(id, wie.getName(), waarom));
    }

    @PostMapping("/meldingen/{id}/goedkeuren")
    public String goedkeuren(@PathVariable long id, @RequestParam(defaultValue = "overzicht") String terug,
                             Authentication wie, RedirectAttributes bericht) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(wie));
        return doe(id, terug, bericht, "Melding #" + id + " is goedgekeurd en gaat nu weg.",
                () -> acties.keurGoed(id, wie.getName()));
    }

    @PostMapping("/meldingen/{id}/intrekken")
    public String intrekken(@PathVariable long id, @RequestParam(defaultValue = "") String reden,
                            @RequestParam(defaultValue = "melding") String terug, Authentication wie,
                            RedirectAttributes bericht) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(wie));
        return doe(id, terug, bericht, "Melding #" + id + " wordt ingetrokken.",
                () -> acties.trekIn(id, reden, wie.getName()));
    }

    @PostMapping("/meldingen/{id}/besproken")
    public String besproken(@PathVariable long id, @RequestParam(defaultValue = "overzicht") String terug,
                            Authentication wie, RedirectAttributes bericht) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(wie));
        return doe(id, terug, bericht, "Signaal #" + id + " is besproken.", () -> acties.bespreek(id, wie.getName()));
    }

    @PostMapping("/meldingen/{id}/opnieuw")
    public String opnieuw(@PathVariable long id, @RequestParam(defaultValue = "overzicht") String terug,
                          Authentication wie, RedirectAttributes bericht) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(wie));
        return doe(id, terug, bericht, "Melding #" + id + " wordt opnieuw aangeboden.",
                () -> acties.probeerOpnieuw(id, wie.getName()));
    }

    private static String doe(long id, String terug, RedirectAttributes bericht, String gelukt, Runnable actie) {
        try {
            actie.run();
            bericht.addFlashAttribute("bericht", gelukt);
        } catch (MeldingActies.NietMogelijk | MeldingActies.NietGevonden | MeldingActies.OngeldigVerzoek
                 | ActieGeweigerd | Levensloop.OngeldigeStap | java.util.NoSuchElementException
                 | IllegalArgumentException e) {
            bericht.addFlashAttribute("fout", "Niet gelukt: " + e.getMessage() + ".");
        }
        // Only two places to go back to: no redirect to an address taken from the request.
        return "melding".equals(terug) ? "redirect:/meldingen/" + id : "redirect:/#aandacht";
    }
}
