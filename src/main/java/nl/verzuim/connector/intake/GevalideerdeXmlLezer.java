package nl.verzuim.connector.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Reads an XML file once, by streaming (StAX), and validates it against its schema in the same pass: every event
 * read is handed to a {@link ValidatorHandler}. Memory does not grow with the file. A DOCTYPE or entity reference
 * is refused (no DTDs, no external entities, nothing to expand). Schema faults are collected with their line and
 * element path; their text never repeats a value from the file, because a value may be a BSN or a name.
 */
final class GevalideerdeXmlLezer implements AutoCloseable {

    private static final int MAX_FOUTEN = 50;
    private static final XMLInputFactory FACTORY = veiligeFactory();
    /** Quoted values in Xerces messages: "Value 'x'", "The value 'x'", "cvc-datatype-valid.1.2.1: 'x'". */
    private static final Pattern WAARDE = Pattern.compile("(?i)(value |cvc-datatype-valid\\.1\\.2\\.1: )'[^']*'");

    private final XMLStreamReader reader;
    private final ValidatorHandler validator;
    private final String bestand;
    private final List<IntakeFout> schemafouten = new ArrayList<>();
    private final Deque<String> pad = new ArrayDeque<>();
    private SAXException fataal;

    GevalideerdeXmlLezer(InputStream invoer, String bestand, Schema schema) throws OngeldigBestandException {
        this.bestand = bestand;
        try {
            this.reader = FACTORY.createXMLStreamReader(invoer);
        } catch (XMLStreamException e) {
            throw new OngeldigBestandException(fout(e.getLocation(), "geen goed gevormde XML: " + e.getMessage()));
        }
        this.validator = schema.newValidatorHandler();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML-validatie kan niet veilig ingesteld worden", e);
        }
        validator.setErrorHandler(new Foutverzamelaar());
        validator.setDocumentLocator(new StaxLocator());
        try {
            validator.startDocument();
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static XMLInputFactory veiligeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Moves to the next start element, end element or the end of the document; returns its event type. */
    int volgende() throws OngeldigBestandException {
        try {
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        pad.addLast(reader.getLocalName());
                        geefStartDoor();
                        return event;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        geefEindDoor();
                        pad.removeLast();
                        return event;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        char[] tekens = reader.getTextCharacters();
                        validator.characters(tekens, reader.getTextStart(), reader.getTextLength());
                    }
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new OngeldigBestandException(fout(reader.getLocation(),
                                    "een DOCTYPE of entiteit is niet toegestaan in een LAS-export"));
                    case XMLStreamConstants.END_DOCUMENT -> {
                        validator.endDocument();
                        controleerFataal();
                        return event;
                    }
                    default -> {
                        // comments and processing instructions carry no data
                    }
                }
                controleerFataal();
            }
        } catch (XMLStreamException e) {
            throw new OngeldigBestandException(fout(e.getLocation(), "geen goed gevormde XML: " + zonderWaarden(e.getMessage())));
        } catch (SAXException e) {
            throw new OngeldigBestandException(fout(reader.getLocation(), "XML voldoet niet aan het schema: "
                    + zonderWaarden(e.getMessage())));
        }
    }

    /** The text of the current (simple) element, read up to and including its end tag. */
    String tekst() throws OngeldigBestandException {
        StringBuilder tekst = new StringBuilder();
        int diepte = pad.size();
        try {
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    tekst.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    validator.characters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                } else if (event == XMLStreamConstants.END_ELEMENT && pad.size() == diepte) {
                    geefEindDoor();
                    pad.removeLast();
                    controleerFataal();
                    return tekst.toString().trim();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    pad.addLast(reader.getLocalName());
                    geefStartDoor();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    geefEindDoor();
                    pad.removeLast();
                } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new OngeldigBestandException(fout(reader.getLocation(),
                            "een DOCTYPE of entiteit is niet toegestaan in een LAS-export"));
                }
            }
        } catch (XMLStreamException e) {
            throw new OngeldigBestandException(fout(e.getLocation(), "geen goed gevormde XML: " + zonderWaarden(e.getMessage())));
        } catch (SAXException e) {
            throw new OngeldigBestandException(fout(reader.getLocation(), "XML voldoet niet aan het schema: "
                    + zonderWaarden(e.getMessage())));
        }
    }

    String naam() {
        return reader.getLocalName();
    }

    String namespace() {
        return reader.getNamespaceURI();
    }

    String attribuut(String naam) {
        return reader.getAttributeValue(null, naam);
    }

    /** The element path from the root, e.g. {@code dossier/huidigeschool/leerling/bsn}. */
    String pad() {
        return String.join("/", pad);
    }

    int diepte() {
        return pad.size();
    }

    int regel() {
        return reader.getLocation().getLineNumber();
    }

    /** Faults against the schema found so far (the file is rejected when there is any). */
    List<IntakeFout> schemafouten() {
        return schemafouten;
    }

    private void geefStartDoor() throws SAXException {
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            validator.startPrefixMapping(prefix == null ? "" : prefix, reader.getNamespaceURI(i));
        }
        AttributesImpl attributen = new AttributesImpl();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = reader.getAttributePrefix(i);
            String lokaal = reader.getAttributeLocalName(i);
            String qnaam = prefix == null || prefix.isEmpty() ? lokaal : prefix + ":" + lokaal;
            String uri = reader.getAttributeNamespace(i);
            attributen.addAttribute(uri == null ? "" : uri, lokaal, qnaam, "CDATA", reader.getAttributeValue(i));
        }
        validator.startElement(uriVan(reader.getNamespaceURI()), reader.getLocalName(), qnaam(), attributen);
    }

    private void geefEindDoor() throws SAXException {
        validator.endElement(uriVan(reader.getNamespaceURI()), reader.getLocalName(), qnaam());
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            validator.endPrefixMapping(prefix == null ? "" : prefix);
        }
    }

    private String qnaam() {
        String prefix = reader.getPrefix();
        return prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
    }

    private static String uriVan(String uri) {
        return uri == null ? "" : uri;
    }

    private void controleerFataal() throws SAXException {
        if (fataal != null) {
            throw fataal;
        }
    }

    private IntakeFout fout(Location locatie, String reden) {
        Integer regel = locatie == null || locatie.getLineNumber() < 0 ? null : locatie.getLineNumber();
        return new IntakeFout(bestand, regel, pad.isEmpty() ? null : pad(), reden);
    }

    static String zonderWaarden(String bericht) {
        if (bericht == null) {
            return "";
        }
        String zonderPrefix = bericht.replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
        return WAARDE.matcher(zonderPrefix).replaceAll("$1'…'");
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing left to release
        }
    }

    private final class Foutverzamelaar implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not reject a file
        }

        @Override
        public void error(SAXParseException e) {
            if (schemafouten.size() < MAX_FOUTEN) {
                schemafouten.add(new IntakeFout(bestand, e.getLineNumber() > 0 ? e.getLineNumber() : null,
                        pad.isEmpty() ? null : pad(), "voldoet niet aan het schema: " + zonderWaarden(e.getMessage())));
            }
        }

        @Override
        public void fatalError(SAXParseException e) {
            fataal = e;
        }
    }

    private final class StaxLocator implements Locator {
        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return bestand;
        }

        @Override
        public int getLineNumber() {
            return reader.getLocation().getLineNumber();
        }

        @Override
        public int getColumnNumber() {
            return reader.getLocation().getColumnNumber();
        }
    }

    /** Closes quietly; used where the stream is owned by the caller. */
    static void sluit(InputStream invoer) {
        try {
            invoer.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
