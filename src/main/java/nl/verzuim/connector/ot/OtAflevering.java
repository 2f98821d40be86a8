package nl.verzuim.connector.ot;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.levensloop.LevensloopRepository;
import nl.verzuim.connector.mail.MailService;
import nl.verzuim.connector.melding.Afleverdossier;
import nl.verzuim.connector.melding.Afleverdossiers;
import nl.verzuim.connector.melding.AuditRepository;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.ot.model.OtModel;
import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.outbox.OutboxWerk;
import nl.verzuim.connector.rules.PercentageOnderwijs;

/**
 * What the OT delivery route does with each outbox item: open the traject (status NIEUW), then submit it to SPPOH
 * (INGEDIEND) as a second piece of outbox work, each with its own Idempotency-Key. 409 and 422 make a clear state
 * on the melding; 503 and other server trouble are tried again later.
 */
@Component
public class OtAflevering {

    private static final Logger LOG = LoggerFactory.getLogger(OtAflevering.class);

    private final OtClient ot;
    private final MeldingRepository meldingen;
    private final Afleverdossiers dossiers;
    private final OutboxRepository outbox;
    private final OutboxWerk werk;
    private final AuditRepository audit;
    private final TransactionTemplate transactie;
    private final LevensloopRepository levensloop;
    private final Clock klok;

    public OtAflevering(OtClient ot, MeldingRepository meldingen, Afleverdossiers dossiers, OutboxRepository outbox,
                        OutboxWerk werk, AuditRepository audit, TransactionTemplate transactie,
                        LevensloopRepository levensloop, Clock klok) {
        this.ot = ot;
        this.meldingen = meldingen;
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.werk = werk;
        this.audit = audit;
        this.transactie = transactie;
        this.levensloop = levensloop;
        this.klok = klok;
    }

    private MailService mail;

    /** The school's mail when OT finds the form incomplete (422 on indienen); a setter to leave the constructor be. */
    @Autowired(required = false)
    public void setMailService(MailService mail) {
        this.mail = mail;
    }

    public void lever(OutboxItem item) {
        Melding melding = meldingen.vind(item.meldingId()).orElseThrow();
        try {
            switch (item.operatie()) {
                case OT_TRAJECT_AANMAKEN -> aanmaken(item, melding);
                case OT_INDIENEN -> indienen(item, melding);
                default -> throw new IllegalStateException("onbekende OT-operatie " + item.operatie());
            }
        } catch (OtFout fout) {
            if (fout.isHerhaalbaar()) {
                werk.opnieuw(item, fout.getMessage());
            } else {
                geweigerd(item, melding, fout);
            }
        }
    }

    private void aanmaken(OutboxItem item, Melding melding) {
        Afleverdossier dossier = dossiers.voor(melding);
        int percentage = PercentageOnderwijs.over4Lesweken(dossier.registraties(), dossier.school().kalender(),
                LocalDate.now(klok));
        OtModel.Traject traject = ot.trajectAanmaken(
                OtBerichtBouwer.nieuwTraject(melding, dossier.leerling(), dossier.school(), percentage,
                        levensloop.aanvulling(melding.id())), item.sleutel());
        transactie.executeWithoutResult(status -> {
            meldingen.trajectAangemaakt(melding.id(), traject.trajectId(), traject.otId(), traject.status(),
                    traject.link(), klok.instant());
            outbox.verzonden(item.id(), klok.instant());
            outbox.plaats(melding.id(), "OT", OutboxItem.Operatie.OT_INDIENEN, klok.instant());
            audit.schrijf(melding.id(), "TRAJECT_AANGEMAAKT", "OT", "Idempotency-Key " + item.sleutel() + "; traject "
                    + traject.trajectId() + "; OT-ID " + traject.otId(), "connector", klok.instant());
        });
        LOG.info("OT-traject {} aangemaakt voor melding {}", traject.trajectId(), melding.id());
    }

    private void indienen(OutboxItem item, Melding melding) {
        OtModel.Traject traject = ot.indienen(melding.trajectId(), item.sleutel());
        transactie.executeWithoutResult(status -> {
            meldingen.otStatus(melding.id(), MeldingStatus.VERZONDEN, traject.status(), null, klok.instant());
            if (traject.link() != null) {
                meldingen.trajectAangemaakt(melding.id(), melding.trajectId(),
                        traject.otId() != null ? traject.otId() : melding.otId(), traject.status(), traject.link(),
                        klok.instant());
            }
            outbox.verzonden(item.id(), klok.instant());
            audit.schrijf(melding.id(), "INGEDIEND", "OT", "Idempotency-Key " + item.sleutel() + "; traject "
                    + melding.trajectId() + " ingediend bij SPPOH", "connector", klok.instant());
        });
        LOG.info("OT-traject {} ingediend bij SPPOH (melding {})", melding.trajectId(), melding.id());
    }

    /**
     * OT refused: the same request would be refused again, so it becomes a dead letter, and the melding's
     * laatste_fout says plainly what is the matter — CONFLICT (409: a traject already runs, or the traject is not
     * in a state to be submitted) or ONVOLLEDIG (422: OT names the fields it misses). The melding keeps its OT
     * status (the Trajectstatus, which the refusal did not change), so SPPOH's later answers still fit.
     */
    private void geweigerd(OutboxItem item, Melding melding, OtFout fout) {
        String weigering = switch (fout.status()) {
            case 409 -> "CONFLICT";
            case 422 -> "ONVOLLEDIG";
            default -> "GEWEIGERD";
        };
        String voorDeMelding = fout.getMessage() + (fout.uitleg() == null ? "" : ": " + fout.uitleg());
        transactie.executeWithoutResult(status -> {
            werk.mislukt(item, "OT-" + fout.status(), fout.getMessage(), voorDeMelding);
            if (fout.status() == 422 && item.operatie() == OutboxItem.Operatie.OT_INDIENEN && mail != null) {
                // issue 6: tell the school; in this transaction, so the dead letter and its mail come together
                mail.conceptOnvolledig(melding, fout.velden(), item.sleutel());
            }
            meldingen.otGeweigerd(item.meldingId(), "OT weigerde " + item.operatie() + " (" + weigering + "): "
                    + voorDeMelding, klok.instant());
        });
        LOG.warn("OT weigerde {} voor melding {}: HTTP {} {}", item.operatie(), item.meldingId(), fout.status(),
                fout.code());
    }

    /** Anything unexpected (a bug, a database hiccup) is retried like a time-out, and named by type only. */
    public void mislukt(OutboxItem item, Throwable fout) {
        werk.opnieuw(item, "onverwachte fout: " + Foutketen.van(fout));
    }
}
