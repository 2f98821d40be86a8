package nl.verzuim.connector.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.persistence.Schoolbereik;
import nl.verzuim.connector.privacy.Toegangslog;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.rules.Schooljaar;
import nl.verzuim.connector.rules.Schoolkalender;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.web.plaatjes.Ambitiegrafiek;
import nl.verzuim.connector.web.plaatjes.Dagverzuim;
import nl.verzuim.connector.web.plaatjes.Jaarkaart;
import nl.verzuim.connector.web.plaatjes.Meldingkalender;
import nl.verzuim.connector.web.plaatjes.Plaatje;
import nl.verzuim.connector.web.plaatjes.Wekengrafiek;

/**
 * Gathers what the page's pictures show — the school's calendar, the pupil's registrations, the meldingen — within
 * the account's schools, and has the builders of {@code web.plaatjes} draw them. The weeks and ages count from the
 * injected clock. The pupil's page is a view of pupil data: every look is written to the {@link Toegangslog}.
 */
@Service
public class Plaatjes {

    /** The 16 hours of RELATIEF_16_UUR, drawn as the calendar's threshold line. */
    static final int ZESTIEN_UUR = 16 * 60;

    private final JdbcClient jdbc;
    private final Scholen scholen;
    private final RegistratieRepository registraties;
    private final MeldingRepository meldingen;
    private final Beheeroverzicht overzicht;
    private final Toegangslog toegangslog;
    private final Clock klok;
    private final Weergave weergave;

    public Plaatjes(JdbcClient jdbc, Scholen scholen, RegistratieRepository registraties, MeldingRepository meldingen,
                    Beheeroverzicht overzicht, Toegangslog toegangslog, Clock klok, Weergave weergave) {
        this.jdbc = jdbc;
        this.scholen = scholen;
        this.registraties = registraties;
        this.meldingen = meldingen;
        this.overzicht = overzicht;
        this.toegangslog = toegangslog;
        this.klok = klok;
        this.weergave = weergave;
    }

    /** The overview's two pictures. */
    public record Overzicht(Plaatje weken, Plaatje ambitie) {
    }

    /** The pupil's page: the melding it was reached from, the school, the year's heat map and all meldingen. */
    public record Leerlingkaart(Melding melding, String school, String schooljaar, Plaatje jaarkaart,
                                List<Melding> meldingen) {
    }

    /**
     * A melding's window or run as a calendar; null when its school is no longer configured (no calendar to draw).
     * The melding must already be within the account's reach (the page checked it).
     */
    public Plaatje meldingkalender(long id, Schoolbereik bereik) {
        Melding m = overzicht.vind(id, bereik).orElse(null);
        School school = m == null ? null : scholen.vind(m.brin(), m.vestiging()).orElse(null);
        if (school == null) {
            return null;
        }
        Schoolkalender kalender = school.kalender();
        LocalDate tot = m.einddatum() != null ? m.einddatum() : LocalDate.now(klok);
        LocalDate van = m.begindatum();
        if (meetVierLesweken(m.soort())) {
            // the rule's window: the last day's lesweek and the three before it, vakanties skipped
            LocalDate vensterBegin = kalender.lesweken(tot, 4).get(0);
            van = vensterBegin.isBefore(van) ? vensterBegin : van;
        }
        Map<LocalDate, Dagverzuim> verzuim = Dagverzuim.perDag(
                registraties.voorLeerling(m.brin(), m.vestiging(), m.leerlingId()), kalender);
        Set<LocalDate> geteld = new TreeSet<>();
        verzuim.forEach((dag, v) -> {
            if (!dag.isBefore(m.begindatum()) && !dag.isAfter(tot) && kalender.isSchooldag(dag)
                    && v.perCode().keySet().stream().anyMatch(c -> telt(m.soort(), c))) {
                geteld.add(dag);
            }
        });
        return Meldingkalender.teken("kalender-" + m.id(), "Kalender van melding #" + m.id() + ": "
                        + weergave.soort(m.soort()), van, tot, kalender, verzuim, geteld,
                "RELATIEF_16_UUR".equals(m.soort()) ? ZESTIEN_UUR : null);
    }

