package nl.verzuim.connector.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * A pupil's page, reached from a melding: {@code GET /meldingen/{id}/leerling}. The pupil is named by the melding's
 * number, never by the LAS key in the URL (privacy.md: no personal data or LAS keys in URLs). Only for an account
 * serving the melding's school (404 otherwise); every look is logged ({@link Plaatjes#leerling}).
 */
@Controller
public class LeerlingkaartController {

    private final Plaatjes plaatjes;
    private final boolean sandbox;

    public LeerlingkaartController(Plaatjes plaatjes, ConnectorInstellingen instellingen) {
        this.plaatjes = plaatjes;
        this.sandbox = instellingen.sandbox();
    }

    @GetMapping("/meldingen/{id}/leerling")
    public String leerling(@PathVariable long id, Authentication wie, Model model) {
        model.addAttribute("k", plaatjes.leerling(id, wie));
        model.addAttribute("sandbox", sandbox);
        model.addAttribute("gebruiker", wie.getName());
        model.addAttribute("beheerder", wie.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Beveiliging.BEHEERDER)));
        return "leerling";
    }
}
