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
import nl.verzuim.connector.levensloop.Levensloop;
import nl.verzuim.connector.levensloop.LevensloopRepository;
import nl.verzuim.connector.levensloop.LevensloopService;
import nl.verzuim.connector.mail.MailService;
import nl.verzuim.connector.melding.AuditRepository;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.ot.model.OtModel;
import nl.verzuim.connector.outbox.OutboxItem;

/**
 * Acts once on each stored OT event: SPPOH accepted or returned a melding (the school's contactpersoon gets a mail),
 * or closed it. Webhook and poll feed this one handler; an event is marked done in the same transaction as its
 * effects, and only if no one marked it before, so it is acted on exactly once. What the event does is the
 * lifecycle's decision ({@link Levensloop#bijGebeurtenis}); this handler applies it: an impossible step
 * (GEACCEPTEERD for an afgeronde melding) changes nothing and is kept with its reason, and the route goes on.
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
        Levensloop.Overgang overgang = Levensloop.bijGebeurtenis(m.otStatus(), g.type(),
                levensloop.open(m.id(), OutboxItem.Operatie.OT_INDIENEN) > 0);
        switch (overgang.uitkomst()) {
            case WACHTEN -> {
                // SPPOH answered before our record of the (re)submission was written: next round.
                LOG.info("OT-gebeurtenis {} wacht tot het indienen van traject {} is vastgelegd", eventId,
                        g.trajectId());
                return;
            }
            case GEWEIGERD -> {
                weiger(eventId, g, m, overgang.reden());
                return;
            }
            case TOEGEPAST -> pasToe(overgang, g, m);
        }
        String resultaat = overgang.resultaat();
        if (!gebeurtenissen.verwerkt(eventId, resultaat, klok.instant())) {
            // Another round marked it first: undo what this one did, so it happens once.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return;
        }
        audit.schrijf(m.id(), "OT_" + g.type(), "OT", "eventId " + g.eventId() + (g.door() == null ? ""
                : "; door " + g.door()), "SPPOH", klok.instant());
        LOG.info("OT-gebeurtenis {} ({}) verwerkt: {}", g.eventId(), g.type(), resultaat);
    }

    /** The lifecycle's answer, in the event's transaction: the new state, then its gevolgen in order. */
    private void pasToe(Levensloop.Overgang overgang, OtModel.Gebeurtenis g, Melding m) {
        if (overgang.naar() != null) {
            String terugzetReden = switch (overgang.terugzetreden()) {
                case WISSEN -> null;
                case VAN_GEBEURTENIS -> g.reden();
                case HOUDEN -> m.terugzetReden();
            };
            meldingen.otStatus(m.id(), MeldingStatus.VERZONDEN, overgang.naar().name(), terugzetReden, klok.instant());
        }
        for (Levensloop.Gevolg gevolg : overgang.gevolgen()) {
            switch (gevolg) {
                case LEGE_VELDEN_ONTHOUDEN -> levensloopService.teruggezet(m);
                case MAIL_GEACCEPTEERD -> mail.geaccepteerd(m, g.eventId(), g.otId(), g.trajectId());
                case MAIL_TERUGGEZET -> mail.teruggezet(m, g.eventId(), g.otId(), g.trajectId(), g.reden());
            }
        }
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
