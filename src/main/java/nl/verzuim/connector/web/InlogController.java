package nl.verzuim.connector.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import nl.verzuim.connector.config.ConnectorInstellingen;

/** {@code GET /login}: the Dutch login form; Spring Security handles the POST. */
@Controller
public class InlogController {

    private final boolean sandbox;

    public InlogController(ConnectorInstellingen instellingen) {
        this.sandbox = instellingen.sandbox();
    }

    @GetMapping("/login")
    public String inloggen(Model model) {
        model.addAttribute("sandbox", sandbox);
        return "inloggen";
    }
}
