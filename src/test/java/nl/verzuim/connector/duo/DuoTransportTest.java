package nl.verzuim.connector.duo;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.support.Instellingen;
import nl.verzuim.connector.duo.wsdl.AanleverenVerzuimmeldingRequest;
import nl.verzuim.connector.duo.wsdl.AanleverenVerzuimmeldingResponse;
import nl.verzuim.connector.duo.wsdl.Adres;
import nl.verzuim.connector.duo.wsdl.Bedrijfsdocument;
import nl.verzuim.connector.duo.wsdl.Leerling;
import nl.verzuim.connector.duo.wsdl.Melder;
import nl.verzuim.connector.duo.wsdl.Onderwijssoort;
import nl.verzuim.connector.duo.wsdl.School;
import nl.verzuim.connector.duo.wsdl.Verzuimmelding;
import nl.verzuim.connector.duo.wsdl.VerzuimmeldingPortType;
import nl.verzuim.connector.duo.wsdl.Verzuimsoort;

/**
 * The production transport, against WireMock over HTTPS that demands a client certificate: keystores made here
 * with keytool (a school certificate, a DUO server certificate, each trusting the other). With the school's
 * keystore set the melding arrives, signed with WS-Security over the body and the WS-Addressing headers; without
 * it the TLS handshake is refused.
 */
class DuoTransportTest {

    static final String WACHTWOORD = "geheim-" + UUID.randomUUID().toString().substring(0, 8);
    static final String OIN = "00000001800866472000";
    static Path map;
    static WireMockServer duo;

