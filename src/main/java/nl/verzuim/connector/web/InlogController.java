package nl.verzuim.connector.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /login}: the Dutch login form; Spring Security handles the POST. */
@Controller
public class InlogController {

    private final boolean sandbox;

    public InlogController(@Value("${connector.sandbox:true}") boolean sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping("/login")
    public String inloggen(Model model) {
        model.addAttribute("sandbox", sandbox);
        return "inloggen";
    }
}
