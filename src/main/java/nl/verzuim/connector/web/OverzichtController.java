package nl.verzuim.connector.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.intake.QuarantaineHerlezen;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.persistence.Schoolbereik;
import nl.verzuim.connector.privacy.Bewaartermijn;
import nl.verzuim.connector.melding.MeldingService;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.intake.QuarantaineBestand;
import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.waarschuwing.Waarschuwingen;
import nl.verzuim.connector.school.School;

/**
 * The operator's page ({@code GET /}, in Dutch): what needs attention first (DUO meldingen past their deadline,
 * meldingen SPPOH returned, meldingen waiting for approval, dead letters, quarantined files), then per school the
 * meldingen with their status. A melding's own page ({@code /meldingen/{id}}) shows its uitleg and history.
 * Buttons post forms with a CSRF token; only a beheerder sees them (and only a beheerder may post, see
 * {@link Beveiliging}). Pupils are shown by their LAS key only.
 */
@Controller
public class OverzichtController {

    private final Beheeroverzicht overzicht;
    private final MeldingService meldingService;
    private final QuarantaineHerlezen herlezen;
    private final Scholen scholen;
    private final Waarschuwingen waarschuwingen;
    private final Clock klok;
    private final boolean sandbox;
    private final Inzage inzage;
    private final Bewaartermijn bewaartermijn;
    private final Signalenblok signalen;
    private final Plaatjes plaatjes;

    public OverzichtController(Beheeroverzicht overzicht, MeldingService meldingService, QuarantaineHerlezen herlezen,
                               Scholen scholen, Waarschuwingen waarschuwingen, Clock klok,
                               ConnectorInstellingen instellingen, Inzage inzage, Bewaartermijn bewaartermijn,
                               Signalenblok signalen, Plaatjes plaatjes) {
        this.signalen = signalen;
        this.plaatjes = plaatjes;
        this.inzage = inzage;
        this.bewaartermijn = bewaartermijn;
        this.overzicht = overzicht;
        this.meldingService = meldingService;
        this.herlezen = herlezen;
        this.scholen = scholen;
        this.waarschuwingen = waarschuwingen;
        this.klok = klok;
        this.sandbox = instellingen.sandbox();
    }

    /** Meldingen per page in the list per school. */
    static final int PER_PAGINA = 50;
    /** The most an attention list shows; its counter is exact and the list says "De eerste 20 van N". */
    static final int AANDACHT = 20;

    /** A school's block on the page. */
    public record Schoolblok(String code, String naam, boolean naGoedkeuring, List<BeheerModel.MeldingOverzicht> meldingen) {
    }

