package nl.verzuim.connector.intake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Exportlezer lezer = new Exportlezer(scholen, leerlingen::scholenMetLeerling,
                instellingen.intake().maxBestandsgrootte().toBytes());
        try {
            Gelezen gelezen = transactie.execute(status -> {
                try {
                    return leesEnBeoordeel(lezer, bestand, fouten);
                } catch (OngeldigBestandException e) {
                    status.setRollbackOnly();
                    throw new Afgekeurd(e);
                }
            });
            IntakeRapport rapport = new IntakeRapport(naam, gelezen.soort.name(), gelezen.geaccepteerd, fouten, false,
                    quarantaine.bestemming(naam, !fouten.isEmpty()));
            afronden(rapport);
            return rapport;
        } catch (Afgekeurd e) {
            IntakeRapport rapport = new IntakeRapport(naam, "?", 0, e.oorzaak.fouten(), true,
                    quarantaine.bestemming(naam, true));
            afronden(rapport);
            return rapport;
        }
    }

    private void afronden(IntakeRapport rapport) {
        if (rapport.naarQuarantaine()) {
            quarantaine.rapporteer(rapport);
            LOG.warn("Intake {} — naar quarantaine {}", rapport.samenvatting(), rapport.bestemming().getParent());
        } else {
            LOG.info("Intake {}", rapport.samenvatting());
        }
    }

    private record Gelezen(Exportlezer.Soort soort, int geaccepteerd) {
    }

    /** Stores what the file yields and judges every pupil it touched, in the caller's transaction. */
    private Gelezen leesEnBeoordeel(Exportlezer lezer, Path bestand, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        String naam = bestand.getFileName().toString();
        Map<String, Set<String>> geraakt = new LinkedHashMap<>();
        int[] geaccepteerd = {0};
        Exportlezer.Soort soort = lezer.lees(bestand, new Exportlezer.Ontvanger() {
            @Override
            public void leerling(School school, LeerlingGegevens leerling) {
                leerlingen.bewaar(leerling, klok.instant());
                geraakt.computeIfAbsent(school.code(), k -> new LinkedHashSet<>()).add(leerling.leerlingId());
                geaccepteerd[0]++;
            }

            @Override
            public void registratie(School school, CsvRegel regel) {
                registraties.bewaar(school.brin(), school.vestiging(), regel.leerlingId(), regel.registratie(), naam,
                        regel.regel());
                geraakt.computeIfAbsent(school.code(), k -> new LinkedHashSet<>()).add(regel.leerlingId());
                geaccepteerd[0]++;
            }
        }, fouten);
        LocalDate peildatum = LocalDate.now(klok);
        for (Map.Entry<String, Set<String>> perSchool : geraakt.entrySet()) {
            School school = scholen.vind(perSchool.getKey()).orElseThrow();
            for (String leerlingId : perSchool.getValue()) {
                meldingen.herbeoordeel(school, leerlingId, peildatum);
            }
        }
        return new Gelezen(soort, geaccepteerd[0]);
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