    /** New meldingen per week per kanaal, and the open OT meldingen per school against the region's ambition. */
    public Overzicht overzicht(Schoolbereik bereik, LocalDate vandaag) {
        ZoneId zone = klok.getZone();
        LocalDate vanaf = Wekengrafiek.weken(vandaag).get(0);
        List<Object> p = new ArrayList<>();
        p.add(Dialect.tijd(vanaf.atStartOfDay(zone).toInstant()));
        p.addAll(bereik.parameters());
        List<Wekengrafiek.Nieuw> nieuw = jdbc.sql("select kanaal, aangemaakt from melding where aangemaakt >= ? and "
                        + bereik.sql("brin", "vestiging")).params(p)
                .query((rs, n) -> new Wekengrafiek.Nieuw(Dialect.instant(rs.getObject("aangemaakt",
                        OffsetDateTime.class)).atZone(zone).toLocalDate(), Kanaal.valueOf(rs.getString("kanaal"))))
                .list();
        List<Ambitiegrafiek.Open> open = jdbc.sql("""
                        select brin, vestiging, begindatum from melding
                        where kanaal = 'OT' and status not in ('INGETROKKEN', 'VERVALLEN')
                          and (ot_status is null or ot_status <> 'AFGEROND') and """ + " "
                        + bereik.sql("brin", "vestiging")).params(bereik.parameters())
                .query((rs, n) -> new Ambitiegrafiek.Open(schoolnaam(rs.getString("brin"), rs.getString("vestiging")),
                        rs.getObject("begindatum", LocalDate.class)))
                .list();
        return new Overzicht(Wekengrafiek.teken("weken", vandaag, nieuw),
                Ambitiegrafiek.teken("ambitie", vandaag, open));
    }

    /**
     * The pupil of melding {@code id}: the school year (of the melding's decision) as a heat map with all the pupil's
     * meldingen and signals on one line. 404 outside the account's schools, like a melding that does not exist.
     * Logged as LEERLINGKAART.
     */
    public Leerlingkaart leerling(long id, Authentication wie) {
        Melding m = overzicht.vind(id, Beveiliging.bereik(wie))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        School school = scholen.vind(m.brin(), m.vestiging()).orElse(null);
        Schoolkalender kalender = school != null ? school.kalender()
                : new Schoolkalender(Map.of(), List.of(), Set.of());
        LocalDate peildag = m.beslotenOp() != null ? m.beslotenOp() : LocalDate.now(klok);
        LocalDate begin = Schooljaar.begin(peildag);
        LocalDate einde = Schooljaar.einde(peildag);
        Map<LocalDate, Dagverzuim> verzuim = Dagverzuim.perDag(
                registraties.voorLeerling(m.brin(), m.vestiging(), m.leerlingId()), kalender);
        List<Melding> alle = meldingen.voorLeerling(m.brin(), m.vestiging(), m.leerlingId());
        List<Jaarkaart.Gebeurtenis> lijn = new ArrayList<>();
        for (Melding a : alle) {
            if (a.begindatum() != null && !a.begindatum().isAfter(einde)
                    && (a.einddatum() == null || !a.einddatum().isBefore(begin))) {
                lijn.add(new Jaarkaart.Gebeurtenis(a.id(), a.kanaal(), weergave.soort(a.soort()), a.begindatum(),
                        a.einddatum()));
            }
        }
        toegangslog.schrijf(wie.getName(), "LEERLINGKAART", m.brin(), m.vestiging(), m.leerlingId(), m.id(),
                klok.instant());
        Plaatje kaart = Jaarkaart.teken("jaarkaart", "Verzuim in schooljaar " + Schooljaar.naam(peildag), begin, einde,
                kalender, verzuim, lijn);
        return new Leerlingkaart(m, school == null ? m.schoolcode() : school.naam() + " (" + m.schoolcode() + ")",
                Schooljaar.naam(peildag), kaart, alle);
    }

    private String schoolnaam(String brin, String vestiging) {
        return scholen.vind(brin, vestiging).map(s -> s.naam() + " (" + s.code() + ")").orElse(brin + vestiging);
    }

    private static boolean meetVierLesweken(String soort) {
        return "RELATIEF_16_UUR".equals(soort) || "A_LANGDURIG_RELATIEF_VERZUIM".equals(soort)
                || "B_LANGDURIG_GEOORLOOFD_VERZUIM".equals(soort);
    }

    /** Whether a day with code {@code c} counts for a melding of {@code soort}, as its rule counts it. */
    static boolean telt(String soort, Afwezigheidscode c) {
        if (soort == null) {
            return c.isAfwezig();
        }
        return switch (soort) {
            case "RELATIEF_16_UUR", "A_LANGDURIG_RELATIEF_VERZUIM", "OVERIG" -> c.isOngeoorloofd();
            case "LUXE" -> c == Afwezigheidscode.LUX;
            case "B_LANGDURIG_GEOORLOOFD_VERZUIM", "ZAS_4E_ZIEKMELDING_IN_12_WEKEN",
                 "ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN" -> c.isZiekteOfMedisch();
            default -> c.isAfwezig();
        };
    }
}
