package nl.verzuim.connector.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.verzuim.connector.levensloop.Levensloop;
import nl.verzuim.connector.levensloop.LevensloopRepository;
import nl.verzuim.connector.levensloop.LevensloopService;
import nl.verzuim.connector.melding.ActieGeweigerd;
import nl.verzuim.connector.melding.MeldingActies;
import nl.verzuim.connector.melding.MeldingStatus;

/**
 * The OT forms a person completes on a melding's page ({@code templates/ot-formulieren.html}): the aanvulling of a
 * melding that waits for it (ot_indienen: na_aanvulling), and on a lopende melding what OT's manual gives the school —
 * interventie, end of the running statusperiode and a new one after it, logboek entry, afronding with its reason.
 * Each form calls the same {@link LevensloopService} step as the API ({@link LevensloopController}), so the checks
 * and the audit (the login name) are the same. Forms with a CSRF token; posting is for a beheerder only
 * ({@link Beveiliging}), and a reading account is shown no forms.
 */
@Controller
public class OtPagina {

    private final LevensloopService service;
    private final LevensloopRepository levensloop;
    private final Beheeroverzicht overzicht;
    private final Clock klok;

    public OtPagina(LevensloopService service, LevensloopRepository levensloop, Beheeroverzicht overzicht,
                    Clock klok) {
        this.service = service;
        this.levensloop = levensloop;
        this.overzicht = overzicht;
        this.klok = klok;
    }

    /**
     * What the fragment shows for one melding.
     *
     * @param aanvullen     the melding waits for its aanvulling
     * @param lopend        a lopende OT melding: the running-melding forms
     * @param periodeLoopt  the running statusperiode has no einddatum yet (end it before a new one)
     * @param periodeIdBekend OT told us the running period's id (needed to end it through the API)
     * @param afgerondOnderweg the afronding a person or the connector asked for, on its way (null: none)
     */
    public record Formulieren(boolean aanvullen, boolean lopend, List<String> hoofdoorzaken,
                              List<String> alleHoofdoorzaken, List<String> categorieen, List<String> interventies,
                              List<String> redenen, boolean periodeLoopt, boolean periodeIdBekend,
                              LocalDate periodeStart, LocalDate periodeEind, String afgerondOnderweg,
                              LocalDate vandaag) {
    }

    /** For the template ({@code @otPagina.formulieren(...)}): read-only, from the melding's own fields. */
    public Formulieren formulieren(long meldingId, String status, String kanaal, String otStatus, String soort) {
        boolean ot = "OT".equals(kanaal);
        boolean aanvullen = ot && MeldingStatus.WACHT_OP_AANVULLING.name().equals(status);
        boolean lopend = ot && Levensloop.Status.LOPEND.name().equals(otStatus);
        Optional<LevensloopRepository.Stand> stand = lopend ? levensloop.stand(meldingId) : Optional.empty();
        // no stand yet: the first period (from the traject) runs, with an id OT did not give back
        boolean loopt = stand.map(s -> s.statusperiodeEind() == null).orElse(true);
        return new Formulieren(aanvullen, lopend, LevensloopService.hoofdoorzaken(soort),
                LevensloopService.HOOFDOORZAKEN, List.of("A_LANGDURIG_RELATIEF_VERZUIM",
                "B_LANGDURIG_GEOORLOOFD_VERZUIM"), LevensloopService.INTERVENTIES,
                LevensloopService.AFRONDINGSREDENEN, loopt,
                stand.map(s -> s.statusperiodeId() != null).orElse(false),
                stand.map(LevensloopRepository.Stand::statusperiodeStart).orElse(null),
                stand.map(LevensloopRepository.Stand::statusperiodeEind).orElse(null),
                stand.map(LevensloopRepository.Stand::afrondingReden).orElse(null), LocalDate.now(klok));
    }

    /** A code of OT's lists as words: {@code B_PSYCHISCHE_OORZAAK} → "psychische oorzaak (B)". */
    public String tekst(String code) {
        if (code == null) {
            return "";
        }
        boolean metCategorie = code.length() > 2 && code.charAt(1) == '_' && (code.charAt(0) == 'A'
                || code.charAt(0) == 'B');
        String woorden = (metCategorie ? code.substring(2) : code).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return metCategorie ? woorden + " (" + code.charAt(0) + ")" : woorden;
    }

