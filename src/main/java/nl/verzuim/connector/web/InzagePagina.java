package nl.verzuim.connector.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page's side of the AVG inzage: a form ({@code GET /inzage}) that posts the pupil (never in the URL) and a
 * printable answer; and what was sent for a melding, as sent ({@code /meldingen/{id}/verzonden}). Both are logged.
 */
@Controller
public class InzagePagina {

    private final Inzage inzage;

    public InzagePagina(Inzage inzage) {
        this.inzage = inzage;
    }

    private static void kop(Model model, Authentication wie) {
        model.addAttribute("gebruiker", wie.getName());
        model.addAttribute("beheerder", wie.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Beveiliging.BEHEERDER)));
    }

    @GetMapping("/inzage")
    public String formulier(Authentication wie, Model model) {
        kop(model, wie);
        return "inzage";
    }

    @PostMapping("/inzage")
    public String dossier(@RequestParam(defaultValue = "") String brin, @RequestParam(defaultValue = "") String vestiging,
                          @RequestParam(defaultValue = "") String leerlingId, Authentication wie, Model model) {
        kop(model, wie);
        model.addAttribute("dossier", inzage.dossier(new Inzage.Verzoek(brin, vestiging, leerlingId), wie));
        return "inzage";
    }

    @GetMapping("/meldingen/{id}/verzonden")
    public String verzonden(@PathVariable long id, Authentication wie, Model model) {
        kop(model, wie);
        model.addAttribute("meldingId", id);
        model.addAttribute("berichten", inzage.verzonden(id, wie));
        return "verzonden";
    }
}
