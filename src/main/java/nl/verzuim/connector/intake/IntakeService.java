package nl.verzuim.connector.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.melding.MeldingService;
import nl.verzuim.connector.persistence.LeerlingRepository;
import nl.verzuim.connector.persistence.RegistratieRepository;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.Scholen;

/**
 * Takes one file from the inbox: recognises its kind, reads it, stores what is good and judges every pupil it
 * touched — all in one transaction, so that a crash leaves either everything or nothing of the file. Input faults
 * never throw: they come back in the {@link IntakeRapport}, and the file goes to quarantine with a report.
 */
@Service
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    private final Scholen scholen;
    private final LeerlingRepository leerlingen;
    private final RegistratieRepository registraties;
    private final MeldingService meldingen;
    private final Quarantaine quarantaine;
    private final TransactionTemplate transactie;
    private final ConnectorInstellingen instellingen;
    private final Clock klok;

    public IntakeService(Scholen scholen, LeerlingRepository leerlingen, RegistratieRepository registraties,
                         MeldingService meldingen, Quarantaine quarantaine, TransactionTemplate transactie,
                         ConnectorInstellingen instellingen, Clock klok) {
        this.scholen = scholen;
        this.leerlingen = leerlingen;
        this.registraties = registraties;
        this.meldingen = meldingen;
        this.quarantaine = quarantaine;
        this.transactie = transactie;
        this.instellingen = instellingen;
        this.klok = klok;
    }

    /** Reads one file; the caller moves it to {@link IntakeRapport#bestemming()}. */
    public IntakeRapport verwerk(String pad) {
        Path bestand = Path.of(pad);
        String naam = bestand.getFileName().toString();
        List<IntakeFout> fouten = new ArrayList<>();
        String soort = "?";
        try {
            long grootte = Files.size(bestand);
            long max = instellingen.intake().maxBestandsgrootte().toBytes();
            if (grootte > max) {
                throw new OngeldigBestandException(new IntakeFout(naam, null, null, "het bestand is " + grootte
                        + " bytes, meer dan de toegestane " + max + " (connector.intake.max-bestandsgrootte)"));
            }
            soort = soort(bestand, naam);
            String gelezenSoort = soort;
            int geaccepteerd = transactie.execute(status -> {
                try {
                    return leesEnBeoordeel(bestand, naam, gelezenSoort, fouten);
                } catch (OngeldigBestandException e) {
                    status.setRollbackOnly();
                    throw new Afgekeurd(e);
                }
            });
            IntakeRapport rapport = new IntakeRapport(naam, soort, geaccepteerd, fouten, false,
                    quarantaine.bestemming(naam, !fouten.isEmpty()));
            afronden(rapport);
            return rapport;
        } catch (Afgekeurd e) {
            return afgekeurd(naam, soort, e.oorzaak.fouten());
        } catch (OngeldigBestandException e) {
            return afgekeurd(naam, soort, e.fouten());
        } catch (IOException e) {
            return afgekeurd(naam, soort, List.of(new IntakeFout(naam, null, null,
                    "het bestand kan niet gelezen worden: " + e.getClass().getSimpleName())));
        }
    }

    private IntakeRapport afgekeurd(String naam, String soort, List<IntakeFout> fouten) {
        IntakeRapport rapport = new IntakeRapport(naam, soort, 0, fouten, true, quarantaine.bestemming(naam, true));
        afronden(rapport);
        return rapport;
    }

    private void afronden(IntakeRapport rapport) {
        if (rapport.naarQuarantaine()) {
            quarantaine.rapporteer(rapport);
            LOG.warn("Intake {} — naar quarantaine {}", rapport.samenvatting(), rapport.bestemming().getParent());
        } else {
            LOG.info("Intake {}", rapport.samenvatting());
        }
    }

    private int leesEnBeoordeel(Path bestand, String naam, String soort, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        Map<String, Set<String>> geraakt = new LinkedHashMap<>();
        int[] geaccepteerd = {0};
        try (InputStream invoer = new BufferedInputStream(Files.newInputStream(bestand), 1 << 16)) {
            switch (soort) {
                case "OSO" -> OsoLezer.lees(invoer, naam, leerling -> {
                    Optional<School> school = scholen.vind(leerling.brin(), leerling.vestiging());
                    if (school.isEmpty()) {
                        fouten.add(new IntakeFout(naam, null, "huidigeschool/brincode", "school "
                                + leerling.schoolcode() + " is niet geconfigureerd in connector.schools"));
                        return;
                    }
                    leerlingen.bewaar(leerling, klok.instant());
                    geraakt.computeIfAbsent(school.get().code(), k -> new LinkedHashSet<>()).add(leerling.leerlingId());
                    geaccepteerd[0]++;
                }, fouten);
                case "CSV" -> leesCsv(invoer, naam, fouten, geraakt, geaccepteerd);
                default -> throw new OngeldigBestandException(new IntakeFout(naam, null, null,
                        "bestandssoort " + soort + " wordt nog niet gelezen (zie README, 'Nog niet gebouwd')"));
            }
        } catch (IOException e) {
            throw new OngeldigBestandException(new IntakeFout(naam, null, null,
                    "het bestand kan niet gelezen worden: " + e.getClass().getSimpleName()));
        }
        LocalDate peildatum = LocalDate.now(klok);
        for (Map.Entry<String, Set<String>> perSchool : geraakt.entrySet()) {
            School school = scholen.vind(perSchool.getKey()).orElseThrow();
            for (String leerlingId : perSchool.getValue()) {
                meldingen.herbeoordeel(school, leerlingId, peildatum);
            }
        }
        return geaccepteerd[0];
    }

    private void leesCsv(InputStream invoer, String naam, List<IntakeFout> fouten, Map<String, Set<String>> geraakt,
                         int[] geaccepteerd) throws OngeldigBestandException {
        Optional<School> vast = SchoolToewijzing.vanBestand(scholen, naam);
        LasProfiel profiel = LasProfiel.STANDAARD;
        if (vast.isPresent() && !LasProfiel.STANDAARD.naam().equals(vast.get().lasProfiel())) {
            throw new OngeldigBestandException(new IntakeFout(naam, null, null, "LAS-profiel '"
                    + vast.get().lasProfiel() + "' van school " + vast.get().code() + " bestaat (nog) niet"));
        }
        CsvLezer.lees(invoer, naam, profiel, regel -> {
            Optional<School> school = vast.isPresent() ? vast
                    : SchoolToewijzing.vanLeerling(scholen, leerlingen.scholenMetLeerling(regel.leerlingId()));
            if (school.isEmpty()) {
                fouten.add(new IntakeFout(naam, regel.regel(), LasProfiel.LEERLING_ID,
                        SchoolToewijzing.geenSchool(regel.leerlingId())));
                return;
            }
            registraties.bewaar(school.get().brin(), school.get().vestiging(), regel.leerlingId(), regel.registratie(),
                    naam, regel.regel());
            geraakt.computeIfAbsent(school.get().code(), k -> new LinkedHashSet<>()).add(regel.leerlingId());
            geaccepteerd[0]++;
        }, fouten);
    }

    /** CSV by extension; XML by its root element (OSO dossier or EDEXML). */
    static String soort(Path bestand, String naam) throws OngeldigBestandException, IOException {
        String klein = naam.toLowerCase(Locale.ROOT);
        if (klein.endsWith(".csv")) {
            return "CSV";
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
                            return "OSO";
                        }
                        if ("EDEX".equals(reader.getLocalName())) {
                            return "EDEXML";
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

    /** Carries a rejection out of the transaction callback, which may not throw checked exceptions. */
    private static final class Afgekeurd extends RuntimeException {
        private final transient OngeldigBestandException oorzaak;

        Afgekeurd(OngeldigBestandException oorzaak) {
            super(oorzaak.getMessage(), null, false, false);
            this.oorzaak = oorzaak;
        }
    }
}
