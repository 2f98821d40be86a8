package nl.verzuim.connector.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import nl.verzuim.connector.intake.QuarantaineBestand;
import nl.verzuim.connector.intake.QuarantaineHerlezen;
import nl.verzuim.connector.melding.MeldingService;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.persistence.Schoolbereik;
import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * The operator's API ({@code /api/…}, HTTP basic; OpenAPI at {@code /v3/api-docs}). Reading needs the role lezer
 * or beheerder, acting beheerder (see {@link Beveiliging}). URLs carry ids and codes only, never a pupil: a pupil
 * is named in a request body.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "beheer", description = "Meldingen, quarantaine en overig verzuim")
public class BeheerApiController {

    private final Beheeroverzicht overzicht;
    private final MeldingService meldingService;
    private final QuarantaineHerlezen herlezen;
    private final Scholen scholen;
    private final Clock klok;
    private final Inzage inzage;

    public BeheerApiController(Beheeroverzicht overzicht, MeldingService meldingService, QuarantaineHerlezen herlezen,
                               Scholen scholen, Clock klok, Inzage inzage) {
        this.inzage = inzage;
        this.overzicht = overzicht;
        this.meldingService = meldingService;
        this.herlezen = herlezen;
        this.scholen = scholen;
        this.klok = klok;
    }

    @GetMapping("/scholen")
    @Operation(summary = "De scholen die de connector bedient")
    public List<BeheerModel.SchoolWeergave> scholen(Authentication wie) {
        Schoolbereik bereik = Beveiliging.bereik(wie);
        return scholen.scholen().stream().filter(s -> bereik.dekt(s.brin(), s.vestiging()))
                .map(BeheerModel.SchoolWeergave::van).toList();
    }

    @GetMapping("/meldingen")
    @Operation(summary = "Meldingen zoeken", description = "Per school (BRIN of BRIN+vestiging), kanaal, status; "
            + "termijnVerstreken: DUO-meldingen voorbij hun uiterste melddatum die DUO nog niet heeft; teruggezet: "
            + "OT-meldingen die SPPOH terugzette en die nog niet opnieuw zijn ingediend. Nieuwste eerst, per school. "
            + "In pagina's van max: de kopregels X-Totaal-Aantal (exact), X-Pagina en X-Paginas, en Link (first, "
            + "prev, next, last) naar de andere pagina's van dezelfde zoekvraag.")
    public ResponseEntity<List<BeheerModel.MeldingOverzicht>> zoek(
            @Parameter(description = "BRIN (00YY) of BRIN+vestiging (00YY00)") @RequestParam(required = false) String school,
            @RequestParam(required = false) Kanaal kanaal,
            @RequestParam(required = false) MeldingStatus status,
            @RequestParam(defaultValue = "false") boolean termijnVerstreken,
            @RequestParam(defaultValue = "false") boolean teruggezet,
            @Parameter(description = "zoveel per pagina (1–1000)")
            @RequestParam(defaultValue = Paginakoppen.PER_PAGINA) int max,
            @Parameter(description = "de hoeveelste pagina (vanaf 1)") @RequestParam(defaultValue = "1") int pagina,
            @Parameter(hidden = true) Authentication wie) {
        Beheeroverzicht.Zoekvraag vraag = Beheeroverzicht.zoekvraag(school, kanaal, status, termijnVerstreken,
                teruggezet, max, LocalDate.now(klok), Beveiliging.bereik(wie));
        return Paginakoppen.antwoord(overzicht.pagina(vraag, Beheeroverzicht.paginanummer(pagina)));
    }

