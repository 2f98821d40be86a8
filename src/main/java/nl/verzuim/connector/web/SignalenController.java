package nl.verzuim.connector.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.verzuim.connector.melding.MeldingActies;

/**
 * The API of the attention block's signals: the open ones per school, and "besproken" (beheerder only, as every
 * POST; the audit names the login). The page's button is {@link MeldingActiesPagina#besproken}.
 */
@RestController
@RequestMapping("/api")
public class SignalenController {

    private final Signalenblok signalen;
    private final MeldingActies acties;
    private final Beheeroverzicht overzicht;
    private final Clock klok;

    public SignalenController(Signalenblok signalen, MeldingActies acties, Beheeroverzicht overzicht, Clock klok) {
        this.signalen = signalen;
        this.acties = acties;
        this.overzicht = overzicht;
        this.klok = klok;
    }

    /** Per school within the account's reach: the signals nobody marked besproken yet. */
    @GetMapping("/signalen")
    public List<Signalenblok.Schoolsignalen> open(Authentication gebruiker) {
        return signalen.open(Beveiliging.bereik(gebruiker), LocalDate.now(klok));
    }

    /** A signal (kanaal SIGNAAL) talked about: off the attention block; 409 when it is no open signal. */
    @PostMapping("/meldingen/{id}/besproken")
    public MeldingActiesController.Antwoord besproken(@PathVariable long id, Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return MeldingActiesController.Antwoord.van(acties.bespreek(id, gebruiker.getName()));
    }
}
