package nl.verzuim.connector.duo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.namespace.QName;

import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.duo.wsdl.VerzuimmeldingPortType;

/** The CXF endpoint the DUO route sends to ({@code cxf:bean:duoVerzuimmelding}). */
@Configuration
public class DuoConfiguratie {

    static final String NAMESPACE = "urn:verzuimloket:verzuimmelding:v1";

    @Bean
    public CxfEndpoint duoVerzuimmelding(ConnectorInstellingen instellingen, DuoVerzondenSoap verzonden) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setAddress(instellingen.duo().endpoint());
        endpoint.setServiceClass(VerzuimmeldingPortType.class);
        endpoint.setWsdlURL("classpath:wsdl/duo-verzuimmelding-v1.wsdl");
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "VerzuimmeldingService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "VerzuimmeldingPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        // WS-Addressing: Action from the WSDL, MessageID and To set per message (DuoAflevering.adressering). Sent
        // always, but not required in DUO's answer: an answer that registers the melding without the headers is
        // still DUO's answer (CXF would turn it into a fault, and the melding into retries and a dead letter);
        // DuoCxfAntwoord notes the missing header for the audit.
        WSAddressingFeature adressering = new WSAddressingFeature();
        adressering.setAddressingRequired(false);
        endpoint.getFeatures().add(adressering);
        // what went out, kept as it was sent (issue 14)
        endpoint.getOutInterceptors().add(verzonden);
        endpoint.setCxfConfigurer(new Tijdslimieten(instellingen.duo()));
        Bus bus = BusFactory.newInstance().createBus();
        // The classic URLConnection conduit: CXF 4's JDK-HttpClient conduit intermittently sends an empty body
        // ("Too few bytes returned by the publisher") on reused connections.
        bus.setExtension((HTTPConduitFactory) (fabriek, b, info, doel) -> new URLConnectionHTTPConduit(b, info, doel),
                HTTPConduitFactory.class);
        endpoint.setBus(bus);
        return endpoint;
    }

    /**
     * The threads that call DUO: {@code connector.duo.gelijktijdig} meldingen are on their way at once (the
     * delivery route's parallel split). Spring shuts it down with the context.
     */
    @Bean
    public ExecutorService duoAfleveringPool(ConnectorInstellingen instellingen) {
        AtomicInteger nummer = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, instellingen.duo().gelijktijdig()), taak -> {
            Thread draad = new Thread(taak, "duo-aflevering-" + nummer.incrementAndGet());
            draad.setDaemon(true);
            return draad;
        });
    }

    /**
     * Connect and receive time-outs (a DUO that does not answer is a retry, not a hang), and in production mutual
     * TLS and WS-Security signing (DuoTransport).
     */
    private record Tijdslimieten(ConnectorInstellingen.Duo duo) implements CxfConfigurer {
        @Override
        public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
        }

        @Override
        public void configureClient(Client client) {
            DuoTransport.configureer(client, duo);
        }

        @Override
        public void configureServer(Server server) {
        }
    }
}