    @PostMapping("/meldingen/{id}/ot/aanvullen")
    public String aanvullen(@PathVariable long id, @RequestParam(defaultValue = "") String hoofdoorzaak,
                            @RequestParam(defaultValue = "") String sppohAdviseur,
                            @RequestParam(defaultValue = "") String toelichting,
                            @RequestParam(defaultValue = "") String wachtlijst, Authentication wie,
                            RedirectAttributes bericht) {
        return doe(id, wie, bericht, "Melding #" + id + " is aangevuld en gaat nu naar OT; daarna wordt ze ingediend"
                + " bij SPPOH.", door -> service.aanvullenEnIndienen(id, leeg(hoofdoorzaak), sppohAdviseur, toelichting,
                wachtlijst, door));
    }

    @PostMapping("/meldingen/{id}/ot/interventie")
    public String interventie(@PathVariable long id, @RequestParam(defaultValue = "") String soort,
                              @RequestParam(defaultValue = "") String startdatum,
                              @RequestParam(defaultValue = "") String toelichting, Authentication wie,
                              RedirectAttributes bericht) {
        return doe(id, wie, bericht, "De interventie staat klaar voor OT.", door -> service.interventie(id, leeg(soort),
                datum(startdatum, "startdatum"), leeg(toelichting), door));
    }

    @PostMapping("/meldingen/{id}/ot/statusperiode-beeindigen")
    public String beeindigen(@PathVariable long id, @RequestParam(defaultValue = "") String einddatum,
                             Authentication wie, RedirectAttributes bericht) {
        return doe(id, wie, bericht, "Het einde van de statusperiode staat klaar voor OT.",
                door -> service.beeindigStatusperiode(id, datum(einddatum, "einddatum"), door));
    }

    @PostMapping("/meldingen/{id}/ot/statusperiode")
    public String statusperiode(@PathVariable long id, @RequestParam(defaultValue = "") String categorie,
                                @RequestParam(defaultValue = "") String hoofdoorzaak,
                                @RequestParam(defaultValue = "") String startdatum, Authentication wie,
                                RedirectAttributes bericht) {
        return doe(id, wie, bericht, "De nieuwe statusperiode staat klaar voor OT.", door -> service.statusperiode(id,
                leeg(categorie), leeg(hoofdoorzaak), datum(startdatum, "startdatum"), door));
    }

    @PostMapping("/meldingen/{id}/ot/logboek")
    public String logboek(@PathVariable long id, @RequestParam(defaultValue = "") String datum,
                          @RequestParam(defaultValue = "") String tekst, Authentication wie,
                          RedirectAttributes bericht) {
        return doe(id, wie, bericht, "De logboekregel staat klaar voor OT.", door -> service.logboekregel(id,
                datum.isBlank() ? null : datum(datum, "datum"), tekst, door));
    }

    @PostMapping("/meldingen/{id}/ot/afronden")
    public String afronden(@PathVariable long id, @RequestParam(defaultValue = "") String reden,
                           @RequestParam(defaultValue = "") String einddatum,
                           @RequestParam(defaultValue = "") String toelichting, Authentication wie,
                           RedirectAttributes bericht) {
        return doe(id, wie, bericht, "De afronding staat klaar voor OT.", door -> service.afronden(id, leeg(reden),
                datum(einddatum, "einddatum verzuim"), leeg(toelichting), door));
    }

    /**
     * The step on a melding within the account's reach (else 404), done in the login's name, then back to the
     * melding's page with what happened, or why not — in the service's words.
     */
    private String doe(long id, Authentication wie, RedirectAttributes bericht, String gelukt,
                       Function<String, ?> stap) {
        overzicht.vereisBinnenBereik(id, Beveiliging.bereik(wie));
        try {
            stap.apply(wie.getName());
            bericht.addFlashAttribute("bericht", gelukt);
        } catch (MeldingActies.NietMogelijk | MeldingActies.NietGevonden | MeldingActies.OngeldigVerzoek
                 | ActieGeweigerd | Levensloop.OngeldigeStap | java.util.NoSuchElementException e) {
            bericht.addFlashAttribute("fout", "Niet gelukt: " + e.getMessage() + ".");
        }
        return "redirect:/meldingen/" + id;
    }

    private static String leeg(String waarde) {
        return waarde == null || waarde.isBlank() ? null : waarde.strip();
    }

    /** A date from a form field (yyyy-mm-dd, as a date input sends it); empty is null, the service says it is missing. */
    private static LocalDate datum(String waarde, String veld) {
        if (waarde == null || waarde.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(waarde.strip());
        } catch (DateTimeParseException e) {
            throw new MeldingActies.OngeldigVerzoek(veld + " '" + waarde.strip() + "' is geen datum (jjjj-mm-dd)");
        }
    }
}
