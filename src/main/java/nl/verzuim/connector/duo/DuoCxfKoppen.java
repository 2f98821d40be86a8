package nl.verzuim.connector.duo;

import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.endpoint.Client;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.duo.wsdl.AanleverenVerzuimmeldingRequest;
import nl.verzuim.connector.duo.wsdl.IntrekkenVerzuimmeldingRequest;
import nl.verzuim.connector.duo.wsdl.OpvragenMeldingstatusRequest;
import nl.verzuim.connector.outbox.OutboxItem;

/**
 * Plumbing between the routes and camel-cxf: the operation to call (from the request in the body) and the request
 * context (WS-Addressing). Outbox work keeps its stored MessageID on every retry; a status question, which changes
 * nothing at DUO, gets a fresh one. Kept in Java with CxfConstants because the header names changed between Camel
 * releases.
 */
@Component("duoCxfKoppen")
public class DuoCxfKoppen implements Processor {

    private final DuoAflevering aflevering;

    public DuoCxfKoppen(DuoAflevering aflevering) {
        this.aflevering = aflevering;
    }

    @Override
    public void process(Exchange exchange) {
        Object verzoek = exchange.getIn().getBody();
        String operatie;
        if (verzoek instanceof AanleverenVerzuimmeldingRequest) {
            operatie = "aanleverenVerzuimmelding";
        } else if (verzoek instanceof IntrekkenVerzuimmeldingRequest) {
            operatie = "intrekkenVerzuimmelding";
        } else if (verzoek instanceof OpvragenMeldingstatusRequest) {
            operatie = "opvragenMeldingstatus";
        } else {
            throw new IllegalStateException("geen DUO-verzoek: "
                    + (verzoek == null ? "leeg" : verzoek.getClass().getSimpleName()));
        }
        exchange.getIn().setHeader(CxfConstants.OPERATION_NAME, operatie);
        exchange.getIn().setHeader(CxfConstants.OPERATION_NAMESPACE, DuoConfiguratie.NAMESPACE);
        OutboxItem item = exchange.getProperty("outboxItem", OutboxItem.class);
        Map<String, Object> context = item != null ? aflevering.adressering(item)
                : aflevering.adressering("urn:uuid:" + UUID.randomUUID());
        exchange.getIn().setHeader(Client.REQUEST_CONTEXT, context);
    }
}
