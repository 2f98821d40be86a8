package nl.verzuim.connector.ot;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.levensloop.Levensloop;
import nl.verzuim.connector.levensloop.LevensloopRepository;
import nl.verzuim.connector.levensloop.OtOpdracht;
import nl.verzuim.connector.melding.AuditRepository;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.ot.model.OtModel;
import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.outbox.OutboxWerk;

/**
 * Delivers the OT calls that keep a running melding current (outbox kanaal OTLOOP, route ot-bijhouden): a new
 * percentage onderwijs, a statusperiode (added or ended), an interventie, a logboek entry, the afronding. Each
 * carries the Idempotency-Key of its outbox item, the same on every retry. 5xx and time-outs are tried again with
 * back-off; other answers (409: not lopend, a period still running) are a dead letter with the reason on the
 * melding, and hold back what follows for that melding so that OT never gets them out of order.
 */
@Component
public class OtBijhouden {

    private static final Logger LOG = LoggerFactory.getLogger(OtBijhouden.class);

    private final OtClient ot;
    private final LevensloopRepository levensloop;
    private final MeldingRepository meldingen;
    private final OutboxRepository outbox;
    private final AuditRepository audit;
    private final OutboxWerk werk;
    private final TransactionTemplate transactie;
    private final Clock klok;

    public OtBijhouden(OtClient ot, LevensloopRepository levensloop, MeldingRepository meldingen,
                       OutboxRepository outbox, AuditRepository audit, OutboxWerk werk, TransactionTemplate transactie,
                       Clock klok) {
        this.ot = ot;
        this.levensloop = levensloop;
        this.meldingen = meldingen;
        this.outbox = outbox;
        this.audit = audit;
        this.werk = werk;
        this.transactie = transactie;
        this.klok = klok;
    }

    public List<OutboxItem> claim() {
        // A percentage, a statusperiode or an afronding must reach OT in the order they were decided.
        return werk.claim(LevensloopRepository.KANAAL, OutboxRepository.Volgorde.PER_MELDING);
    }

    public void lever(OutboxItem item) {
        Melding melding = meldingen.vind(item.meldingId()).orElseThrow();
        String traject = melding.trajectId();
        try {
            String details = switch (item.operatie()) {
                case OT_PERCENTAGE -> {
                    OtOpdracht.Percentage p = levensloop.inhoud(item.id(), OtOpdracht.Percentage.class);
                    ot.percentageToevoegen(traject, OtBerichtBouwer.percentage(p), item.sleutel());
                    yield "percentage onderwijs " + p.percentage() + " % vanaf " + p.startdatum();
                }
                case OT_STATUSPERIODE -> {
                    OtOpdracht.Statusperiode p = levensloop.inhoud(item.id(), OtOpdracht.Statusperiode.class);
                    OtModel.Statusperiode antwoord = ot.statusperiodeToevoegen(traject,
                            OtBerichtBouwer.statusperiode(p), item.sleutel());
                    String id = antwoord == null ? null : antwoord.id();
                    // Only the id: the rest of the stand may change meanwhile (LopendeMeldingBijhouden locks it).
                    levensloop.statusperiodeId(melding.id(), id, klok.instant());
                    yield "statusperiode " + p.categorie() + " vanaf " + p.startdatum() + " (periode " + id + ")";
                }
                case OT_STATUSPERIODE_BEEINDIGEN -> {
                    OtOpdracht.Beeindiging b = levensloop.inhoud(item.id(), OtOpdracht.Beeindiging.class);
                    ot.statusperiodeBeeindigen(traject, b.periodeId(), OtBerichtBouwer.einde(b), item.sleutel());
                    yield "statusperiode " + b.periodeId() + " beëindigd op " + b.einddatum();
                }
                case OT_INTERVENTIE -> {
                    OtOpdracht.Interventie i = levensloop.inhoud(item.id(), OtOpdracht.Interventie.class);
                    ot.interventieToevoegen(traject, OtBerichtBouwer.interventie(i), item.sleutel());
                    yield "interventie " + i.soort() + " vanaf " + i.startdatum();
                }
                case OT_LOGBOEK -> {
                    OtOpdracht.Logboek l = levensloop.inhoud(item.id(), OtOpdracht.Logboek.class);
                    ot.logboekToevoegen(traject, OtBerichtBouwer.logboek(l), item.sleutel());
                    yield "logboek " + l.datum();
                }
                case OT_AFRONDEN -> {
                    OtOpdracht.Afronding a = levensloop.inhoud(item.id(), OtOpdracht.Afronding.class);
                    ot.afronden(traject, OtBerichtBouwer.afronding(a), item.sleutel());
                    yield "afgerond: " + a.reden() + ", einddatum verzuim " + a.einddatum();
                }
                default -> throw new IllegalStateException("geen OTLOOP-operatie: " + item.operatie());
            };
            transactie.executeWithoutResult(s -> {
                Melding nu = meldingen.vind(melding.id()).orElseThrow();
                // SPPOH may have closed it first (its AFGEROND event came in while ours was on its way): then OT's
                // yes to ours changes nothing, and is no dead letter.
                if (item.operatie() == OutboxItem.Operatie.OT_AFRONDEN
                        && !"AFGEROND".equals(nu.otStatus())) {
                    Levensloop.Status naar = Levensloop.na(Levensloop.Status.van(nu.otStatus()), Levensloop.Stap.AFRONDEN);
                    meldingen.otStatus(melding.id(), MeldingStatus.VERZONDEN, naar.name(), nu.terugzetReden(),
                            klok.instant());
                }
                outbox.verzonden(item.id(), klok.instant());
                audit.schrijf(melding.id(), item.operatie().name(), "OT", "Idempotency-Key " + item.sleutel() + "; "
                        + details, "connector", klok.instant());
            });
            LOG.info("OT {} voor melding {} afgeleverd", item.operatie(), melding.id());
        } catch (OtFout fout) {
            if (fout.isHerhaalbaar()) {
                opnieuw(item, fout.getMessage());
            } else {
                definitief(item, "OT-" + fout.status(),
                        fout.getMessage() + (fout.uitleg() == null ? "" : ": " + fout.uitleg()));
            }
        } catch (Levensloop.OngeldigeStap | Levensloop.OnbekendeStatus fout) {
            definitief(item, "LEVENSLOOP", fout.getMessage());
        }
    }

    /** Anything unexpected (a bug, a database hiccup) is retried like a time-out, and named by type only. */
    public void mislukt(OutboxItem item, Throwable fout) {
        opnieuw(item, "onverwachte fout: " + Foutketen.van(fout));
    }

    private void opnieuw(OutboxItem item, String fout) {
        werk.opnieuw(item, fout);
    }

    /** A dead letter: kept with its reason; the melding itself stays where it is in its lifecycle. */
    private void definitief(OutboxItem item, String code, String fout) {
        werk.mislukt(item, code, fout);
    }
}
