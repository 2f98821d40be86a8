package nl.verzuim.connector.mail;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.verzuim.connector.levensloop.Levensloop;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * Puts mails for the school's contactpersoon in the mail outbox, in the caller's transaction. The key of a mail
 * (e.g. the OT eventId it answers) makes the same mail go in once.
 */
@Service
public class MailService {

    private final MailOpsteller opsteller = new MailOpsteller();
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", new Locale("nl", "NL"));

    private final JdbcClient jdbc;
    private final Scholen scholen;
    private final MeldingRepository meldingen;
    private final Clock klok;

    public MailService(JdbcClient jdbc, Scholen scholen, MeldingRepository meldingen, Clock klok) {
        this.jdbc = jdbc;
        this.scholen = scholen;
        this.meldingen = meldingen;
        this.klok = klok;
    }

    /**
     * OT did not take a submission because its form is incomplete (422): which fields, by name only. The key is the
     * outbox item's, so a retried or restarted delivery mails once.
     */
    public void conceptOnvolledig(Melding melding, List<String> velden, String sleutel) {
        School school = school(melding);
        Map<String, Object> gegevens = basis(melding, school, melding.otId(), melding.trajectId());
        gegevens.put("velden", velden == null || velden.isEmpty() ? List.of("(OT noemde geen velden)") : velden);
        plaats("onvolledig:" + sleutel, "concept-onvolledig", melding.id(), school.contactpersoon().email(),
                "Melding zorgwekkend verzuim onvolledig – " + school.naam() + ", OT-ID " + melding.otId(), gegevens);
    }

    /** A reminder of {@link Herinneringsplan}; true when it was new. */
    public boolean herinnering(Herinneringsplan.Herinnering h) {
        if (bestaat(h.sleutel())) {
            return false; // planned every hour for days: known keys cost one query, not one per open melding
        }
        if (h.soort() == Herinneringsplan.Soort.OPGAVE) {
            School school = scholen.vind(h.schoolcode()).orElseThrow(() ->
                    new IllegalStateException("school " + h.schoolcode() + " staat niet in de schoolconfiguratie"));
            List<Map<String, Object>> lijst = new ArrayList<>();
            for (Herinneringsplan.Open o : h.meldingen()) {
                Melding m = meldingen.vind(o.meldingId()).orElseThrow();
                Map<String, Object> regel = new LinkedHashMap<>();
                regel.put("otId", m.otId());
                regel.put("status", status(m.otStatus()));
                regel.put("start", DATUM.format(m.begindatum()));
                regel.put("link", m.otLink());
                lijst.add(regel);
            }
            Map<String, Object> gegevens = new LinkedHashMap<>();
            gegevens.put("school", school.naam());
            gegevens.put("contactpersoon", school.contactpersoon().naam());
            gegevens.put("deadline", DATUM.format(h.datum()));
            gegevens.put("meldingen", lijst);
            return plaats(h.sleutel(), "opgave-herinnering", null, school.contactpersoon().email(),
                    "Herinnering: opgave zorgwekkend verzuim vóór " + DATUM.format(h.datum()) + " – " + school.naam()
                            + (lijst.isEmpty() ? " (geen open meldingen)" : " (" + lijst.size() + " open melding"
                            + (lijst.size() == 1 ? "" : "en") + ")"), gegevens);
        }
        Melding m = meldingen.vind(h.meldingen().get(0).meldingId()).orElseThrow();
        School school = school(m);
        Map<String, Object> gegevens = basis(m, school, m.otId(), m.trajectId());
        if (h.soort() == Herinneringsplan.Soort.TWEE_MAANDEN) {
            gegevens.put("status", status(m.otStatus()));
            gegevens.put("start", DATUM.format(m.begindatum()));
            gegevens.put("tweeMaanden", DATUM.format(h.datum()));
            boolean categorieA = m.soort().startsWith("A_");
            gegevens.put("afwezig", categorieA ? "afwezig met een vermoeden van ongeoorloofd verzuim (categorie A)"
                    : "langdurig geoorloofd afwezig (categorie B)");
            return plaats(h.sleutel(), "twee-maanden-herinnering", m.id(), school.contactpersoon().email(),
                    "Twee maanden thuiszitten (categorie " + (categorieA ? "A" : "B") + "): " + school.naam()
                            + ", OT-ID " + m.otId(), gegevens);
        }
        gegevens.put("weken", h.stap().weken());
        gegevens.put("stap", h.stap().omschrijving());
        gegevens.put("status", status(m.otStatus()));
        gegevens.put("start", DATUM.format(m.begindatum()));
        gegevens.put("termijn", h.stap().weken() + " weken na " + DATUM.format(m.begindatum()) + ": "
                + DATUM.format(h.datum()));
        gegevens.put("vervolg", switch (h.stap()) {
            case INTERCOLLEGIALE_AFSTEMMING -> "stem in het eigen team af (na een MDO/JES) en leg het plan vast.";
            case MANAGEMENTAFSTEMMING -> "schaal op naar managementafstemming (Den Haag).";
            case ADVIESTAFEL -> "meld de leerling aan bij de Adviestafel voor consult, advies en procesregie.";
            case DIRECTEURENNIVEAU -> "schaal uiterlijk nu op naar afstemming op directeurenniveau.";
        });
        return plaats(h.sleutel(), "opschaling-herinnering", m.id(), school.contactpersoon().email(),
                "Opschalingsroute " + h.stap().weken() + " weken: " + school.naam() + ", OT-ID " + m.otId(), gegevens);
    }

