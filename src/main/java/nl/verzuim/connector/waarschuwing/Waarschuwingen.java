package nl.verzuim.connector.waarschuwing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.BeheerInstellingen;
import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.intake.ExportOntvangst;
import nl.verzuim.connector.intake.QuarantaineRepository;
import nl.verzuim.connector.mail.MailService;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.rules.Waarschuwingsregel;
import nl.verzuim.connector.rules.Waarschuwingsregel.Waarschuwing;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * Gathers the figures for {@link Waarschuwingsregel} on the connector's clock; route {@code waarschuwingen} mails
 * what holds to {@code connector.beheer.waarschuwingen-email} (once per cause and school per day, by the mail's key),
 * and the page shows the same list at the top.
 */
@Component
public class Waarschuwingen {

    private static final Logger LOG = LoggerFactory.getLogger(Waarschuwingen.class);

    private final Scholen scholen;
    private final ExportOntvangst exports;
    private final QuarantaineRepository quarantaine;
    private final OutboxRepository outbox;
    private final MeldingRepository meldingen;
    private final MailService mail;
    private final TransactionTemplate transactie;
    private final ConnectorInstellingen instellingen;
    private final BeheerInstellingen beheer;
    private final Clock klok;

    public Waarschuwingen(Scholen scholen, ExportOntvangst exports, QuarantaineRepository quarantaine,
                          OutboxRepository outbox, MeldingRepository meldingen, MailService mail,
                          TransactionTemplate transactie, ConnectorInstellingen instellingen,
                          BeheerInstellingen beheer, Clock klok) {
        this.scholen = scholen;
        this.exports = exports;
        this.quarantaine = quarantaine;
        this.outbox = outbox;
        this.meldingen = meldingen;
        this.mail = mail;
        this.transactie = transactie;
        this.instellingen = instellingen;
        this.beheer = beheer;
        this.klok = klok;
    }

    /** What holds today. */
    public List<Waarschuwing> nu() {
        return op(LocalDate.now(klok));
    }

    public List<Waarschuwing> op(LocalDate peildatum) {
        return op(peildatum, instellingen.duo().tls());
    }

    /** With the DUO client certificate of {@code tls} (the setting's, or a test's). */
    List<Waarschuwing> op(LocalDate peildatum, ConnectorInstellingen.Tls tls) {
        ZoneId zone = klok.getZone();
        Map<String, java.time.Instant> laatste = exports.laatste();
        List<Waarschuwingsregel.SchoolStand> stand = new ArrayList<>();
        for (School school : scholen.scholen()) {
            java.time.Instant gelezen = laatste.get(school.code());
            stand.add(new Waarschuwingsregel.SchoolStand(school.code(), school.kalender(),
                    gelezen == null ? null : gelezen.atZone(zone).toLocalDate()));
        }
        LocalDate certificaat;
        List<Waarschuwing> extra = new ArrayList<>();
        try {
            certificaat = Clientcertificaat.geldigTot(tls, zone).orElse(null);
        } catch (Exception e) {
            certificaat = null;
            extra.add(new Waarschuwing(Waarschuwingsregel.Oorzaak.CERTIFICAAT, "", "De keystore met het"
                    + " clientcertificaat voor DUO (connector.duo.tls.keystore) kan niet gelezen worden: "
                    + e.getClass().getSimpleName() + ". Controleer pad, soort en wachtwoord."));
        }
        List<Waarschuwing> uit = new ArrayList<>(Waarschuwingsregel.watGeldt(new Waarschuwingsregel.Stand(peildatum,
                beheer.exportSchooldagen(), stand, outbox.aantalDoodlopers(), quarantaine.aantal(),
                meldingen.openDuoTermijnen(), certificaat)));
        uit.addAll(extra);
        return uit;
    }

    /** Route waarschuwingen: today's alerts into the mail outbox; how many were new. */
    public int mail() {
        return mail(LocalDate.now(klok));
    }

    public int mail(LocalDate peildatum) {
        return mail(peildatum, beheer.waarschuwingenEmail(), instellingen.duo().tls());
    }

    /** To {@code ontvanger} (the setting's, or a test's), with the client certificate of {@code tls}. */
    synchronized int mail(LocalDate peildatum, String ontvanger, ConnectorInstellingen.Tls tls) {
        if (ontvanger == null || ontvanger.isBlank()) {
            return 0;
        }
        int nieuw = 0;
        for (Waarschuwing w : op(peildatum, tls)) {
            try {
                Boolean geplaatst = transactie.execute(s -> mail.waarschuwing(w.sleutel(peildatum), ontvanger,
                        onderwerp(w), w.tekst()));
                nieuw += Boolean.TRUE.equals(geplaatst) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("Waarschuwing {} niet klaargezet ({}); volgende ronde opnieuw", w.sleutel(peildatum),
                        Foutketen.van(e));
            }
        }
        if (nieuw > 0) {
            LOG.warn("{} waarschuwing(en) aan IT klaargezet voor {}", nieuw, peildatum);
        }
        return nieuw;
    }

    static String onderwerp(Waarschuwing w) {
        String waarover = switch (w.oorzaak()) {
            case GEEN_EXPORT -> "geen registratie-export";
            case DOODLOPERS -> "mislukte afleveringen";
            case QUARANTAINE -> "bestanden in quarantaine";
            case DUO_TERMIJN -> "DUO-termijn verloopt";
            case CERTIFICAAT -> "clientcertificaat DUO";
            case KALENDER -> "schoolkalender niet ingevuld";
        };
        return "Verzuimconnector: " + waarover + (w.onderwerp().isEmpty() ? "" : " – school " + w.onderwerp());
    }
}
