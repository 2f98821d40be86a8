package nl.verzuim.connector.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.Scholen;

/**
 * Reads one LAS export of any supported kind — the same way for the inbox and for the {@code beoordeel} command:
 * recognises the kind, checks the size, reads it by streaming, attaches every pupil and registration to a
 * configured school, and reports what it rejects. Plain Java; where the results go is the caller's business.
 */
public final class Exportlezer {

    /** Receives what a file yields. */
    public interface Ontvanger {
        /** A pupil from an OSO dossier or EDEXML export, whose school is configured. */
        void leerling(School school, LeerlingGegevens leerling);

        /** An absence registration from a CSV line, with the school it belongs to. */
        void registratie(School school, CsvRegel regel);
    }

    public enum Soort { OSO, EDEXML, CSV }

    private final Scholen scholen;
    private final Function<String, Collection<String>> scholenMetLeerling;
    private final long maxBytes;

    /**
     * @param scholenMetLeerling the school codes (BRIN + vestiging) where a LAS key is known, for CSV files that
     *                           do not name their school
     * @param maxBytes           larger files are refused unread
     */
    public Exportlezer(Scholen scholen, Function<String, Collection<String>> scholenMetLeerling, long maxBytes) {
        this.scholen = scholen;
        this.scholenMetLeerling = scholenMetLeerling;
        this.maxBytes = maxBytes;
    }

    /** Reads one file; line-level faults go to {@code fouten}, a file-level fault throws. */
    public Soort lees(Path bestand, Ontvanger ontvanger, List<IntakeFout> fouten) throws OngeldigBestandException {
        String naam = bestand.getFileName().toString();
        try {
            long grootte = Files.size(bestand);
            if (grootte > maxBytes) {
                throw new OngeldigBestandException(new IntakeFout(naam, null, null, "het bestand is " + grootte
                        + " bytes, meer dan de toegestane " + maxBytes + " (connector.intake.max-bestandsgrootte)"));
            }
            Soort soort = soort(bestand, naam);
            try (InputStream invoer = new BufferedInputStream(Files.newInputStream(bestand), 1 << 16)) {
                switch (soort) {
                    case OSO -> OsoLezer.lees(invoer, naam, leerling -> leerling(naam, leerling, ontvanger, fouten), fouten);
                    case CSV -> leesCsv(invoer, naam, ontvanger, fouten);
                    default -> throw new OngeldigBestandException(new IntakeFout(naam, null, null,
                            "bestandssoort " + soort + " wordt nog niet gelezen (zie README, 'Nog niet gebouwd')"));
                }
            }
            return soort;
        } catch (IOException e) {
            throw new OngeldigBestandException(new IntakeFout(naam, null, null,
                    "het bestand kan niet gelezen worden: " + e.getClass().getSimpleName()));
        }
    }

    private void leerling(String naam, LeerlingGegevens leerling, Ontvanger ontvanger, List<IntakeFout> fouten) {
        Optional<School> school = scholen.vind(leerling.brin(), leerling.vestiging());
        if (school.isEmpty()) {
            fouten.add(new IntakeFout(naam, null, "huidigeschool/brincode", "school " + leerling.schoolcode()
                    + " is niet geconfigureerd in connector.schools"));
            return;
        }
        ontvanger.leerling(school.get(), leerling);
    }

    private void leesCsv(InputStream invoer, String naam, Ontvanger ontvanger, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        Optional<School> vast = SchoolToewijzing.vanBestand(scholen, naam);
        LasProfiel profiel = LasProfiel.STANDAARD;
        if (vast.isPresent() && !LasProfiel.STANDAARD.naam().equals(vast.get().lasProfiel())) {
            throw new OngeldigBestandException(new IntakeFout(naam, null, null, "LAS-profiel '"
                    + vast.get().lasProfiel() + "' van school " + vast.get().code() + " bestaat (nog) niet"));
        }
        CsvLezer.lees(invoer, naam, profiel, regel -> {
            Optional<School> school = vast.isPresent() ? vast
                    : SchoolToewijzing.vanLeerling(scholen, scholenMetLeerling.apply(regel.leerlingId()));
            if (school.isEmpty()) {
                fouten.add(new IntakeFout(naam, regel.regel(), LasProfiel.LEERLING_ID,
                        SchoolToewijzing.geenSchool(regel.leerlingId())));
                return;
            }
            ontvanger.registratie(school.get(), regel);
        }, fouten);
    }

    /** CSV by extension; XML by its root element (OSO dossier or EDEXML). */
    static Soort soort(Path bestand, String naam) throws OngeldigBestandException, IOException {
        String klein = naam.toLowerCase(Locale.ROOT);
        if (klein.endsWith(".csv")) {
            return Soort.CSV;
        }
        if (!klein.endsWith(".xml")) {
            throw new OngeldigBestandException(new IntakeFout(naam, null, null, "onbekende bestandssoort; verwacht .xml of .csv"));
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream invoer = new BufferedInputStream(Files.newInputStream(bestand))) {
            XMLStreamReader reader = factory.createXMLStreamReader(invoer);
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new OngeldigBestandException(new IntakeFout(naam, reader.getLocation().getLineNumber(),
                                null, "een DOCTYPE is niet toegestaan in een LAS-export"));
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        if ("dossier".equals(reader.getLocalName())
                                && Schemas.OSO_NAMESPACE.equals(reader.getNamespaceURI())) {
                            return Soort.OSO;
                        }
                        if ("EDEX".equals(reader.getLocalName())) {
                            return Soort.EDEXML;
                        }
                        throw new OngeldigBestandException(new IntakeFout(naam, reader.getLocation().getLineNumber(),
                                reader.getLocalName(), "onbekend XML-formaat: verwacht een OSO-dossier of EDEXML"));
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new OngeldigBestandException(new IntakeFout(naam,
                    e.getLocation() == null ? null : e.getLocation().getLineNumber(), null,
                    "geen goed gevormde XML: " + GevalideerdeXmlLezer.zonderWaarden(e.getMessage())));
        }
        throw new OngeldigBestandException(new IntakeFout(naam, null, null, "leeg XML-bestand"));
    }
}
