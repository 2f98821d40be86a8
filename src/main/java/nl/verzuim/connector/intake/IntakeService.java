package nl.verzuim.connector.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.Bestandsrechten;
import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.leerling.LeerlingRepository;
import nl.verzuim.connector.leerling.RegistratieLading;
import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.melding.MeldingService;
import nl.verzuim.connector.rules.Exportperiode;
import nl.verzuim.connector.rules.Vervangt;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * Takes one file from the inbox: recognises its kind, reads it, stores what is good and judges every pupil it
 * touched — all in one transaction, so that a crash leaves either everything or nothing of the file (and the file
 * in the inbox, to be read again). Input faults never throw: they come back in the {@link IntakeRapport}, and the
 * file goes to quarantine with a report. Registrations are bulk loaded inside that one transaction (COPY on
 * PostgreSQL, JDBC batches on H2) and moved into place by one statement, then the file's period is replaced, and
 * the touched pupils are judged school by school in one ordered pass each. One INFO line per file sums it up.
 */
@Service
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    /** Registrations per bulk load (a COPY or a JDBC batch). */
    static final int BATCH = 5_000;

    private final Scholen scholen;
    private final LeerlingRepository leerlingen;
    private final RegistratieLading lading;
    private final MeldingService meldingen;
    private final Quarantaine quarantaine;
    private final ExportOntvangst exports;
    private final TransactionTemplate transactie;
    private final ConnectorInstellingen instellingen;
    private final Clock klok;
    /** Failed tries per file (name, size, time) since start-up; bounded by the files in the inbox. */
    private final Map<String, Integer> pogingen = new ConcurrentHashMap<>();

    public IntakeService(Scholen scholen, LeerlingRepository leerlingen, RegistratieLading lading,
                         MeldingService meldingen, Quarantaine quarantaine, ExportOntvangst exports,
                         TransactionTemplate transactie, ConnectorInstellingen instellingen, Clock klok) {
        this.scholen = scholen;
        this.leerlingen = leerlingen;
        this.lading = lading;
        this.meldingen = meldingen;
        this.quarantaine = quarantaine;
        this.exports = exports;
        this.transactie = transactie;
        this.instellingen = instellingen;
        this.klok = klok;
    }

    /**
     * Reads one file from the inbox; the caller moves it to {@link IntakeRapport#bestemming()}. An unexpected
     * failure (the database away, a bug) rolls everything of the file back and throws, so that the file stays in
     * the inbox and is read again; the exception names types only, never input.
     */
    public IntakeRapport verwerk(String pad) {
        Path bestand = Path.of(pad);
        String naam = bestand.getFileName().toString();
        Optional<IntakeFout> buiten = buitenDeInbox(bestand, naam);
        if (buiten.isPresent()) {
            return afgekeurd(naam, List.of(buiten.get()));
        }
        List<IntakeFout> fouten = new ArrayList<>();
        Exportlezer lezer = new Exportlezer(scholen, leerlingen.scholenMetLeerlingPerBestand(),
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
                    quarantaine.bestemming(naam, !fouten.isEmpty()), gelezen.waarschuwingen);
            afronden(rapport);
            beschermd(bestand);
            pogingen.remove(sleutel(bestand, naam));
            return rapport;
        } catch (Afgekeurd e) {
            beschermd(bestand);
            return afgekeurd(naam, e.oorzaak.fouten());
        } catch (RuntimeException e) {
            String oorzaak = Foutketen.van(e) + waar(e);
            int maxPogingen = instellingen.intake().maxPogingen();
            String sleutel = sleutel(bestand, naam);
            int poging = pogingen.merge(sleutel, 1, Integer::sum);
            if (poging < maxPogingen) {
                LOG.warn("Intake van {} onderbroken ({}), poging {} van {}; niets uit het bestand is bewaard, het"
                        + " blijft in de inbox en wordt opnieuw gelezen", naam, oorzaak, poging, maxPogingen);
                throw new IntakeOnderbroken(naam, oorzaak);
            }
            // never a loop: a file that cannot be stored (a database that keeps failing, a bug) ends in quarantine
            pogingen.remove(sleutel);
            beschermd(bestand);
            return afgekeurd(naam, List.of(new IntakeFout(naam, opslagRegel(e), null, "kon na " + poging
                    + " pogingen niet opgeslagen worden (" + oorzaak + "); niets uit het bestand is bewaard")));
        }
    }

    /** The file as the inbox knows it: name, size and time (a changed file starts counting again). */
    private static String sleutel(Path bestand, String naam) {
        try {
            return naam + "-" + Files.size(bestand) + "-" + Files.getLastModifiedTime(bestand).toMillis();
        } catch (IOException e) {
            return naam;
        }
    }

    private static Integer opslagRegel(Throwable fout) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof OpslagMislukt m) {
                return m.regel;
            }
        }
        return null;
    }

    /**
     * For a file that was read before (same name, size and time; the inbox remembers them in the database): it is
     * not read again and goes to the processed folder.
     */
    public String alGelezen(String naam) {
        LOG.info("{} is al eerder gelezen (zelfde naam, grootte en tijdstip); niet opnieuw verwerkt", naam);
        if (Bestandsnaam.veilig(naam)) {
            beschermd(instellingen.inbox().resolve(naam));
        }
        return quarantaine.bestemming(naam, false).toString();
    }

    private IntakeRapport afgekeurd(String naam, List<IntakeFout> fouten) {
        IntakeRapport rapport = new IntakeRapport(naam, "?", 0, fouten, true, quarantaine.bestemming(naam, true));
        afronden(rapport);
        return rapport;
    }

    /**
     * The export is made owner-only (0600) before it is moved out of the inbox into processed/ or the quarantine:
     * it keeps that mode there. When the LAS's user owns it, that cannot be done; said, and the intake goes on.
     */
    static void beschermd(Path bestand) {
        try {
            Bestandsrechten.alleenEigenaar(bestand);
        } catch (UncheckedIOException e) {
            LOG.warn("De rechten van {} kunnen niet op alleen-eigenaar (0600): het bestand is van een andere gebruiker"
                    + " ({})", bestand.getFileName(), Foutketen.van(e));
        }
    }

    /** Only regular files directly in the inbox are read; a link is never followed out of it. */
    private Optional<IntakeFout> buitenDeInbox(Path bestand, String naam) {
        if (Files.isSymbolicLink(bestand)) {
            return Optional.of(new IntakeFout(naam, null, null, "een symbolische koppeling wordt niet gevolgd; zet het"
                    + " bestand zelf in de inbox"));
        }
        try {
            Path map = bestand.toAbsolutePath().getParent().toRealPath();
            if (!map.equals(instellingen.inbox().toRealPath()) || !Files.isRegularFile(bestand)) {
                return Optional.of(new IntakeFout(naam, null, null, "alleen gewone bestanden direct in de inbox worden"
                        + " gelezen"));
            }
        } catch (IOException e) {
            return Optional.of(new IntakeFout(naam, null, null, "het bestand kan niet gelezen worden: "
                    + e.getClass().getSimpleName()));
        }
        return Optional.empty();
    }

    private void afronden(IntakeRapport rapport) {
        if (rapport.naarQuarantaine()) {
            quarantaine.rapporteer(rapport);
            LOG.warn("Intake {} — naar quarantaine {}", rapport.samenvatting(), rapport.bestemming().getParent());
        } else if (!rapport.waarschuwingen().isEmpty()) {
            quarantaine.rapporteer(rapport);
            LOG.warn("Intake {} — rapport naast het bestand in {}", rapport.samenvatting(),
                    rapport.bestemming().getParent());
        } else {
            LOG.info("Intake {}", rapport.samenvatting());
        }
    }

    private record Gelezen(Exportlezer.Soort soort, int geaccepteerd, List<IntakeFout> waarschuwingen) {
    }

    /** Stores what the file yields and judges every pupil it touched, in the caller's transaction. */
    private Gelezen leesEnBeoordeel(Exportlezer lezer, Path bestand, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        long start = System.nanoTime();
        Opslag opslag = new Opslag(bestand.getFileName().toString());
        Exportlezer.Soort soort;
        long geladen;
        RegistratieLading.Lading bestandslading = opslag.bestandslading;
        try (bestandslading) {
            soort = lezer.lees(bestand, opslag, fouten);
            opslag.schrijfWachtrij();
            opslag.sluitLading();
            geladen = System.nanoTime();
        }
        opslag.verplaatsGeladen();
        long verplaatst = System.nanoTime();
        opslag.vervangPerioden();
        opslag.leegGeladen();
        Set<School> geexporteerd = new LinkedHashSet<>(opslag.metRegistraties);
        if (soort == Exportlezer.Soort.CSV) {
            // a school's export without one absence (a quiet week at a small school) is still its export
            opslag.benoemd.ifPresent(geexporteerd::add);
        }
        for (School school : geexporteerd) {
            exports.gelezen(school.brin(), school.vestiging(), opslag.naam, klok.instant());
        }
        long opgeslagen = System.nanoTime();
        LocalDate peildatum = LocalDate.now(klok);
        MeldingService.Telling telling = MeldingService.Telling.leeg();
        for (Map.Entry<String, Set<String>> perSchool : opslag.geraakt.entrySet()) {
            School school = scholen.vind(perSchool.getKey()).orElseThrow();
            telling.tel(meldingen.herbeoordeel(school, perSchool.getValue(), peildatum,
                    bestand.getFileName().toString()));
        }
        // one line per file, counts only (no pupil data); the meldingen themselves are on the page and in the audit
        LOG.info("Intake {}: {} gelezen en opgeslagen in {} ms (lezen en laden {} ms, op hun plaats {} ms, periode"
                        + " {} ms), {} leerlingen beoordeeld in {} ms; nieuwe meldingen {}, {} vervallen",
                bestand.getFileName(), opslag.geaccepteerd, (opgeslagen - start) / 1_000_000,
                (geladen - start) / 1_000_000, (verplaatst - geladen) / 1_000_000, (opgeslagen - verplaatst) / 1_000_000,
                telling.leerlingen(), (System.nanoTime() - opgeslagen) / 1_000_000,
                telling.nieuwPerKanaal().isEmpty() ? "geen" : telling.nieuwPerKanaal(), telling.vervallen());
        return new Gelezen(soort, opslag.geaccepteerd, opslag.waarschuwingen);
    }

    /**
     * Stores as the file streams by: pupils one by one, registrations loaded in batches (in file order, so that of
     * two lines with the same key the later one stays when they are moved into place). Everything is undone with the transaction if the file is
     * rejected whole.
     */
    private final class Opslag implements Exportlezer.Ontvanger {
        private final String naam;
        /** The school the file's name names (or the only school configured), if any. */
        private final Optional<School> benoemd;
        private final List<RegistratieRepository.Rij> wachtrij = new ArrayList<>(BATCH);
        /** The file's load; broken off if the file is rejected or fails before it is ended. */
        private final RegistratieLading.Lading bestandslading = lading.begin();
        private final List<LeerlingGegevens> nieuweLeerlingen = new ArrayList<>();
        private final Map<String, Set<String>> geraakt = new LinkedHashMap<>();
        /** The periods of the file per school, one collector per {@code vervangt} of the schools' profiles. */
        private final Map<Vervangt, Exportperiode> perioden = new EnumMap<>(Vervangt.class);
        /** The volgnummer below which a registration was held before this file; none before its first line. */
        private long grens = -1;
        private final List<IntakeFout> waarschuwingen = new ArrayList<>();
        private final Set<School> metRegistraties = new LinkedHashSet<>();
        private int geaccepteerd;
        private int eersteRegel;
        /** The first line that went into the loading table (to be moved into place); 0: none. */
        private int eersteGeladen;
        /** Lines loaded so far (PostgreSQL: into registratie_laad, waiting for the move), and the last line's number. */
        private long aantalGeladen;
        private int hoogsteRegel;

        Opslag(String naam) {
            this.naam = naam;
            this.benoemd = SchoolToewijzing.vanBestand(scholen, naam);
        }

        @Override
        public void leerling(School school, LeerlingGegevens leerling) {
            schrijfRegistraties();
            nieuweLeerlingen.add(leerling);
            if (nieuweLeerlingen.size() >= BATCH) {
                schrijfLeerlingen();
            }
            geraakt(school, leerling.leerlingId());
        }

        /** Pupils are stored in batches too ({@link LeerlingRepository#bewaarAlle}), before any registration. */
        void schrijfLeerlingen() {
            if (nieuweLeerlingen.isEmpty()) {
                return;
            }
            sluitLading(); // an open COPY holds the connection
            leerlingen.bewaarAlle(nieuweLeerlingen, klok.instant());
            nieuweLeerlingen.clear();
        }

        @Override
        public void registratie(School school, CsvRegel regel) {
            if (grens < 0) {
                // another instance storing a file of this school (or of all schools) first finishes it
                lading.wachtOpBeurt(benoemd.map(School::code).orElse(null));
                grens = lading.volgnummerGrens();
            }
            perioden.computeIfAbsent(scholen.profiel(school).vervangt(), Exportperiode::new)
                    .regel(school.code(), regel.leerlingId(), regel.registratie().datum());
            if (wachtrij.isEmpty()) {
                eersteRegel = regel.regel();
            }
            wachtrij.add(new RegistratieRepository.Rij(school.brin(), school.vestiging(), regel.leerlingId(),
                    regel.registratie(), naam, regel.regel()));
            hoogsteRegel = Math.max(hoogsteRegel, regel.regel());
            metRegistraties.add(school);
            if (wachtrij.size() >= BATCH) {
                schrijfWachtrij();
            }
            geraakt(school, regel.leerlingId());
        }

        @Override
        public void waarschuwing(IntakeFout waarschuwing) {
            waarschuwingen.add(waarschuwing);
        }

        @Override
        public boolean draaitTerugBijAfkeur() {
            return true;
        }

        /**
         * Step 2 of {@link Exportperiode}, after the file's lines are stored: per school, what was held before for
         * its period and the file no longer holds goes, as one delete; the pupils it took something from are judged
         * again with those of the file.
         */
        void vervangPerioden() {
            List<RegistratieLading.Periode> teVervangen = new ArrayList<>();
            for (Exportperiode periode : perioden.values()) {
                if (periode.vervangt() == Vervangt.NIETS) {
                    continue;
                }
                for (String code : periode.scholen()) {
                    School school = scholen.vind(code).orElseThrow();
                    teVervangen.add(new RegistratieLading.Periode(school.brin(), school.vestiging(),
                            periode.van(code), periode.tot(code), periode.vervangt() == Vervangt.LEERLINGEN));
                }
            }
            lading.vervangPerioden(teVervangen, grens).forEach((code, weg) ->
                    geraakt.computeIfAbsent(code, k -> new LinkedHashSet<>()).addAll(weg));
        }

        /**
         * Empties the loading table after the period step, only when this file loaded into it: until autovacuum comes
         * by, the table holds the dead rows of the last large file, and a delete scans them all (200 EDEXML files
         * of a region each took that scan).
         */
        void leegGeladen() {
            if (eersteGeladen != 0) {
                lading.leegGeladen();
            }
        }

        /** Moves the loaded lines into place in one statement; a failure names the file's first line stored. */
        void verplaatsGeladen() {
            if (eersteGeladen == 0) {
                return;
            }
            try {
                // a load of a region's size, over twice what is held: making the secondary indexes again after the
                // move is cheaper than keeping them up row by row; not for a nightly repeat of what is held, whose
                // unchanged lines touch no index (RegistratieLading#verplaatsGeladen)
                long vanaf = instellingen.intake().indexenHerbouwenVanaf();
                lading.verplaatsGeladen(grens, hoogsteRegel, vanaf > 0 && aantalGeladen >= vanaf
                        && aantalGeladen > 2 * lading.geschatAantal(), naam);
            } catch (RuntimeException e) {
                throw new OpslagMislukt(eersteGeladen, e);
            }
        }

        /** Ends the load before anything else is asked of the connection; a failure names the first line loaded. */
        void sluitLading() {
            try {
                bestandslading.sluit();
            } catch (RuntimeException e) {
                throw new OpslagMislukt(eersteGeladen, e);
            }
        }

        void schrijfWachtrij() {
            schrijfLeerlingen();
            schrijfRegistraties();
        }

        private void schrijfRegistraties() {
            if (wachtrij.isEmpty()) {
                return;
            }
            try {
                bestandslading.laad(wachtrij);
                aantalGeladen += wachtrij.size();
                if (eersteGeladen == 0) {
                    eersteGeladen = eersteRegel;
                }
            } catch (RuntimeException e) {
                throw new OpslagMislukt(eersteRegel, e);
            }
            wachtrij.clear();
        }

        private void geraakt(School school, String leerlingId) {
            geraakt.computeIfAbsent(school.code(), k -> new LinkedHashSet<>()).add(leerlingId);
            geaccepteerd++;
        }
    }

    /** Where a failure met the connector's own code (class, method, line): no input in it. */
    private static String waar(Throwable fout) {
        for (StackTraceElement plek : fout.getStackTrace()) {
            if (plek.getClassName().startsWith("nl.verzuim.connector.")) {
                return " bij " + plek.getClassName().substring("nl.verzuim.connector.".length()) + "."
                        + plek.getMethodName() + ":" + plek.getLineNumber();
            }
        }
        return "";
    }

    /** Storing a batch of registrations failed; carries the batch's first line (no input) for the report. */
    private static final class OpslagMislukt extends RuntimeException {
        private final int regel;

        OpslagMislukt(int regel, RuntimeException oorzaak) {
            super("opslaan vanaf regel " + regel + " mislukt", oorzaak);
            this.regel = regel;
        }
    }

    /** Carries a rejection out of the transaction callback, which may not throw checked exceptions. */
    private static final class Afgekeurd extends RuntimeException {
        private final transient OngeldigBestandException oorzaak;

        Afgekeurd(OngeldigBestandException oorzaak) {
            super(oorzaak.getMessage(), null, false, false);
            this.oorzaak = oorzaak;
        }
    }

    /** The intake of a file stopped unexpectedly; nothing of it was kept. The message names types only. */
    public static final class IntakeOnderbroken extends RuntimeException {
        IntakeOnderbroken(String bestand, String oorzaak) {
            super("Intake van " + bestand + " onderbroken: " + oorzaak);
        }
    }
}
