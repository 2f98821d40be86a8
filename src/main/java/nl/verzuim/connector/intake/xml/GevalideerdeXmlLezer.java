package nl.verzuim.connector.intake.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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

import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.OngeldigBestandException;

/**
 * Reads an XML file once, by streaming (StAX), and validates it against its schema in the same pass: every event
 * read is handed to a {@link ValidatorHandler}. Memory does not grow with the file: text comes in pieces (no
 * coalescing) and one element's text is bounded. A DOCTYPE or entity reference is refused (no DTDs, no external
 * entities, nothing to expand — so no "billion laughs"). Schema faults are collected with their line and element
 * path; their text never repeats a value from the file, because a value may be a BSN or a name.
 */
public final class GevalideerdeXmlLezer implements AutoCloseable {

    private static final int MAX_FOUTEN = 50;
    /**
     * The longest text one element may hold: far above any field (an OSO bijlage is base64 text), far below what
     * would exhaust the memory — the validator keeps one element's text while it checks it.
     */
    static final int MAX_TEKST = 64 * 1024 * 1024;
    private static final int MAX_DIEPTE = 100;
    private static final String IDENTITEITSBEPERKINGEN =
            "http://apache.org/xml/features/validation/identity-constraint-checking";
    private static final XMLInputFactory FACTORY = veiligeFactory();
    /**
     * Quoted values in Xerces messages: "Value 'x'", "The value 'x'", "cvc-datatype-valid.1.2.1: 'x'",
     * "key value [x]", "IDREF 'x'".
     */
    private static final Pattern WAARDE = Pattern.compile(
            "(?i)(values? |cvc-datatype-valid\\.1\\.2\\.1: |IDREF )('[^']*'|\\[[^\\]]*\\]|\"[^\"]*\")");
    /** Where a StAX implementation appends the location (Woodstox) or puts it first (the JDK's). */
    private static final Pattern LOCATIE = Pattern.compile("(?s)\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\].*$");

    private final XMLStreamReader reader;
    private final ValidatorHandler validator;
    private final String bestand;
    private final List<IntakeFout> schemafouten = new ArrayList<>();
    private final String[] pad = new String[MAX_DIEPTE + 1];
    private final AttributesImpl attributen = new AttributesImpl();
    private int diepte;
    private long tekstInElement;
    private SAXException fataal;

    GevalideerdeXmlLezer(InputStream invoer, String bestand, Schema schema) throws OngeldigBestandException {
        this(invoer, bestand, schema, false);
    }

    /**
     * @param sleutelsZelf true: the schema's identity constraints (xs:key, xs:unique, xs:keyref) are checked by the
     *                     caller, not by the validator — the JDK's validator compares each new key with every earlier
     *                     one, which takes hours for an export of 100,000 pupils; the caller checks them with hash
     *                     sets and reports faults through {@link #schemafout(String)}
     */
    GevalideerdeXmlLezer(InputStream invoer, String bestand, Schema schema, boolean sleutelsZelf)
            throws OngeldigBestandException {
        this.bestand = bestand;
        try {
            this.reader = FACTORY.createXMLStreamReader(invoer);
        } catch (XMLStreamException e) {
            throw new OngeldigBestandException(fout(e.getLocation(), "geen goed gevormde XML: " + zonderWaarden(e.getMessage())));
        }
        this.validator = schema.newValidatorHandler();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML-validatie kan niet veilig ingesteld worden", e);
        }
        if (sleutelsZelf) {
            try {
                validator.setFeature(IDENTITEITSBEPERKINGEN, false);
            } catch (SAXException e) {
                throw new IllegalStateException("XML-validatie kan de sleutelcontrole niet aan de lezer overlaten", e);
            }
        }
        validator.setErrorHandler(new Foutverzamelaar());
        validator.setDocumentLocator(new StaxLocator());
        try {
            validator.startDocument();
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The StAX factory all LAS exports are read with (also for recognising the kind of a file). */
    public static XMLInputFactory veiligeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Coalescing would gather a whole text node in memory before handing it on.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // Bounds of the implementation at hand (Woodstox names; ignored where unknown). With DTDs off no entity can
        // be declared, so there is nothing to expand; depth and attributes are bounded as well.
        grens(factory, "com.ctc.wstx.maxElementDepth", MAX_DIEPTE);
        grens(factory, "com.ctc.wstx.maxAttributeSize", 64 * 1024);
        grens(factory, "com.ctc.wstx.maxAttributesPerElement", 100);
        return factory;
    }

    private static void grens(XMLInputFactory factory, String naam, int waarde) {
        if (factory.isPropertySupported(naam)) {
            factory.setProperty(naam, waarde);
        }
    }

