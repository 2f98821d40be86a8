package nl.verzuim.connector.intake;

import java.io.File;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * The inbox route's file filter: only names {@link Bestandsnaam} accepts reach Camel's file handling. It looks at the
 * name the file system gave ({@link File#getName()}), not at Camel's normalised one, in which {@code \} has already
 * become a separator. {@link OnveiligeNamen} moves the refused files to quarantine.
 *
 * <p>With {@code connector.intake.klaar-bestand} on, a file is taken only once the LAS has written its done file
 * beside it ({@code naam.csv.klaar}): then the LAS says when it is done, rather than the read lock guessing it from a
 * pause. {@link OnveiligeNamen} removes a done file once its export has left the inbox.
 */
@Component("inboxFilter")
public class InboxFilter implements GenericFileFilter<File> {

    /** What the LAS adds to the export's name for its done file. */
    public static final String KLAAR = ".klaar";

    private final boolean klaarBestand;

    public InboxFilter(ConnectorInstellingen instellingen) {
        // an SFTP inbox waits for the done file on the server; its downloads appear here whole (renamed into place)
        this.klaarBestand = instellingen.intake().klaarBestand() && instellingen.sftpInbox().isEmpty();
    }

    @Override
    public boolean accept(GenericFile<File> bestand) {
        File f = bestand.getFile();
        if (bestand.isDirectory() || !Bestandsnaam.veilig(f.getName())) {
            return false;
        }
        return !klaarBestand || new File(f.getParentFile(), f.getName() + KLAAR).isFile();
    }
}
