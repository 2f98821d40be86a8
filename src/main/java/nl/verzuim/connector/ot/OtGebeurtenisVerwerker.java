package nl.verzuim.connector.ot;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.mail.MailService;
import nl.verzuim.connector.melding.AuditRepository;
import nl.verzuim.connector.melding.Levensloop;
import nl.verzuim.connector.melding.LevensloopService;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.persistence.GebeurtenisRepository;
import nl.verzuim.connector.persistence.LevensloopRepository;

/**
 * Acts once on each stored OT event: SPPOH accepted or returned a melding (the school's contactpersoon gets a mail),
 * or closed it. Webhook and poll feed this one handler; an event is marked done in the same transaction as its
 * effects, and only if no one marked it before, so it is acted on exactly once. Each step is checked against
 * {@link Levensloop}: an impossible one (GEACCEPTEERD for an afgeronde melding) changes nothing and is kept with its
 * reason, and the route goes on.
 */
@Component
public class OtGebeurtenisVerwerker {

    private static final Logger LOG = LoggerFactory.getLogger(OtGebeurtenisVerwerker.class);

    private final GebeurtenisRepository gebeurtenissen;
    private final MeldingRepository meldingen;
    private final LevensloopRepository levensloop;
    private final LevensloopService levensloopService;
    private final MailService mail;
    private final AuditRepository audit;
    private final Clock klok;

    public OtGebeurtenisVerwerker(GebeurtenisRepository gebeurtenissen, MeldingRepository meldingen,
                                  LevensloopRepository levensloop, LevensloopService levensloopService,
                                  MailService mail, AuditRepository audit, Clock klok) {
        this.gebeurtenissen = gebeurtenissen;
        this.meldingen = meldingen;
        this.levensloop = levensloop;
        this.levensloopService = levensloopService;
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
        Levensloop.Stap stap = Levensloop.Stap.vanGebeurtenis(g.type());
        Levensloop.Status van;
        try {
            van = Levensloop.Status.van(m.otStatus());
        } catch (Levensloop.OnbekendeStatus fout) {
            weiger(eventId, g, m, fout.getMessage());
            return;
        }
        boolean sppohBeslist = stap == Levensloop.Stap.ACCEPTEREN || stap == Levensloop.Stap.TERUGZETTEN;
        if (sppohBeslist && (van == Levensloop.Status.NIEUW || van == Levensloop.Status.TERUGGEZET)) {
            if (levensloop.open(m.id(), OutboxItem.Operatie.OT_INDIENEN) > 0) {
                // SPPOH answered before our record of the (re)submission was written: next round.
                LOG.info("OT-gebeurtenis {} wacht tot het indienen van traject {} is vastgelegd", eventId,
                        g.trajectId());
                return;
            }
            // SPPOH only decides on a submitted traject: with none of ours on its way, the school submitted it in
            // OT itself (e.g. after OT refused ours with 422). OT is the source of truth.
            van = Levensloop.Status.INGEDIEND;
        }
        if (stap != null && !Levensloop.mag(van, stap)) {
            String reden;
            try {
                Levensloop.na(van, stap);
                reden = "onbekend";
            } catch (Levensloop.OngeldigeStap fout) {
                reden = fout.getMessage();
            }
            weiger(eventId, g, m, reden);
            return;
        }
        String resultaat;
        switch (g.type()) {
            case "GEACCEPTEERD" -> {
                meldingen.otStatus(m.id(), MeldingStatus.VERZONDEN, Levensloop.na(van, stap).name(), null,
                        klok.instant());
                mail.geaccepteerd(m, g);
                resultaat = "melding lopend; mail aan contactpersoon";
            }
            case "TERUGGEZET" -> {
                meldingen.otStatus(m.id(), MeldingStatus.VERZONDEN, Levensloop.na(van, stap).name(), g.reden(),
                        klok.instant());
                levensloopService.teruggezet(m);
                mail.teruggezet(m, g);
                resultaat = "melding teruggezet; mail aan contactpersoon";
            }
            case "AFGEROND" -> {
                meldingen.otStatus(m.id(), MeldingStatus.VERZONDEN, Levensloop.na(van, stap).name(), m.terugzetReden(),
                        klok.instant());
                resultaat = "melding afgerond";
            }
            default -> resultaat = "gewijzigd; geen actie";
        }
        if (!gebeurtenissen.verwerkt(eventId, resultaat, klok.instant())) {
            // Another round marked it first: undo what this one did, so it happens once.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return;
        }
        audit.schrijf(m.id(), "OT_" + g.type(), "OT", "eventId " + g.eventId() + (g.door() == null ? ""
                : "; door " + g.door()), "SPPOH", klok.instant());
        LOG.info("OT-gebeurtenis {} ({}) verwerkt: {}", g.eventId(), g.type(), resultaat);
    }

    /** An impossible step changes nothing; the event is kept with its reason and is not tried again. */
    private void weiger(String eventId, OtModel.Gebeurtenis g, Melding m, String reden) {
        if (gebeurtenissen.geweigerd(eventId, reden, klok.instant())) {
            audit.schrijf(m.id(), "OT_GEBEURTENIS_GEWEIGERD", "OT", "eventId " + g.eventId() + " (" + g.type()
                    + "): " + reden, "SPPOH", klok.instant());
            LOG.warn("OT-gebeurtenis {} ({}) geweigerd voor melding {}: {}", g.eventId(), g.type(), m.id(), reden);
        }
    }
}
