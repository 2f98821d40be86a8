package nl.verzuim.connector.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.verzuim.connector.intake.csv.CsvLezer;
import nl.verzuim.connector.intake.xml.EdexmlLezer;
import nl.verzuim.connector.intake.xml.GevalideerdeXmlLezer;
import nl.verzuim.connector.intake.xml.OsoLezer;
import nl.verzuim.connector.intake.xml.Schemas;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.school.LasProfiel;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * Reads one LAS export of any supported kind — the same way for the inbox and for the {@code beoordeel} command:
 * recognises the kind, checks the size, reads it by streaming, attaches every pupil and registration to a
 * configured school, and reports what it rejects. Plain Java; where the results go is the caller's business.
 *
 * <p>A file that is rejected whole may be found faulty only at its end (a schema fault on the last line). A
 * receiver that undoes what it stored when the file is rejected ({@link Ontvanger#draaitTerugBijAfkeur()}, the
 * intake's transaction) gets everything as it streams by; any other receiver gets nothing of a rejected file,
 * because what a file yields is then held back until the file is read to its end.
 */
public final class Exportlezer {

    /** Receives what a file yields. */
    public interface Ontvanger {
        /** A pupil from an OSO dossier or EDEXML export, whose school is configured. */
        void leerling(School school, LeerlingGegevens leerling);

        /** An absence registration from a CSV line, with the school it belongs to. */
        void registratie(School school, CsvRegel regel);

        /** Something read, but not as the profile says (a UTF-8 file read as Windows-1252): for the file's report. */
        default void waarschuwing(IntakeFout waarschuwing) {
        }

        /**
         * True when this receiver undoes everything it received from a file that then turns out to be rejected
         * whole (it throws {@link OngeldigBestandException} from {@link #lees}); then nothing is held back in memory.
         */
        default boolean draaitTerugBijAfkeur() {
            return false;
        }
    }

    public enum Soort { OSO, EDEXML, CSV }

    /** Made once, as GevalideerdeXmlLezer's: a new factory per file is a service lookup (issue 13: 200 files). */
    private static final XMLInputFactory SOORT_FACTORY = GevalideerdeXmlLezer.veiligeFactory();

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
        Ontvanger doel = ontvanger.draaitTerugBijAfkeur() ? ontvanger : new Uitgesteld(ontvanger);
        try {
            long grootte = Files.size(bestand);
            if (grootte == 0) {
                throw new OngeldigBestandException(new IntakeFout(naam, null, null, "het bestand is leeg (0 bytes)"));
            }
            if (grootte > maxBytes) {
                throw new OngeldigBestandException(new IntakeFout(naam, null, null, "het bestand is " + grootte
                        + " bytes, meer dan de toegestane " + maxBytes + " (connector.intake.max-bestandsgrootte)"));
            }
            Soort soort = soort(bestand, naam);
            try (InputStream invoer = new BufferedInputStream(Files.newInputStream(bestand), 1 << 16)) {
                switch (soort) {
                    case OSO -> OsoLezer.lees(invoer, naam, leerling -> osoLeerling(naam, leerling, doel, fouten), fouten);
                    case EDEXML -> leesEdexml(invoer, naam, doel, fouten);
                    case CSV -> leesCsv(invoer, naam, doel, fouten);
                }
            }
            if (doel instanceof Uitgesteld uitgesteld) {
                uitgesteld.geefDoor();
            }
            return soort;
        } catch (IOException e) {
            throw new OngeldigBestandException(new IntakeFout(naam, null, null,
                    "het bestand kan niet gelezen worden: " + e.getClass().getSimpleName()));
        }
    }

    private void osoLeerling(String naam, LeerlingGegevens leerling, Ontvanger ontvanger, List<IntakeFout> fouten) {
        Optional<School> school = scholen.vind(leerling.brin(), leerling.vestiging());
        if (school.isEmpty()) {
            fouten.add(new IntakeFout(naam, null, "huidigeschool/brincode", "school " + leerling.schoolcode()
                    + " is niet geconfigureerd in connector.schools; leerling " + leerling.leerlingId()
                    + " is niet overgenomen"));
            return;
        }
        ontvanger.leerling(school.get(), leerling);
    }

    /** All pupils of an EDEXML export belong to its one school; an unknown school is reported once, with a count. */
    private void leesEdexml(InputStream invoer, String naam, Ontvanger ontvanger, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        int[] nietGeconfigureerd = {0};
        Map<String, Optional<School>> perCode = new HashMap<>(2);
        EdexmlLezer.Gelezen gelezen = EdexmlLezer.lees(invoer, naam, (leerling, regel) -> {
            Optional<School> school = perCode.computeIfAbsent(leerling.schoolcode(),
                    code -> scholen.vind(leerling.brin(), leerling.vestiging()));
            if (school.isEmpty()) {
                nietGeconfigureerd[0]++;
            } else {
                ontvanger.leerling(school.get(), leerling);
            }
        }, fouten);
        if (nietGeconfigureerd[0] > 0) {
            fouten.add(new IntakeFout(naam, gelezen.schoolRegel(), "school/brincode", "school "
                    + gelezen.schoolcode() + " (brincode + dependancecode) is niet geconfigureerd in connector.schools;"
                    + " de " + nietGeconfigureerd[0] + " leerling(en) van deze export zijn niet overgenomen"));
        }
    }

    private void leesCsv(InputStream invoer, String naam, Ontvanger ontvanger, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        Optional<String> codeInNaam = SchoolToewijzing.schoolcodeInNaam(naam);
        if (codeInNaam.isPresent() && scholen.vind(codeInNaam.get()).isEmpty()) {
            throw new OngeldigBestandException(new IntakeFout(naam, null, null, "de bestandsnaam noemt school "
                    + codeInNaam.get() + ", maar die is niet geconfigureerd in connector.schools"));
        }
        Optional<School> vast = SchoolToewijzing.vanBestand(scholen, naam);
        LasProfiel profiel = vast.isPresent() ? scholen.profiel(vast.get()) : gedeeldProfiel(naam);
        // the school of each pupil, looked up once per file
        Map<String, Optional<School>> perLeerling = new HashMap<>();
        List<IntakeFout> waarschuwingen = CsvLezer.lees(invoer, naam, profiel, regel -> {
            Optional<School> school = vast.isPresent() ? vast : perLeerling.computeIfAbsent(regel.leerlingId(),
                    id -> SchoolToewijzing.vanLeerling(scholen, scholenMetLeerling.apply(id)));
            if (school.isEmpty()) {
                fouten.add(new IntakeFout(naam, regel.regel(), profiel.kolom(LasProfiel.LEERLING_ID),
                        SchoolToewijzing.geenSchool(regel.leerlingId())));
                return;
            }
            ontvanger.registratie(school.get(), regel);
        }, fouten);
        waarschuwingen.forEach(ontvanger::waarschuwing);
    }

    /** A file that names no school is read with the profile all schools share — if they share one. */
    private LasProfiel gedeeldProfiel(String naam) throws OngeldigBestandException {
        List<String> namen = scholen.scholen().stream().map(School::lasProfiel).distinct().toList();
        if (namen.size() != 1) {
            throw new OngeldigBestandException(new IntakeFout(naam, null, null, "de scholen gebruiken verschillende"
                    + " LAS-profielen (" + String.join(", ", namen) + "); begin de bestandsnaam met BRIN+vestiging"
                    + " (bijv. 12AB00_verzuim.csv) zodat duidelijk is met welk profiel het gelezen wordt"));
        }
        return scholen.profielen().profiel(namen.get(0));
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
        XMLInputFactory factory = SOORT_FACTORY;
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

    /**
     * Holds back what a file yields until it has been read to its end without being rejected, for a receiver that
     * cannot undo (the {@code beoordeel} command keeps everything in memory anyway).
     */
    private static final class Uitgesteld implements Ontvanger {
        private final Ontvanger doel;
        private final List<Item> items = new ArrayList<>();

        private record Item(School school, LeerlingGegevens leerling, CsvRegel regel) {
        }

        Uitgesteld(Ontvanger doel) {
            this.doel = doel;
        }

        @Override
        public void leerling(School school, LeerlingGegevens leerling) {
            items.add(new Item(school, leerling, null));
        }

        @Override
        public void registratie(School school, CsvRegel regel) {
            items.add(new Item(school, null, regel));
        }

        @Override
        public void waarschuwing(IntakeFout waarschuwing) {
            doel.waarschuwing(waarschuwing);
        }

        void geefDoor() {
            for (Item item : items) {
                if (item.leerling() != null) {
                    doel.leerling(item.school(), item.leerling());
                } else {
                    doel.registratie(item.school(), item.regel());
                }
            }
        }
    }
}