    /** Moves to the next start element, end element or the end of the document; returns its event type. */
    int volgende() throws OngeldigBestandException {
        try {
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        start();
                        return event;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        eind();
                        return event;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> tekstDoor();
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw geenDtd();
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
        String eerste = null; // the usual case: the text comes in one piece
        StringBuilder tekst = null;
        int niveau = diepte;
        try {
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    tekstDoor();
                    if (eerste == null && tekst == null) {
                        eerste = new String(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    } else {
                        if (tekst == null) {
                            tekst = new StringBuilder(eerste);
                        }
                        tekst.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && diepte == niveau) {
                    eind();
                    controleerFataal();
                    return tekst != null ? tekst.toString().trim() : eerste == null ? "" : eerste.trim();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    eind();
                } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw geenDtd();
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
        StringBuilder tekst = new StringBuilder();
        for (int i = 1; i <= diepte; i++) {
            if (i > 1) {
                tekst.append('/');
            }
            tekst.append(pad[i]);
        }
        return tekst.toString();
    }

    /** The local name of the element at a depth (1 is the root) on the current path. */
    String naamOp(int niveau) {
        return niveau >= 1 && niveau <= diepte ? pad[niveau] : null;
    }

    int diepte() {
        return diepte;
    }

    int regel() {
        return reader.getLocation().getLineNumber();
    }

    /** Faults against the schema found so far (the file is rejected when there is any). */
    List<IntakeFout> schemafouten() {
        return schemafouten;
    }

    /** A fault against the schema found by the caller (an identity constraint), at the current element. */
    void schemafout(String reden) {
        if (schemafouten.size() < MAX_FOUTEN) {
            schemafouten.add(new IntakeFout(bestand, regel(), diepte == 0 ? null : pad(), "voldoet niet aan het schema: "
                    + reden));
        }
    }

    boolean heeftSchemafouten() {
        return !schemafouten.isEmpty();
    }

    /** The implementation reading, for the benchmark's report. */
    static String implementatie() {
        return FACTORY.getClass().getName();
    }

    private void start() throws SAXException, OngeldigBestandException {
        if (diepte == MAX_DIEPTE) {
            throw new OngeldigBestandException(fout(reader.getLocation(), "meer dan " + MAX_DIEPTE
                    + " elementen diep genest"));
        }
        pad[++diepte] = reader.getLocalName();
        tekstInElement = 0;
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            validator.startPrefixMapping(prefix == null ? "" : prefix, reader.getNamespaceURI(i));
        }
        attributen.clear();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = reader.getAttributePrefix(i);
            String lokaal = reader.getAttributeLocalName(i);
            String qnaam = prefix == null || prefix.isEmpty() ? lokaal : prefix + ":" + lokaal;
            String uri = reader.getAttributeNamespace(i);
            attributen.addAttribute(uri == null ? "" : uri, lokaal, qnaam, "CDATA", reader.getAttributeValue(i));
        }
        validator.startElement(uriVan(reader.getNamespaceURI()), reader.getLocalName(), qnaam(), attributen);
    }

    private void eind() throws SAXException {
        validator.endElement(uriVan(reader.getNamespaceURI()), reader.getLocalName(), qnaam());
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            validator.endPrefixMapping(prefix == null ? "" : prefix);
        }
        pad[diepte--] = null;
        tekstInElement = 0;
    }

    private void tekstDoor() throws SAXException, OngeldigBestandException {
        int lengte = reader.getTextLength();
        tekstInElement += lengte;
        if (tekstInElement > MAX_TEKST) {
            throw new OngeldigBestandException(fout(reader.getLocation(), "de tekst van dit element is langer dan "
                    + MAX_TEKST + " tekens"));
        }
        validator.characters(reader.getTextCharacters(), reader.getTextStart(), lengte);
    }

    private OngeldigBestandException geenDtd() {
        return new OngeldigBestandException(fout(reader.getLocation(),
                "een DOCTYPE of entiteit is niet toegestaan in een LAS-export"));
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
        return new IntakeFout(bestand, regel, diepte == 0 ? null : pad(), reden);
    }

    /** A parser's or validator's message without the values it quotes (they may be personal data). */
    public static String zonderWaarden(String bericht) {
        if (bericht == null) {
            return "";
        }
        String zonderPrefix = bericht.replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
        String zonderLocatie = LOCATIE.matcher(zonderPrefix).replaceFirst("");
        return WAARDE.matcher(zonderLocatie).replaceAll("$1'…'").strip();
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
                        diepte == 0 ? null : pad(), "voldoet niet aan het schema: " + zonderWaarden(e.getMessage())));
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
