package nl.verzuim.connector.melding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.rules.Kanaal;

/**
 * What a person does with a melding: approve it (verzenden: na_goedkeuring), withdraw it, or send a dead letter
 * again once the cause is fixed. Each action is written to the audit table with who did it. The API and the
 * operator page call these.
 */
@Service
public class MeldingActies {

    private static final Logger LOG = LoggerFactory.getLogger(MeldingActies.class);
    private static final int MAX_REDEN = 2000;

    private final MeldingRepository meldingen;
    private final OutboxRepository outbox;
    private final AuditRepository audit;
    private final MeldingService service;
    private final Clock klok;

    public MeldingActies(MeldingRepository meldingen, OutboxRepository outbox, AuditRepository audit,
                         MeldingService service, Clock klok) {
        this.meldingen = meldingen;
        this.outbox = outbox;
        this.audit = audit;
        this.service = service;
        this.klok = klok;
    }

    /**
     * A melding that waits for approval goes into the outbox; so does a historical one (decided before the school's
     * meldingen_vanaf) a person sends after all.
     */
    @Transactional
    public Melding keurGoed(long meldingId, String door) {
        Melding melding = vind(meldingId);
        Instant nu = klok.instant();
        if (melding.status() == MeldingStatus.HISTORISCH) {
            if (!meldingen.wissel(meldingId, MeldingStatus.HISTORISCH, MeldingStatus.TE_VERZENDEN, nu)) {
                throw new NietMogelijk("melding " + meldingId + " is niet meer historisch (status "
                        + vind(meldingId).status() + ")");
            }
            service.verstuurHistorisch(melding, nu);
            audit.schrijf(meldingId, "GOEDGEKEURD", melding.kanaal().name(), "historische melding toch verzonden",
                    door, nu);
            LOG.info("Historische melding {} toch verzonden", meldingId);
            return vind(meldingId);
        }
        // One conditional update decides: of two approvals at once (a double click, two beheerders) only one
        // changes the row, so only one outbox item and one delivery arise.
        if (!meldingen.wissel(meldingId, MeldingStatus.WACHT_OP_GOEDKEURING, MeldingStatus.TE_VERZENDEN, nu)) {
            throw new NietMogelijk("melding " + meldingId + " wacht niet op goedkeuring (status "
                    + vind(meldingId).status() + ")");
        }
        service.naarOntvanger(melding, nu);
        audit.schrijf(meldingId, "GOEDGEKEURD", melding.kanaal().name(), "goedgekeurd voor verzending", door, nu);
        LOG.info("Melding {} goedgekeurd", meldingId);
        return vind(meldingId);
    }

    /**
     * Withdraws a melding a person marks as wrong. Not yet sent: it is never sent. Sent to DUO: DUO is asked to
     * withdraw it (intrekkenVerzuimmelding, through the outbox with a key of its own); the melding is INGETROKKEN
     * once DUO confirms. A melding on its way at this very moment cannot be stopped halfway: try again shortly.
     */
    @Transactional
    public Melding trekIn(long meldingId, String reden, String door) {
        if (reden == null || reden.isBlank()) {
            throw new OngeldigVerzoek("een reden is verplicht");
        }
        if (reden.length() > MAX_REDEN) {
            throw new OngeldigVerzoek("de reden is langer dan " + MAX_REDEN + " tekens");
        }
        Melding melding = vind(meldingId);
        Instant nu = klok.instant();
        List<OutboxItem> werk = outbox.voorMelding(meldingId);
        if (melding.status() == MeldingStatus.INGETROKKEN) {
            throw new NietMogelijk("melding " + meldingId + " is al ingetrokken");
        }
        if (werk.stream().anyMatch(w -> w.operatie() == OutboxItem.Operatie.DUO_INTREKKEN
                && !OutboxRepository.GEANNULEERD.equals(w.status()))) {
            throw new NietMogelijk("voor melding " + meldingId + " is intrekken al gevraagd");
        }
        boolean bijOntvanger = melding.status() == MeldingStatus.VERZONDEN || melding.meldingsnummer() != null
                || melding.trajectId() != null;
        if (bijOntvanger) {
            if (melding.kanaal() != Kanaal.DUO) {
                throw new NietMogelijk("melding " + meldingId + " staat al bij OT; intrekken gaat daar via SPPOH");
            }
            outbox.plaats(meldingId, "DUO", OutboxItem.Operatie.DUO_INTREKKEN, reden, nu);
            audit.schrijf(meldingId, "INTREKKEN_GEVRAAGD", "DUO", "reden: " + reden, door, nu);
            LOG.info("Intrekken van melding {} bij DUO staat klaar", meldingId);
            return vind(meldingId);
        }
        // annuleer skips work an instance holds (it may be on the wire) in the same statement that cancels the rest;
        // if it could not cancel every open item, the melding may still reach DUO: undo all and say so.
        long open = werk.stream().filter(w -> OutboxRepository.TE_VERZENDEN.equals(w.status())
                || OutboxRepository.MISLUKT.equals(w.status())).count();
        if (outbox.annuleer(meldingId, nu) < open) {
            throw new NietMogelijk("melding " + meldingId + " wordt op dit moment verzonden; probeer het zo opnieuw");
        }
        meldingen.status(meldingId, MeldingStatus.INGETROKKEN, null, nu);
        audit.schrijf(meldingId, "INGETROKKEN", null, "ingetrokken voor verzending; reden: " + reden, door, nu);
        LOG.info("Melding {} ingetrokken voor verzending", meldingId);
        return vind(meldingId);
    }

