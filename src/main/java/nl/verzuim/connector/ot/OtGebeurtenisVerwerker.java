package nl.verzuim.connector.ot;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.mail.MailService;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.persistence.AuditRepository;
import nl.verzuim.connector.persistence.GebeurtenisRepository;
import nl.verzuim.connector.persistence.MeldingRepository;

/**
 * Acts once on each stored OT event: SPPOH accepted or returned a melding (the school's contactpersoon gets a mail),
 * or closed it. Webhook and poll feed this one handler; an event is marked done in the same transaction as its
 * effects, so it is acted on exactly once.
 */
@Component
public class OtGebeurtenisVerwerker {

    private static final Logger LOG = LoggerFactory.getLogger(OtGebeurtenisVerwerker.class);

    private final GebeurtenisRepository gebeurtenissen;
    private final MeldingRepository meldingen;
    private final MailService mail;
    private final AuditRepository audit;
    private final Clock klok;

    public OtGebeurtenisVerwerker(GebeurtenisRepository gebeurtenissen, MeldingRepository meldingen, MailService mail,
                                  AuditRepository audit, Clock klok) {
        this.gebeurtenissen = gebeurtenissen;
        this.meldingen = meldingen;
        this.mail = mail;
        this.audit = audit;
        this.klok = klok;
    }

    public List<String> openstaande() {
        return gebeurtenissen.openstaande(100);
    }

    /** A failed event stays open and is tried again on the next round; the log names the cause's types only. */
    public void mislukt(String eventId, Throwable fout) {
        LOG.warn("OT-gebeurtenis {} niet verwerkt ({}); volgende ronde opnieuw", eventId, Foutketen.van(fout));
    }

    @Transactional
    public void verwerk(String eventId) {
        Optional<OtModel.Gebeurtenis> gevonden = gebeurtenissen.vind(eventId);
        if (gevonden.isEmpty()) {
            return;
        }
        OtModel.Gebeurtenis g = gevonden.get();
        Optional<Melding> melding = meldingen.vindOpTraject(g.trajectId());
        if (melding.isEmpty()) {
            LOG.warn("OT-gebeurtenis {} gaat over onbekend traject {}", g.eventId(), g.trajectId());
            gebeurtenissen.verwerkt(eventId, "onbekend traject", klok.instant());
            return;
        }
        Melding m = melding.get();
        String resultaat;
        switch (g.type()) {
            case "GEACCEPTEERD" -> {
                meldingen.otStatus(m.id(), MeldingStatus.VERZONDEN, "LOPEND", null, klok.instant());
                mail.geaccepteerd(m, g);
                resultaat = "melding lopend; mail aan contactpersoon";
            }
            case "TERUGGEZET" -> {
                meldingen.otStatus(m.id(), MeldingStatus.VERZONDEN, "TERUGGEZET", g.reden(), klok.instant());
                mail.teruggezet(m, g);
                resultaat = "melding teruggezet; mail aan contactpersoon";
            }
            case "AFGEROND" -> {
                meldingen.otStatus(m.id(), MeldingStatus.VERZONDEN, "AFGEROND", m.terugzetReden(), klok.instant());
                resultaat = "melding afgerond";
            }
            default -> resultaat = "gewijzigd; geen actie";
        }
        audit.schrijf(m.id(), "OT_" + g.type(), "OT", "eventId " + g.eventId() + (g.door() == null ? ""
                : "; door " + g.door()), "SPPOH", klok.instant());
        gebeurtenissen.verwerkt(eventId, resultaat, klok.instant());
        LOG.info("OT-gebeurtenis {} ({}) verwerkt: {}", g.eventId(), g.type(), resultaat);
    }
}
