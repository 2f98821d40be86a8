package nl.verzuim.connector.duo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.IntStream;

import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.apache.cxf.ws.addressing.EndpointReferenceType;
import org.apache.cxf.ws.addressing.JAXWSAConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.duo.wsdl.AanleverenVerzuimmeldingRequest;
import nl.verzuim.connector.duo.wsdl.AanleverenVerzuimmeldingResponse;
import nl.verzuim.connector.duo.wsdl.IntrekkenVerzuimmeldingRequest;
import nl.verzuim.connector.duo.wsdl.IntrekkenVerzuimmeldingResponse;
import nl.verzuim.connector.duo.wsdl.VerzuimmeldingFout;
import nl.verzuim.connector.duo.wsdl.VerzuimmeldingFout_Exception;
import nl.verzuim.connector.melding.Afleverdossier;
import nl.verzuim.connector.melding.Afleverdossiers;
import nl.verzuim.connector.melding.AuditRepository;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.outbox.OutboxWerk;
import nl.verzuim.connector.outbox.VerzondenBerichten;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Uitleg;
import nl.verzuim.connector.rules.Verzuimoverzicht;
import nl.verzuim.connector.rules.Verzuimsoort;
import nl.verzuim.connector.school.School;

/**
 * What the DUO delivery route does with each outbox item: build the request from the stored melding, address it,
 * and afterwards record DUO's answer — or decide between retry and dead letter. Logs name the melding and DUO's
 * code, never the pupil.
 */
@Component
public class DuoAflevering {

    private static final Logger LOG = LoggerFactory.getLogger(DuoAflevering.class);

    private final MeldingRepository meldingen;
    private final Afleverdossiers dossiers;
    private final OutboxRepository outbox;
    private final OutboxWerk werk;
    private final AuditRepository audit;
    private final ConnectorInstellingen instellingen;
    private final Clock klok;
    private final ExecutorService pool;
    private final VerzondenBerichten verzonden;

    public DuoAflevering(MeldingRepository meldingen, Afleverdossiers dossiers, OutboxRepository outbox,
                         OutboxWerk werk, AuditRepository audit, ConnectorInstellingen instellingen, Clock klok,
                         @Qualifier("duoAfleveringPool") ExecutorService pool, VerzondenBerichten verzonden) {
        this.verzonden = verzonden;
        this.meldingen = meldingen;
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.werk = werk;
        this.audit = audit;
        this.instellingen = instellingen;
        this.klok = klok;
        this.pool = pool;
    }

    /**
     * One token per delivery worker: the delivery route runs one worker per thread of the pool that
     * connector.duo.gelijktijdig sizes (read each round, so a resized pool counts).
     */
    public List<Integer> werkers() {
        int aantal = pool instanceof ThreadPoolExecutor draden ? draden.getMaximumPoolSize()
                : Math.max(1, instellingen.duo().gelijktijdig());
        return IntStream.range(0, aantal).boxed().toList();
    }

    /** The request for this outbox item: the melding itself, or its withdrawal. */
    public Object verzoek(OutboxItem item) {
        return switch (item.operatie()) {
            case DUO_AANLEVEREN -> aanleveren(item);
            case DUO_INTREKKEN -> intrekken(item);
            default -> throw new IllegalStateException("geen DUO-operatie: " + item.operatie());
        };
    }

    IntrekkenVerzuimmeldingRequest intrekken(OutboxItem item) {
        Melding melding = meldingen.vind(item.meldingId()).orElseThrow();
        School school = dossiers.school(melding);
        return DuoBerichtBouwer.intrekken(melding.meldingsnummer(), item.reden(), item.sleutel(), item.aangemaakt(),
                school, instellingen.duo().verzendendeInstantie(), instellingen.duo().ontvangerOin());
    }

    AanleverenVerzuimmeldingRequest aanleveren(OutboxItem item) {
        Afleverdossier dossier = dossiers.laad(item.meldingId());
        Melding melding = dossier.melding();
        List<Registratie> overzicht = Verzuimoverzicht.van(Verzuimsoort.valueOf(melding.soort()),
                melding.begindatum(), melding.einddatum(), dossier.registraties(), dossier.school().kalender());
        return DuoBerichtBouwer.aanleveren(melding, dossier.leerling(), dossier.school(), overzicht, item.sleutel(),
                item.aangemaakt(), instellingen.duo().verzendendeInstantie(), instellingen.duo().ontvangerOin());
    }

    /** WS-Addressing: a stable MessageID per piece of outbox work, and To ending in ?oin=&lt;DUO's OIN&gt;. */
    public Map<String, Object> adressering(OutboxItem item) {
        Map<String, Object> context = adressering(item.berichtId());
        context.put(DuoVerzondenSoap.SLEUTEL, item.sleutel());
        return context;
    }

    /** WS-Addressing for one message; Action comes from the WSDL (wsam:Action) through CXF. */
    public Map<String, Object> adressering(String messageId) {
        return adressering(messageId, instellingen.duo().endpoint(), instellingen.duo().ontvangerOin());
    }

    /** The request context for one message to {@code endpoint}, addressed to the receiver with {@code oin}. */
    public static Map<String, Object> adressering(String messageId, String endpoint, String oin) {
        AddressingProperties adres = new AddressingProperties();
        AttributedURIType berichtId = new AttributedURIType();
        berichtId.setValue(messageId);
        adres.setMessageID(berichtId);
        EndpointReferenceType aan = new EndpointReferenceType();
        AttributedURIType aanAdres = new AttributedURIType();
        aanAdres.setValue(endpoint + "?oin=" + oin);
        aan.setAddress(aanAdres);
        adres.setTo(aan);
        Map<String, Object> context = new HashMap<>();
        context.put(JAXWSAConstants.CLIENT_ADDRESSING_PROPERTIES, adres);
        return context;
    }