    @GetMapping("/")
    public String overzicht(@RequestParam(required = false) String school,
                            @RequestParam(required = false) Kanaal kanaal,
                            @RequestParam(required = false) MeldingStatus status,
                            @RequestParam(defaultValue = "false") boolean termijnVerstreken,
                            @RequestParam(defaultValue = "1") int pagina,
                            Authentication wie, Model model) {
        LocalDate vandaag = LocalDate.now(klok);
        Schoolbereik bereik = Beveiliging.bereik(wie);
        algemeen(model, wie);
        model.addAttribute("filter", new Filter(school, kanaal, status, termijnVerstreken));
        model.addAttribute("waarschuwingen", waarschuwingen.nu());
        model.addAttribute("kanalen", Kanaal.values());
        model.addAttribute("statussen", MeldingStatus.values());

        Beheeroverzicht.Zoekvraag teLaat = new Beheeroverzicht.Zoekvraag(null, null, Kanaal.DUO, null, true, false,
                vandaag, AANDACHT, bereik);
        Beheeroverzicht.Zoekvraag teruggezet = new Beheeroverzicht.Zoekvraag(null, null, Kanaal.OT, null, false, true,
                vandaag, AANDACHT, bereik);
        Beheeroverzicht.Zoekvraag wachtend = new Beheeroverzicht.Zoekvraag(null, null, null,
                MeldingStatus.WACHT_OP_GOEDKEURING, false, false, vandaag, AANDACHT, bereik);
        model.addAttribute("teLaat", overzicht.overzicht(teLaat));
        model.addAttribute("teruggezet", overzicht.overzicht(teruggezet));
        model.addAttribute("wachtend", overzicht.overzicht(wachtend));
        model.addAttribute("doodlopers", overzicht.nieuwsteDoodlopers(AANDACHT, bereik));
        // the counters are exact, however long the lists they count
        model.addAttribute("aantal", Map.of("teLaat", overzicht.tel(teLaat), "teruggezet", overzicht.tel(teruggezet),
                "wachtend", overzicht.tel(wachtend), "doodlopers", overzicht.aantalDoodlopers(bereik),
                "quarantaine", overzicht.aantalInQuarantaine(bereik)));
        model.addAttribute("signalen", signalen.open(bereik, vandaag));
        model.addAttribute("plaatjes", plaatjes.overzicht(bereik, vandaag));

        Beheeroverzicht.Zoekvraag vraag = Beheeroverzicht.zoekvraag(school, kanaal, status, termijnVerstreken, false,
                PER_PAGINA, vandaag, bereik);
        Beheeroverzicht.Pagina<BeheerModel.MeldingOverzicht> gevonden =
                overzicht.pagina(vraag, Beheeroverzicht.paginanummer(pagina));
        model.addAttribute("gevonden", gevonden);
        model.addAttribute("paginas", paginalinks(gevonden));
        Map<String, Schoolblok> blokken = new LinkedHashMap<>();
        List<School> binnenBereik = scholen.scholen().stream().filter(s -> bereik.dekt(s.brin(), s.vestiging()))
                .toList();
        for (School s : binnenBereik) {
            if (vraag.brin() == null || (s.brin().equals(vraag.brin())
                    && (vraag.vestiging() == null || s.vestiging().equals(vraag.vestiging())))) {
                blokken.put(s.code(), new Schoolblok(s.code(), s.naam(),
                        s.verzenden() == School.Verzenden.NA_GOEDKEURING, new ArrayList<>()));
            }
        }
        for (BeheerModel.MeldingOverzicht m : gevonden.inhoud()) {
            blokken.computeIfAbsent(m.school(), c -> new Schoolblok(c, "(niet meer in de schoolconfiguratie)",
                    false, new ArrayList<>())).meldingen().add(m);
        }
        model.addAttribute("scholen", blokken.values());
        model.addAttribute("alleScholen", binnenBereik);

        List<Map<String, Object>> quarantaine = new ArrayList<>();
        for (QuarantaineBestand q : overzicht.quarantaine(AANDACHT, bereik)) {
            quarantaine.add(Map.of("q", q, "rapport", java.util.Objects.requireNonNullElse(overzicht.rapport(q), "")));
        }
        model.addAttribute("quarantaine", quarantaine);
        model.addAttribute("mails", overzicht.mails(50, bereik));
        model.addAttribute("opschoning", bewaartermijn.laatste(bereik));
        return "overzicht";
    }

    /** A link to another page of the same search: its number, and whether it is the page shown. */
    public record Paginalink(int pagina, String href, boolean huidig) {
    }

    /**
     * The page links under the list: the first, the last, and a few around the page shown (a region has thousands
     * of pages). The links keep the search (codes only, never a pupil).
     */
    static List<Paginalink> paginalinks(Beheeroverzicht.Pagina<?> p) {
        java.util.TreeSet<Integer> nummers = new java.util.TreeSet<>();
        nummers.add(1);
        nummers.add(p.paginas());
        for (int i = Math.max(1, p.pagina() - 3); i <= Math.min(p.paginas(), p.pagina() + 3); i++) {
            nummers.add(i);
        }
        List<Paginalink> links = new ArrayList<>();
        for (int n : nummers) {
            String href = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("pagina", n).fragment("scholen").build().toUriString();
            links.add(new Paginalink(n, href, n == p.pagina()));
        }
        return p.paginas() > 1 ? links : List.of();
    }

