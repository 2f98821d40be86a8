package nl.verzuim.connector.web;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import nl.verzuim.connector.persistence.MeldingRepository;

/**
 * {@code GET /}: what the connector did — meldingen with their status at DUO and OT, mails to the contactpersoon,
 * and files in quarantine. It shows LAS keys, never names or BSNs.
 */
@Controller
public class OverzichtController {

    private final MeldingRepository meldingen;
    private final JdbcClient jdbc;
    private final boolean sandbox;

    public OverzichtController(MeldingRepository meldingen, JdbcClient jdbc,
                               @Value("${connector.sandbox:true}") boolean sandbox) {
        this.meldingen = meldingen;
        this.jdbc = jdbc;
        this.sandbox = sandbox;
    }

    @GetMapping("/")
    public String overzicht(Model model) {
        model.addAttribute("meldingen", meldingen.recent(200));
        model.addAttribute("mails", jdbc.sql("""
                select id, soort, ontvanger, onderwerp, status, pogingen, aangemaakt, verzonden from mail_outbox
                order by id desc fetch first 50 rows only""").query().listOfRows());
        List<Map<String, Object>> quarantaine = jdbc.sql("""
                select bestand, samenvatting, rapport_pad, tijdstip from quarantaine order by id desc
                fetch first 50 rows only""").query().listOfRows();
        model.addAttribute("quarantaine", quarantaine);
        model.addAttribute("sandbox", sandbox);
        return "overzicht";
    }
}