    @BeforeAll
    static void sleutelsEnServer() throws Exception {
        map = Files.createTempDirectory("verzuim-tls-");
        keytool("-genkeypair", "-alias", "school", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=school.example,O=Testschool", "-storetype", "PKCS12",
                "-keystore", pad("school.p12"), "-storepass", WACHTWOORD, "-keypass", WACHTWOORD);
        keytool("-genkeypair", "-alias", "duo", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost,O=DUO test", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", pad("duo.p12"), "-storepass", WACHTWOORD, "-keypass", WACHTWOORD);
        keytool("-exportcert", "-alias", "school", "-keystore", pad("school.p12"), "-storepass", WACHTWOORD,
                "-file", pad("school.crt"));
        keytool("-exportcert", "-alias", "duo", "-keystore", pad("duo.p12"), "-storepass", WACHTWOORD,
                "-file", pad("duo.crt"));
        keytool("-importcert", "-noprompt", "-alias", "school", "-file", pad("school.crt"), "-storetype", "PKCS12",
                "-keystore", pad("duo-vertrouwt.p12"), "-storepass", WACHTWOORD);
        keytool("-importcert", "-noprompt", "-alias", "duo", "-file", pad("duo.crt"), "-storetype", "PKCS12",
                "-keystore", pad("school-vertrouwt.p12"), "-storepass", WACHTWOORD);

        duo = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .usingFilesUnderDirectory(".")
                .keystorePath(pad("duo.p12")).keystorePassword(WACHTWOORD).keyManagerPassword(WACHTWOORD)
                .keystoreType("PKCS12")
                .needClientAuth(true)
                .trustStorePath(pad("duo-vertrouwt.p12")).trustStorePassword(WACHTWOORD).trustStoreType("PKCS12"));
        duo.start();
    }

    @AfterAll
    static void stop() {
        if (duo != null) {
            duo.stop();
        }
    }

    String endpoint() {
        return "https://localhost:" + duo.httpsPort() + "/duo/verzuimmelding/v1";
    }

    @Test
    void metClientcertificaatEnOndertekeningKomtDeMeldingOndertekendAan() throws Exception {
        Map<String, Object> instellingen = new HashMap<>(basis());
        instellingen.put("connector.duo.tls.keystore", pad("school.p12"));
        instellingen.put("connector.duo.tls.keystore-wachtwoord", WACHTWOORD);
        instellingen.put("connector.duo.wss.aan", "true");
        instellingen.put("connector.duo.wss.keystore", pad("school.p12"));
        instellingen.put("connector.duo.wss.keystore-wachtwoord", WACHTWOORD);
        instellingen.put("connector.duo.wss.alias", "school");
        String sleutel = UUID.randomUUID().toString();

        AanleverenVerzuimmeldingResponse antwoord = client(instellingen).aanleverenVerzuimmelding(verzoek(sleutel));

        assertThat(antwoord.getMeldingsnummer()).isEqualTo("VM-" + sleutel.substring(0, 8).toUpperCase());
        List<LoggedRequest> ontvangen = duo.findAll(postRequestedFor(urlPathEqualTo("/duo/verzuimmelding/v1")));
        LoggedRequest laatste = ontvangen.get(ontvangen.size() - 1);
        Document soap = xml(laatste.getBodyAsString());
        assertThat(soap.getElementsByTagNameNS("*", "Security").getLength()).as("wsse:Security-kop").isEqualTo(1);
        assertThat(soap.getElementsByTagNameNS("*", "BinarySecurityToken").getLength()).isEqualTo(1);
        assertThat(soap.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "SignatureValue").getLength())
                .isEqualTo(1);
        // Each signed element carries a wsu:Id that a ds:Reference points at: body, To, MessageID, Action, Timestamp.
        List<String> referenties = new ArrayList<>();
        NodeList refs = soap.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Reference");
        for (int i = 0; i < refs.getLength(); i++) {
            referenties.add(((Element) refs.item(i)).getAttribute("URI").substring(1));
        }
        for (String ondertekend : List.of("Body", "To", "MessageID", "Action", "Timestamp")) {
            Element element = (Element) soap.getElementsByTagNameNS("*", ondertekend).item(0);
            String id = element.getAttributeNS(
                    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd", "Id");
            assertThat(referenties).as(ondertekend + " is ondertekend").contains(id);
        }
        assertThat(soap.getElementsByTagNameNS("*", "To").item(0).getTextContent()).isEqualTo(endpoint() + "?oin=" + OIN);
    }

    @Test
    void zonderClientcertificaatWeigertDeServer() {
        Map<String, Object> instellingen = new HashMap<>(basis());
        assertThatThrownBy(() -> client(instellingen).aanleverenVerzuimmelding(verzoek(UUID.randomUUID().toString())))
                .isInstanceOf(Exception.class);
    }

    /** Trusts DUO's test certificate; the client certificate is what the tests vary. */
    Map<String, Object> basis() {
        return Map.of("connector.duo.endpoint", endpoint(), "connector.duo.ontvanger-oin", OIN,
                "connector.duo.tls.truststore", pad("school-vertrouwt.p12"),
                "connector.duo.tls.truststore-wachtwoord", WACHTWOORD,
                "connector.duo.receive-timeout", "10s");
    }

    /** The generated client as DuoConfiguratie builds it: URLConnection conduit, WS-Addressing, DuoTransport. */
    VerzuimmeldingPortType client(Map<String, Object> instellingen) {
        ConnectorInstellingen.Duo duoInstellingen = Instellingen.van(instellingen).duo();
        Bus bus = BusFactory.newInstance().createBus();
        bus.setExtension((HTTPConduitFactory) (fabriek, b, info, doel) -> new URLConnectionHTTPConduit(b, info, doel),
                HTTPConduitFactory.class);
        JaxWsProxyFactoryBean fabriek = new JaxWsProxyFactoryBean();
        fabriek.setBus(bus);
        fabriek.setServiceClass(VerzuimmeldingPortType.class);
        fabriek.setWsdlURL("classpath:wsdl/duo-verzuimmelding-v1.wsdl");
        fabriek.setAddress(endpoint());
        WSAddressingFeature adressering = new WSAddressingFeature();
        adressering.setAddressingRequired(true);
        fabriek.getFeatures().add(adressering);
        VerzuimmeldingPortType poort = fabriek.create(VerzuimmeldingPortType.class);
        Client client = ClientProxy.getClient(poort);
        DuoTransport.configureer(client, duoInstellingen);
        client.getRequestContext().putAll(DuoAflevering.adressering("urn:uuid:" + UUID.randomUUID(), endpoint(), OIN));
        return poort;
    }

    static AanleverenVerzuimmeldingRequest verzoek(String sleutel) {
        Bedrijfsdocument document = new Bedrijfsdocument();
        document.setIdentificatiecodeBedrijfsdocument(sleutel);
        document.setVerzendendeInstantie("00YY");
        document.setOntvangendeInstantie(OIN);
        document.setDatumTijdBedrijfsdocument(DuoBerichtBouwer.tijdstip(Instant.parse("2026-11-20T15:00:00Z")));
        School school = new School();
        school.setBrinnummer("00YY");
        school.setVestigingsnummer("00");
        school.setOnderwijssoort(Onderwijssoort.PO);
        Leerling leerling = new Leerling();
        leerling.setBurgerservicenummer("111222333");
        leerling.setAchternaam("Proef");
        leerling.setGeboortedatum(DuoBerichtBouwer.datum(LocalDate.of(2014, 3, 17)));
        Adres adres = new Adres();
        adres.setStraatnaam("Straat");
        adres.setHuisnummer("1");
        adres.setPostcode("1234AB");
        adres.setPlaatsnaam("Plaats");
        leerling.setAdres(adres);
        Verzuimmelding melding = new Verzuimmelding();
        melding.setSchool(school);
        melding.setLeerling(leerling);
        melding.setVerzuimsoort(Verzuimsoort.RELATIEF_16_UUR);
        melding.setBegindatum(DuoBerichtBouwer.datum(LocalDate.of(2026, 10, 26)));
        melding.setEinddatum(DuoBerichtBouwer.datum(LocalDate.of(2026, 10, 29)));
        melding.setAantalUrenOngeoorloofd(new BigDecimal("20.00"));
        Melder melder = new Melder();
        melder.setNaam("A. Melder");
        melder.setEmail("melder@school.example");
        melding.setMelder(melder);
        AanleverenVerzuimmeldingRequest verzoek = new AanleverenVerzuimmeldingRequest();
        verzoek.setBedrijfsdocument(document);
        verzoek.setVerzuimmelding(melding);
        return verzoek;
    }

    static String pad(String naam) {
        return map.resolve(naam).toString();
    }

    static void keytool(String... argumenten) throws Exception {
        List<String> opdracht = new ArrayList<>();
        opdracht.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        opdracht.addAll(List.of(argumenten));
        Process proces = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
        String uitvoer = new String(proces.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!proces.waitFor(60, TimeUnit.SECONDS) || proces.exitValue() != 0) {
            throw new IllegalStateException("keytool " + argumenten[0] + " mislukte: " + uitvoer);
        }
    }

    static Document xml(String tekst) throws Exception {
        DocumentBuilderFactory fabriek = DocumentBuilderFactory.newInstance();
        fabriek.setNamespaceAware(true);
        return fabriek.newDocumentBuilder().parse(new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8)));
    }
}