    /** The search form's choices, echoed back. */
    public record Filter(String school, Kanaal kanaal, MeldingStatus status, boolean termijnVerstreken) {
    }

    @GetMapping("/meldingen/{id}")
    public String melding(@PathVariable long id, Authentication wie, Model model) {
        BeheerModel.MeldingDetail d = overzicht.melding(id, LocalDate.now(klok), Beveiliging.bereik(wie))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        inzage.meldingGeopend(d, wie);
        algemeen(model, wie);
        model.addAttribute("d", d);
        model.addAttribute("kalender", plaatjes.meldingkalender(id, Beveiliging.bereik(wie)));
        model.addAttribute("school", scholen.vind(d.melding().school()).map(School::naam).orElse(d.melding().school()));
        return "melding";
    }

    @PostMapping("/quarantaine/{id}/opnieuw-inlezen")
    public String herlees(@PathVariable long id, Authentication wie, RedirectAttributes terug) {
        if (overzicht.quarantaineBestand(id, Beveiliging.bereik(wie)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            String naam = herlezen.herlees(id, wie.getName());
            terug.addFlashAttribute("bericht", naam + " staat weer in de inbox en wordt zo gelezen.");
        } catch (QuarantaineHerlezen.Geweigerd e) {
            terug.addFlashAttribute("fout", "Opnieuw inlezen lukte niet: " + e.getMessage() + ".");
        }
        return "redirect:/#quarantaine";
    }

    @PostMapping("/meldingen/overig")
    public String meldOverig(@RequestParam String school, @RequestParam String leerlingId,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate begindatum,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate einddatum,
                             @RequestParam String toelichting, Authentication wie, RedirectAttributes terug) {
        School s = scholen.vind(school).filter(g -> Beveiliging.bereik(wie).dekt(g.brin(), g.vestiging()))
                .orElse(null);
        if (s == null) {
            terug.addFlashAttribute("fout", "School " + school + " staat niet in de schoolconfiguratie.");
            return "redirect:/#overig";
        }
        try {
            long id = meldingService.meldOverig(s, leerlingId.trim(), begindatum, einddatum, toelichting, wie.getName());
            terug.addFlashAttribute("bericht", "Melding overig verzuim gemaakt.");
            return "redirect:/meldingen/" + id;
        } catch (MeldingService.OverigGeweigerd e) {
            terug.addFlashAttribute("fout", "Melding overig verzuim niet gemaakt: " + e.getMessage() + ".");
            return "redirect:/#overig";
        }
    }

    @PostMapping("/meldingen/lrv")
    public String meldLrv(@RequestParam String school, @RequestParam String leerlingId,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate begindatum,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate einddatum,
                          @RequestParam String toelichting, Authentication wie, RedirectAttributes terug) {
        School s = scholen.vind(school).filter(g -> Beveiliging.bereik(wie).dekt(g.brin(), g.vestiging()))
                .orElse(null);
        if (s == null) {
            terug.addFlashAttribute("fout", "School " + school + " staat niet in de schoolconfiguratie.");
            return "redirect:/#lrv";
        }
        try {
            long id = meldingService.meldLrv(s, leerlingId.trim(), begindatum, einddatum, toelichting, wie.getName());
            terug.addFlashAttribute("bericht", "Melding langdurig relatief verzuim gemaakt.");
            return "redirect:/meldingen/" + id;
        } catch (MeldingService.OverigGeweigerd e) {
            terug.addFlashAttribute("fout", "Melding langdurig relatief verzuim niet gemaakt: " + e.getMessage() + ".");
            return "redirect:/#lrv";
        }
    }

    private void algemeen(Model model, Authentication wie) {
        model.addAttribute("sandbox", sandbox);
        model.addAttribute("gebruiker", wie.getName());
        model.addAttribute("beheerder", wie.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Beveiliging.BEHEERDER)));
        model.addAttribute("vandaag", LocalDate.now(klok));
    }
}
