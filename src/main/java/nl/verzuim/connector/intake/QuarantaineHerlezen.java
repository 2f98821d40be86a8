package nl.verzuim.connector.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.melding.AuditRepository;

/**
 * A person re-reads a quarantined file (after fixing the schools file, or once the pupil's dossier has come): the
 * file goes back into the inbox under its original name and the intake takes it as a new arrival.
 *
 * <p>The file is <em>copied</em> into the inbox (under a name the intake ignores, then renamed in one step) rather
 * than moved: a copy gets a new modification time, and the intake remembers files by name, size and time — a moved
 * file would look like the one already read and go to {@code processed/} unread. The quarantined copy, its report
 * and its row go once the file is in the inbox; should the file fail again, it comes back with a new report.
 */
@Component
public class QuarantaineHerlezen {

    private static final Logger LOG = LoggerFactory.getLogger(QuarantaineHerlezen.class);

    /** Why a file cannot be re-read. */
    public static class Geweigerd extends RuntimeException {
        public enum Reden { ONBEKEND, NIET_MEER_IN_QUARANTAINE, AL_IN_INBOX }

        private final Reden reden;

        Geweigerd(Reden reden, String bericht) {
            super(bericht);
            this.reden = reden;
        }

        public Reden reden() {
            return reden;
        }
    }

    private final QuarantaineRepository quarantaine;
    private final AuditRepository audit;
    private final ConnectorInstellingen instellingen;
    private final Clock klok;

    public QuarantaineHerlezen(QuarantaineRepository quarantaine, AuditRepository audit,
                               ConnectorInstellingen instellingen, Clock klok) {
        this.quarantaine = quarantaine;
        this.audit = audit;
        this.instellingen = instellingen;
        this.klok = klok;
    }

    /** Puts quarantined file {@code id} back into the inbox; returns its name there. */
    public synchronized String herlees(long id, String door) {
        QuarantaineBestand q = quarantaine.vind(id)
                .orElseThrow(() -> new Geweigerd(Geweigerd.Reden.ONBEKEND, "geen bestand " + id + " in quarantaine"));
        Path map = instellingen.quarantineDir().toAbsolutePath().normalize();
        Path bestand = Path.of(q.pad()).toAbsolutePath().normalize();
        if (!bestand.startsWith(map) || !Files.isRegularFile(bestand, LinkOption.NOFOLLOW_LINKS)) {
            throw new Geweigerd(Geweigerd.Reden.NIET_MEER_IN_QUARANTAINE,
                    "bestand " + id + " staat niet meer in de quarantainemap");
        }
        String naam = q.bestand();
        if (!Bestandsnaam.veilig(naam)) {
            // rows written before unsafe names were quarantined under a safe one: never put such a name back
            throw new Geweigerd(Geweigerd.Reden.NIET_MEER_IN_QUARANTAINE, "bestand " + id + " heeft een naam die de"
                    + " inbox niet aanneemt; zet het zelf met een andere naam in de inbox");
        }
        Path inbox = instellingen.inbox().toAbsolutePath().normalize();
        Path doel = inbox.resolve(naam);
        if (Files.exists(doel, LinkOption.NOFOLLOW_LINKS)) {
            throw new Geweigerd(Geweigerd.Reden.AL_IN_INBOX, "er staat al een bestand " + naam + " in de inbox");
        }
        Path tijdelijk = inbox.resolve("." + naam + ".herlezen");
        try {
            Files.createDirectories(inbox);
            Files.copy(bestand, tijdelijk, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tijdelijk, doel); // a rename within the inbox: the intake sees the whole file at once
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tijdelijk);
                throw new Geweigerd(Geweigerd.Reden.AL_IN_INBOX, "er staat al een bestand " + naam + " in de inbox");
            }
            Files.deleteIfExists(bestand);
            Path rapport = Path.of(q.rapportPad()).toAbsolutePath().normalize();
            if (rapport.startsWith(map)) {
                Files.deleteIfExists(rapport);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bestand " + id + " kan niet terug in de inbox", e);
        }
        quarantaine.vergeet(id);
        audit.schrijf(null, "OPNIEUW_INGELEZEN", null, "bestand " + naam + " uit quarantaine terug in de inbox", door,
                klok.instant());
        LOG.info("Quarantaine: {} terug in de inbox gezet door {}", naam, door);
        return naam;
    }
}
