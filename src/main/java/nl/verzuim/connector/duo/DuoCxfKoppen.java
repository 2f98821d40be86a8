package nl.verzuim.connector.duo;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.endpoint.Client;
import org.springframework.stereotype.Component;

/**
 * Plumbing between the route and camel-cxf: the operation to call and the request context (WS-Addressing).
 * Kept in Java with CxfConstants because the header names changed between Camel releases.
 */
@Component("duoCxfKoppen")
public class DuoCxfKoppen implements Processor {

    private final DuoAflevering aflevering;

    public DuoCxfKoppen(DuoAflevering aflevering) {
        this.aflevering = aflevering;
    }

    @Override
    public void process(Exchange exchange) {
        nl.verzuim.connector.persistence.OutboxItem item =
                exchange.getProperty("outboxItem", nl.verzuim.connector.persistence.OutboxItem.class);
        exchange.getIn().setHeader(CxfConstants.OPERATION_NAME, "aanleverenVerzuimmelding");
        exchange.getIn().setHeader(CxfConstants.OPERATION_NAMESPACE, DuoConfiguratie.NAMESPACE);
        Map<String, Object> context = aflevering.adressering(item);
        exchange.getIn().setHeader(Client.REQUEST_CONTEXT, context);
    }
}