    /**
     * An alert to IT ({@code connector.beheer.waarschuwingen-email}); the key (cause, school, day) sends it once a
     * day. The text holds counts and school codes, never a pupil. True when it was new.
     */
    public boolean waarschuwing(String sleutel, String ontvanger, String onderwerp, String tekst) {
        Map<String, Object> gegevens = new LinkedHashMap<>();
        gegevens.put("tekst", tekst);
        return plaats(sleutel, "waarschuwing", null, ontvanger, onderwerp, gegevens);
    }

    /** The melding's OT state in the lifecycle's own words (one text per state: Levensloop.Status.tekst). */
    private static String status(String otStatus) {
        try {
            return Levensloop.Status.van(otStatus).tekst();
        } catch (Levensloop.OnbekendeStatus e) {
            return otStatus;
        }
    }

    /**
     * SPPOH accepted the melding (OT event {@code eventId}, which is the mail's key: the event mails once).
     */
    public void geaccepteerd(Melding melding, String eventId, String otId, String trajectId) {
        School school = school(melding);
        Map<String, Object> gegevens = basis(melding, school, otId, trajectId);
        plaats("ot:" + eventId, "geaccepteerd", melding.id(), school.contactpersoon().email(),
                "Melding zorgwekkend verzuim geaccepteerd door SPPOH – " + school.naam() + ", OT-ID " + otId, gegevens);
    }

    /** SPPOH returned the melding, with its {@code reden} (none given: said so). */
    public void teruggezet(Melding melding, String eventId, String otId, String trajectId, String reden) {
        School school = school(melding);
        Map<String, Object> gegevens = basis(melding, school, otId, trajectId);
        gegevens.put("reden", reden == null || reden.isBlank() ? "SPPOH heeft geen reden opgegeven." : reden);
        plaats("ot:" + eventId, "teruggezet", melding.id(), school.contactpersoon().email(),
                "Melding zorgwekkend verzuim teruggezet door SPPOH – " + school.naam() + ", OT-ID " + otId, gegevens);
    }

    private Map<String, Object> basis(Melding melding, School school, String otId, String trajectId) {
        Map<String, Object> gegevens = new LinkedHashMap<>();
        gegevens.put("school", school.naam());
        gegevens.put("contactpersoon", school.contactpersoon().naam());
        gegevens.put("otId", otId);
        gegevens.put("trajectId", trajectId);
        gegevens.put("link", melding.otLink());
        gegevens.put("categorie", melding.soort().startsWith("A_") ? "A – langdurig relatief verzuim"
                : "B – langdurig geoorloofd verzuim");
        return gegevens;
    }

    private School school(Melding melding) {
        return scholen.vind(melding.brin(), melding.vestiging()).orElseThrow(() ->
                new IllegalStateException("school " + melding.schoolcode() + " staat niet in de schoolconfiguratie"));
    }

    private boolean bestaat(String sleutel) {
        return jdbc.sql("select count(*) from mail_outbox where sleutel = ?").param(sleutel).query(Integer.class)
                .single() > 0;
    }

    boolean plaats(String sleutel, String soort, Long meldingId, String ontvanger, String onderwerp,
                   Map<String, Object> gegevens) {
        if (bestaat(sleutel)) {
            return false;
        }
        MailOpsteller.Inhoud inhoud = opsteller.stelOp(soort, gegevens);
        jdbc.sql("""
                insert into mail_outbox (sleutel, melding_id, soort, ontvanger, onderwerp, html, tekst, status, pogingen,
                    volgende_poging, aangemaakt) values (?, ?, ?, ?, ?, ?, ?, 'TE_VERZENDEN', 0, ?, ?)""")
                .params(sleutel, meldingId, soort, ontvanger, onderwerp, inhoud.html(), inhoud.tekst(),
                        Dialect.tijd(klok.instant()), Dialect.tijd(klok.instant()))
                .update();
        return true;
    }
}
