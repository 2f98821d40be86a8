package nl.verzuim.connector.web;

import java.security.Principal;
import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import nl.verzuim.connector.levensloop.LevensloopService;

/**
 * A person's steps in a melding's life in OT: complete and submit a melding that waits for its aanvulling
 * (ot_indienen: na_aanvulling), resubmit a returned melding, add an interventie, end the running statusperiode or
 * start a new one, add a logboek entry, close it (afronden). The page's forms ({@link OtPagina}) call the same
 * service steps with the same checks. 202 once the step waits in the outbox for OT; 409 with the reason when the
 * lifecycle does not allow it now; 404 for an unknown melding; 400 for a bad request — as problem details ({@link Foutantwoorden}). The audit names the person
 * logged in, never a name the request body claims.
 */
@RestController
public class LevensloopController {

    private final LevensloopService service;

    private final Beheeroverzicht overzicht;

    public LevensloopController(LevensloopService service, Beheeroverzicht overzicht) {
        this.service = service;
        this.overzicht = overzicht;
    }

    public record Toelichting(String toelichting) {
    }

    public record NieuweInterventie(String soort, LocalDate startdatum, String toelichting) {
    }

    public record NieuweStatusperiode(String categorie, String hoofdoorzaak, LocalDate startdatum) {
    }

    public record Einde(LocalDate einddatum) {
    }

    public record Aanvulling(String hoofdoorzaak, String sppohAdviseur, String toelichting, String wachtlijst) {
    }

    public record Logboekregel(LocalDate datum, String tekst) {
    }

    public record Afronding(String reden, LocalDate einddatum, String toelichting) {
    }

    @PostMapping("/api/meldingen/{id}/aanvullen")
    public ResponseEntity<LevensloopService.Uitkomst> aanvullen(@PathVariable long id, @RequestBody Aanvulling a,
                                                                Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return ResponseEntity.accepted().body(service.aanvullenEnIndienen(id, a.hoofdoorzaak(), a.sppohAdviseur(),
                a.toelichting(), a.wachtlijst(), door(gebruiker)));
    }

    @PostMapping("/api/meldingen/{id}/logboek")
    public ResponseEntity<LevensloopService.Uitkomst> logboek(@PathVariable long id, @RequestBody Logboekregel l,
                                                              Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return ResponseEntity.accepted().body(service.logboekregel(id, l.datum(), l.tekst(), door(gebruiker)));
    }

    @PostMapping("/api/meldingen/{id}/afronden")
    public ResponseEntity<LevensloopService.Uitkomst> afronden(@PathVariable long id, @RequestBody Afronding a,
                                                               Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return ResponseEntity.accepted().body(service.afronden(id, a.reden(), a.einddatum(), a.toelichting(),
                door(gebruiker)));
    }

    @PostMapping("/api/meldingen/{id}/opnieuw-indienen")
    public ResponseEntity<LevensloopService.Uitkomst> opnieuwIndienen(@PathVariable long id,
                                                                      @RequestBody(required = false) Toelichting t,
                                                                      Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        String waarom = t == null || t.toelichting() == null ? "opnieuw ingediend door een persoon" : t.toelichting();
        return ResponseEntity.accepted().body(service.opnieuwIndienen(id, door(gebruiker), waarom));
    }

    @PostMapping("/api/meldingen/{id}/interventies")
    public ResponseEntity<LevensloopService.Uitkomst> interventie(@PathVariable long id,
                                                                  @RequestBody NieuweInterventie i,
                                                                  Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return ResponseEntity.accepted().body(service.interventie(id, i.soort(), i.startdatum(), i.toelichting(),
                door(gebruiker)));
    }

    @PostMapping("/api/meldingen/{id}/statusperioden")
    public ResponseEntity<LevensloopService.Uitkomst> statusperiode(@PathVariable long id,
                                                                    @RequestBody NieuweStatusperiode p,
                                                                    Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return ResponseEntity.accepted().body(service.statusperiode(id, p.categorie(), p.hoofdoorzaak(),
                p.startdatum(), door(gebruiker)));
    }

    @PostMapping("/api/meldingen/{id}/statusperiode-beeindigen")
    public ResponseEntity<LevensloopService.Uitkomst> beeindigen(@PathVariable long id, @RequestBody Einde einde,
                                                                 Authentication gebruiker) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(gebruiker));
        return ResponseEntity.accepted().body(service.beeindigStatusperiode(id, einde.einddatum(), door(gebruiker)));
    }

    /** Security lets no one without a login reach these; the account name goes to the audit trail. */
    private static String door(Principal gebruiker) {
        return gebruiker.getName();
    }
}
