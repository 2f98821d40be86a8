package nl.verzuim.connector.duo;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Plumbing after a camel-cxf call: camel-cxf gives the operation's out parts as a list; DUO's operations have one,
 * the response, which becomes the body. Done in Java because the simple expression {@code ${body[0]}} cost the
 * delivery thread more CPU than building the request (Camel searched its type converters on every call).
 */
@Component("duoCxfAntwoord")
public class DuoCxfAntwoord implements Processor {

    @Override
    public void process(Exchange exchange) {
        if (exchange.getIn().getBody() instanceof List<?> delen) {
            exchange.getIn().setBody(delen.isEmpty() ? null : delen.get(0));
        }
    }
}