    /**
     * Sends a dead letter again, under the key it had: if an earlier attempt reached the receiver after all, the
     * receiver recognises it and no second melding arises.
     */
    @Transactional
    public Melding probeerOpnieuw(long meldingId, String door) {
        Melding melding = vind(meldingId);
        List<OutboxItem> doodlopers = outbox.voorMelding(meldingId).stream()
                .filter(w -> OutboxRepository.MISLUKT.equals(w.status())).toList();
        if (doodlopers.isEmpty()) {
            throw new NietMogelijk("melding " + meldingId + " heeft geen mislukte verzending");
        }
        Instant nu = klok.instant();
        outbox.opnieuwProberen(meldingId, nu);
        if (doodlopers.stream().anyMatch(w -> w.operatie().levertMelding())) {
            meldingen.status(meldingId, MeldingStatus.TE_VERZENDEN, null, nu);
            meldingen.laatsteFout(meldingId, null, nu);
        }
        audit.schrijf(meldingId, "OPNIEUW", melding.kanaal().name(), doodlopers.stream()
                .map(w -> w.operatie().name()).reduce((a, b) -> a + ", " + b).orElse("") + " opnieuw aangeboden", door, nu);
        LOG.info("Melding {} opnieuw aangeboden", meldingId);
        return vind(meldingId);
    }

    /**
     * A person marks a signal (kanaal SIGNAAL: the school's own or ZAS) as talked about: it leaves the attention
     * block, stays in the lists, and the audit names who and when. Only a signal still open can be marked; of two
     * marks at once, one counts.
     */
    @Transactional
    public Melding bespreek(long meldingId, String door) {
        Melding melding = vind(meldingId);
        if (melding.kanaal() != Kanaal.SIGNAAL) {
            throw new NietMogelijk("melding " + meldingId + " is geen signaal");
        }
        Instant nu = klok.instant();
        if (!meldingen.wissel(meldingId, MeldingStatus.GESIGNALEERD, MeldingStatus.BESPROKEN, nu)) {
            throw new NietMogelijk("signaal " + meldingId + " is niet meer open (status " + vind(meldingId).status()
                    + ")");
        }
        audit.schrijf(meldingId, "BESPROKEN", null, melding.soort() + " besproken", door, nu);
        LOG.info("Signaal {} besproken", meldingId);
        return vind(meldingId);
    }

    private Melding vind(long meldingId) {
        return meldingen.vind(meldingId).orElseThrow(() -> new NietGevonden("melding " + meldingId + " bestaat niet"));
    }

    /** The action does not fit the melding's state. Messages name ids and states only. */
    public static class NietMogelijk extends RuntimeException {
        public NietMogelijk(String bericht) {
            super(bericht);
        }
    }

    public static class NietGevonden extends RuntimeException {
        public NietGevonden(String bericht) {
            super(bericht);
        }
    }

    public static class OngeldigVerzoek extends RuntimeException {
        public OngeldigVerzoek(String bericht) {
            super(bericht);
        }
    }
}
