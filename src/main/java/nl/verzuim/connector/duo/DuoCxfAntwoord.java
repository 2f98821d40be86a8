package nl.verzuim.connector.duo;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.JAXWSAConstants;
import org.springframework.stereotype.Component;

/**
 * Plumbing after a camel-cxf call: camel-cxf gives the operation's out parts as a list; DUO's operations have one,
 * the response, which becomes the body. Done in Java because the simple expression {@code ${body[0]}} cost the
 * delivery thread more CPU than building the request (Camel searched its type converters on every call). Also notes,
 * in the exchange property {@value #ZONDER_ADRESSERING}, whether DUO's answer came without WS-Addressing headers
 * (no RelatesTo): the answer still counts, and the audit says so.
 */
@Component("duoCxfAntwoord")
public class DuoCxfAntwoord implements Processor {

    /** Exchange property: true when DUO's answer had no WS-Addressing headers. */
    public static final String ZONDER_ADRESSERING = "duoZonderAdressering";

    @Override
    public void process(Exchange exchange) {
        if (exchange.getIn().getBody() instanceof List<?> delen) {
            exchange.getIn().setBody(delen.isEmpty() ? null : delen.get(0));
        }
        exchange.setProperty(ZONDER_ADRESSERING, !adressering(exchange.getIn().getHeader(Client.RESPONSE_CONTEXT)));
    }

    /** Whether the response context holds the answer's WS-Addressing headers, with the RelatesTo to our request. */
    static boolean adressering(Object antwoordcontext) {
        return antwoordcontext instanceof Map<?, ?> context
                && context.get(JAXWSAConstants.ADDRESSING_PROPERTIES_INBOUND) instanceof AddressingProperties koppen
                && koppen.getRelatesTo() != null && koppen.getRelatesTo().getValue() != null;
    }
}
