package nl.verzuim.connector.intake.xml;

import java.io.InputStream;
import java.io.Reader;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The published schemas the LAS exports are checked against, loaded once from the classpath (copied unchanged
 * from ../shared/formats). Includes are resolved from the classpath too, never from the network.
 */
public final class Schemas {

    public static final String OSO_NAMESPACE = "http://www.edustandaard.nl/oso_gegevensset/2019/dossier";

    private static volatile Schema oso;
    private static volatile Schema edexml;

    private Schemas() {
    }

    public static Schema oso() {
        if (oso == null) {
            oso = laad("xsd/oso/", "OSO_gegevensset_2019.1.xsd");
        }
        return oso;
    }

    public static Schema edexml() {
        if (edexml == null) {
            edexml = laad("xsd/edexml/", "EDEXML.structuur.xsd");
        }
        return edexml;
    }

    private static Schema laad(String map, String bestand) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setResourceResolver(new KlassepadResolver(map));
            URL url = Schemas.class.getClassLoader().getResource(map + bestand);
            if (url == null) {
                throw new IllegalStateException("Schema " + map + bestand + " ontbreekt in de jar");
            }
            try (InputStream invoer = url.openStream()) {
                StreamSource bron = new StreamSource(invoer, map + bestand);
                return factory.newSchema(bron);
            }
        } catch (SAXException | java.io.IOException e) {
            throw new IllegalStateException("Schema " + map + bestand + " kan niet geladen worden", e);
        }
    }

    /** Resolves xs:include/xs:import by file name inside one classpath folder. */
    private record KlassepadResolver(String map) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId,
                                       String baseURI) {
            if (systemId == null) {
                return null;
            }
            String naam = systemId.substring(systemId.lastIndexOf('/') + 1);
            InputStream invoer = Schemas.class.getClassLoader().getResourceAsStream(map + naam);
            if (invoer == null) {
                throw new IllegalStateException("Schemadeel " + naam + " ontbreekt in de jar");
            }
            return new Invoer(publicId, map + naam, invoer);
        }
    }

    private record Invoer(String publicId, String systemId, InputStream byteStream) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
