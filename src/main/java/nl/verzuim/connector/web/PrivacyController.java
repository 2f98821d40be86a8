package nl.verzuim.connector.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import nl.verzuim.connector.outbox.VerzondenBerichten;
import nl.verzuim.connector.privacy.Toegangslog;

/**
 * The privacy calls of connector-interface.md: the AVG inzage (the pupil in the body, never in the URL), the access
 * log (board-wide accounts only, see {@link Beveiliging}), and what was sent for a melding, as sent.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "privacy", description = "Inzage (AVG), toegangslog, verzonden berichten")
public class PrivacyController {

    private final Inzage inzage;
    private final Toegangslog toegangslog;

    public PrivacyController(Inzage inzage, Toegangslog toegangslog) {
        this.inzage = inzage;
        this.toegangslog = toegangslog;
    }

    @PostMapping("/inzage")
    @Operation(summary = "AVG-inzage: alles over één leerling (beheerder)",
            description = "Wat de connector over de leerling heeft en verstuurde: zoals ontvangen uit het LAS (met "
                    + "bestand en datum), de registraties, de meldingen met uitleg en geschiedenis, wat naar DUO en OT "
                    + "ging zoals verstuurd met de antwoorden, en de mails over de meldingen. 404 voor een leerling van "
                    + "een school die het account niet bedient (net als voor een onbekende). Wordt gelogd.")
    public Inzage.Dossier inzage(@RequestBody(required = false) Inzage.Verzoek verzoek,
                                 @Parameter(hidden = true) Authentication wie) {
        return inzage.dossier(verzoek, wie);
    }

    @GetMapping("/toegangslog")
    @Operation(summary = "Wie opende welke leerling, wanneer (alleen accounts van het hele bestuur)",
            description = "De leerling als pseudoniem (een sleutel-hash van school en LAS-sleutel), nooit BSN of naam.")
    public List<Toegangslog.Regel> toegangslog(
            @Parameter(description = "hoogstens zoveel (1–10000)") @RequestParam(defaultValue = "1000") int max) {
        if (max < 1 || max > 10000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "max: 1 tot en met 10000");
        }
        return toegangslog.nieuwste(max);
    }

    @GetMapping("/meldingen/{id}/verzonden")
    @Operation(summary = "Wat voor een melding naar DUO en OT ging, zoals verstuurd, met de antwoorden",
            description = "Bevat persoonsgegevens (wat DUO en OT kregen); wordt gelogd.")
    public List<VerzondenBerichten.VerzondenBericht> verzonden(@PathVariable long id,
                                                               @Parameter(hidden = true) Authentication wie) {
        return inzage.verzonden(id, wie);
    }
}
