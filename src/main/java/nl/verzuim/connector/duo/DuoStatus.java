package nl.verzuim.connector.duo;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.duo.wsdl.OpvragenMeldingstatusRequest;
import nl.verzuim.connector.duo.wsdl.OpvragenMeldingstatusResponse;
import nl.verzuim.connector.duo.wsdl.VerzuimmeldingFout;
import nl.verzuim.connector.melding.AuditRepository;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;

/**
 * What the DUO status route does: ask DUO (opvragenMeldingstatus) about sent meldingen whose status may still
 * change (GEREGISTREERD, IN_BEHANDELING) and keep the melding's DUO status current. Asking changes nothing at
 * DUO, so a failure is simply asked again on the next round.
 */
@Component
public class DuoStatus {

    private static final Logger LOG = LoggerFactory.getLogger(DuoStatus.class);
    /** Per round: a school has tens of open meldingen, a region a few thousand; the next round takes the rest. */
    private static final int PER_RONDE = 200;

    private final MeldingRepository meldingen;
    private final AuditRepository audit;
    private final Clock klok;

    public DuoStatus(MeldingRepository meldingen, AuditRepository audit, Clock klok) {
        this.meldingen = meldingen;
        this.audit = audit;
        this.klok = klok;
    }

    public List<Melding> teVolgen() {
        return meldingen.teVolgenBijDuo(PER_RONDE);
    }

    public OpvragenMeldingstatusRequest verzoek(Melding melding) {
        OpvragenMeldingstatusRequest verzoek = new OpvragenMeldingstatusRequest();
        verzoek.setMeldingsnummer(melding.meldingsnummer());
        return verzoek;
    }

    /** The new status and its audit line are one transaction: never a status change without its trace. */
    @Transactional
    public void bijgewerkt(Melding melding, OpvragenMeldingstatusResponse antwoord) {
        String status = antwoord.getStatus().value();
        meldingen.duoStatus(melding.id(), status, klok.instant());
        if (!status.equals(melding.duoStatus())) {
            audit.schrijf(melding.id(), "DUO_STATUS", "DUO", "meldingsnummer " + melding.meldingsnummer() + "; status "
                    + melding.duoStatus() + " -> " + status, "connector", klok.instant());
            LOG.info("DUO-status van melding {}: {}", melding.id(), status);
        }
    }

    public void mislukt(Melding melding, Throwable fout) {
        VerzuimmeldingFout duoFout = DuoAflevering.duoFout(fout);
        String reden = duoFout != null ? "DUO-status opvragen: " + duoFout.getCode() + " " + duoFout.getOmschrijving()
                : "DUO-status opvragen: " + Foutketen.van(fout);
        meldingen.duoStatusOpgevraagd(melding.id(), reden, klok.instant());
        LOG.warn("DUO-status van melding {} niet opgehaald: {}", melding.id(),
                duoFout != null ? duoFout.getCode() : Foutketen.van(fout));
    }
}