    /**
     * DUO's answer to either operation. What counts is the answer itself: one that registers the melding is recorded
     * as delivered also when it came without WS-Addressing headers ({@code zonderAdressering}); the audit notes that.
     */
    @Transactional
    public void ontvangen(OutboxItem item, Object antwoord, boolean zonderAdressering) {
        verzonden.beantwoord(item.sleutel(), 200, DuoBerichtBouwer.alsXml(antwoord), klok.instant());
        String opmerking = zonderAdressering ? "; DUO antwoordde zonder WS-Addressing-koppen (geen RelatesTo)" : "";
        if (antwoord instanceof AanleverenVerzuimmeldingResponse aanleveren) {
            aangeleverd(item, aanleveren, opmerking);
        } else if (antwoord instanceof IntrekkenVerzuimmeldingResponse intrekken) {
            ingetrokken(item, intrekken, opmerking);
        } else {
            throw new IllegalStateException("onverwacht antwoord van DUO: "
                    + (antwoord == null ? "leeg" : antwoord.getClass().getSimpleName()));
        }
        if (zonderAdressering) {
            LOG.warn("DUO antwoordde op melding {} zonder WS-Addressing-koppen; het antwoord telt", item.meldingId());
        }
    }

    void ingetrokken(OutboxItem item, IntrekkenVerzuimmeldingResponse antwoord, String opmerking) {
        meldingen.ingetrokken(item.meldingId(), antwoord.getStatus() == null ? null : antwoord.getStatus().value(),
                klok.instant());
        outbox.verzonden(item.id(), klok.instant());
        audit.schrijf(item.meldingId(), "INGETROKKEN", "DUO", "identificatiecodeBedrijfsdocument " + item.sleutel()
                + "; meldingsnummer " + antwoord.getMeldingsnummer() + opmerking, "connector", klok.instant());
        LOG.info("DUO-melding {} ingetrokken", item.meldingId());
    }

    /**
     * DUO registered the melding: its answer echoes our identificatiecodeBedrijfsdocument and carries a
     * meldingsnummer. An answer that does neither is not a registration of this melding, and is tried again.
     */
    void aangeleverd(OutboxItem item, AanleverenVerzuimmeldingResponse antwoord, String opmerking) {
        if (antwoord.getMeldingsnummer() == null || antwoord.getMeldingsnummer().isBlank()
                || !item.sleutel().equals(antwoord.getIdentificatiecodeBedrijfsdocument())) {
            throw new IllegalStateException("DUO-antwoord registreert deze melding niet: geen meldingsnummer of een "
                    + "andere identificatiecodeBedrijfsdocument");
        }
        LocalDate vandaag = LocalDate.now(klok);
        meldingen.duoOntvangen(item.meldingId(), antwoord.getMeldingsnummer(), antwoord.getStatus().value(), vandaag,
                klok.instant());
        outbox.verzonden(item.id(), klok.instant());
        Melding melding = meldingen.vind(item.meldingId()).orElseThrow();
        String teLaat = melding.teLaatVerzonden()
                ? "; te laat: na de uiterste melddatum " + Uitleg.datum(melding.uitersteMelddatum()) : "";
        audit.schrijf(item.meldingId(), "VERZONDEN", "DUO", "identificatiecodeBedrijfsdocument " + item.sleutel()
                + "; meldingsnummer " + antwoord.getMeldingsnummer() + "; status " + antwoord.getStatus().value()
                + teLaat + opmerking, "connector", klok.instant());
        LOG.info("DUO-melding {} afgeleverd: meldingsnummer {}{}", item.meldingId(), antwoord.getMeldingsnummer(), teLaat);
    }

    /**
     * Faults with herhaalbaar=true, HTTP 5xx, time-outs and connection trouble are tried again later; DUO's final
     * V-codes make a dead letter at once, since resending the same melding gives the same fault.
     */
    public void mislukt(OutboxItem item, Throwable fout) {
        VerzuimmeldingFout duoFout = duoFout(fout);
        verzonden.beantwoord(item.sleutel(), null, duoFout != null ? "DUO-fout " + duoFout.getCode() + " "
                + duoFout.getOmschrijving() + (duoFout.isHerhaalbaar() ? " (herhaalbaar)" : "") : beschrijf(fout),
                klok.instant());
        if (duoFout != null) {
            String reden = duoFout.getCode() + " " + duoFout.getOmschrijving();
            if (duoFout.isHerhaalbaar()) {
                werk.opnieuw(item, "DUO " + reden);
            } else {
                werk.mislukt(item, duoFout.getCode(), "DUO weigert " + (item.operatie().levertMelding()
                        ? "de melding" : "het intrekken") + ": " + reden);
            }
            return;
        }
        werk.opnieuw(item, beschrijf(fout));
    }

    static VerzuimmeldingFout duoFout(Throwable fout) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof VerzuimmeldingFout_Exception e && e.getFaultInfo() != null) {
                return e.getFaultInfo();
            }
        }
        return null;
    }

    /** A short technical description: exception types and the HTTP status, no message bodies. */
    static String beschrijf(Throwable fout) {
        String http = "";
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof org.apache.cxf.transport.http.HTTPException e) {
                http = " (HTTP " + e.getResponseCode() + ")";
            }
        }
        return "DUO niet bereikbaar of gaf een fout: " + Foutketen.van(fout) + http;
    }
}