    @GetMapping("/meldingen/{id}")
    @Operation(summary = "Eén melding met haar uitleg en geschiedenis",
            description = "De audit trail (wat wanneer waarheen ging, door wie, en het antwoord) en de afleverpogingen.")
    public BeheerModel.MeldingDetail melding(@PathVariable long id, @Parameter(hidden = true) Authentication wie) {
        BeheerModel.MeldingDetail d = overzicht.melding(id, LocalDate.now(klok), Beveiliging.bereik(wie))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "geen melding " + id));
        inzage.meldingGeopend(d, wie);
        return d;
    }

    @PostMapping("/meldingen/overig")
    @Operation(summary = "Overig verzuim met de hand melden (beheerder)",
            description = "Een DUO-melding OVERIG voor een leerling; de regels besluiten dit nooit zelf. Gaat dezelfde "
                    + "weg als elke DUO-melding: onvolledig zolang gegevens ontbreken, anders wachten op goedkeuring "
                    + "(verzenden: na_goedkeuring) of de outbox in. 201 met de nieuwe melding.")
    public ResponseEntity<BeheerModel.MeldingDetail> meldOverig(@RequestBody BeheerModel.OverigVerzoek verzoek,
                                                                @Parameter(hidden = true) Authentication wie) {
        School school = handmatigeSchool(verzoek, wie);
        long id = meldingService.meldOverig(school, verzoek.leerlingId().trim(), verzoek.begindatum(),
                verzoek.einddatum(), verzoek.toelichting(), wie.getName());
        return gemaakt(id, wie);
    }

    @PostMapping("/meldingen/lrv")
    @Operation(summary = "Langdurig relatief verzuim met de hand melden (beheerder)",
            description = "Een DUO-melding LANGDURIG_RELATIEF voor een leerling in categorie A die niet aaneengesloten "
                    + "afwezig is (SPPOH vraagt categorie A als LRV bij DUO te melden; de regels doen dat zelf alleen bij "
                    + "28 dagen aaneengesloten). Zelfde body als overig verzuim; einddatum verplicht. Gaat dezelfde weg "
                    + "als elke DUO-melding. 201 met de nieuwe melding; 422 als de leerling geen open OT-melding "
                    + "categorie A heeft; 404 onbekende leerling; 409 bestaat al; 400 ongeldige datums of toelichting.")
    public ResponseEntity<BeheerModel.MeldingDetail> meldLrv(@RequestBody BeheerModel.OverigVerzoek verzoek,
                                                             @Parameter(hidden = true) Authentication wie) {
        School school = handmatigeSchool(verzoek, wie);
        long id = meldingService.meldLrv(school, verzoek.leerlingId().trim(), verzoek.begindatum(),
                verzoek.einddatum(), verzoek.toelichting(), wie.getName());
        return gemaakt(id, wie);
    }

    /** The school a melding by hand is for: known, and served by this account (else the same 404 as unknown). */
    private School handmatigeSchool(BeheerModel.OverigVerzoek verzoek, Authentication wie) {
        School school = overigSchool(verzoek, scholen);
        if (!Beveiliging.bereik(wie).dekt(school.brin(), school.vestiging())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "school " + school.code()
                    + " staat niet in de schoolconfiguratie");
        }
        return school;
    }

    private ResponseEntity<BeheerModel.MeldingDetail> gemaakt(long id, Authentication wie) {
        return ResponseEntity.created(URI.create("/api/meldingen/" + id))
                .body(overzicht.melding(id, LocalDate.now(klok), Beveiliging.bereik(wie)).orElseThrow());
    }

    static School overigSchool(BeheerModel.OverigVerzoek verzoek, Scholen scholen) {
        if (verzoek == null || verzoek.brin() == null || verzoek.vestiging() == null || verzoek.leerlingId() == null
                || verzoek.leerlingId().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "brin, vestiging en leerlingId zijn verplicht");
        }
        return scholen.vind(verzoek.brin(), verzoek.vestiging()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "school " + verzoek.brin() + verzoek.vestiging() + " staat niet in de schoolconfiguratie"));
    }

    @GetMapping("/quarantaine")
    @Operation(summary = "Bestanden in quarantaine", description = "Wat de intake (deels) afwees, nieuwste eerst; "
            + "alleen voor een account van het hele bestuur. In pagina's van max, zoals /api/meldingen: "
            + "X-Totaal-Aantal (exact), X-Pagina, X-Paginas en Link (first, prev, next, last).")
    public ResponseEntity<List<BeheerModel.QuarantaineWeergave>> quarantaine(
            @Parameter(description = "zoveel per pagina (1–1000)")
            @RequestParam(defaultValue = Paginakoppen.PER_PAGINA) int max,
            @Parameter(description = "de hoeveelste pagina (vanaf 1)") @RequestParam(defaultValue = "1") int pagina,
            @Parameter(hidden = true) Authentication wie) {
        return Paginakoppen.antwoord(overzicht.quarantaine(Beheeroverzicht.perPagina(max),
                Beheeroverzicht.paginanummer(pagina), Beveiliging.bereik(wie))
                .map(q -> BeheerModel.QuarantaineWeergave.van(q, null)));
    }

    @GetMapping("/quarantaine/{id}")
    @Operation(summary = "Eén bestand in quarantaine, met zijn rapport",
            description = "Het rapport noemt bestand, regel, veld en reden, nooit een BSN, naam of geboortedatum.")
    public BeheerModel.QuarantaineWeergave quarantaineBestand(@PathVariable long id,
                                                              @Parameter(hidden = true) Authentication wie) {
        QuarantaineBestand q = overzicht.quarantaineBestand(id, Beveiliging.bereik(wie)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "geen bestand " + id + " in quarantaine"));
        return BeheerModel.QuarantaineWeergave.van(q, overzicht.rapport(q));
    }

    @PostMapping("/quarantaine/{id}/opnieuw-inlezen")
    @Operation(summary = "Een bestand opnieuw inlezen (beheerder)",
            description = "Zet het bestand onder zijn oorspronkelijke naam terug in de inbox; de intake leest het als "
                    + "nieuw. 202; 404 onbekend, 409 als er al een bestand met die naam in de inbox staat, 410 als het "
                    + "bestand niet meer in de quarantainemap staat.")
    public ResponseEntity<BeheerModel.Herlezen> herlees(@PathVariable long id,
                                                        @Parameter(hidden = true) Authentication wie) {
        if (overzicht.quarantaineBestand(id, Beveiliging.bereik(wie)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "geen bestand " + id + " in quarantaine");
        }
        String naam = herlezen.herlees(id, wie.getName());
        return ResponseEntity.accepted().body(new BeheerModel.Herlezen(naam, "terug in de inbox; de intake leest het zo"));
    }
}
