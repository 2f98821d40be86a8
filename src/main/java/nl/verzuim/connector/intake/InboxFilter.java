package nl.verzuim.connector.intake;

import java.io.File;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

/**
 * The inbox route's file filter: only names {@link Bestandsnaam} accepts reach Camel's file handling. It looks at the
 * name the file system gave ({@link File#getName()}), not at Camel's normalised one, in which {@code \} has already
 * become a separator. {@link OnveiligeNamen} moves the refused files to quarantine.
 */
@Component("inboxFilter")
public class InboxFilter implements GenericFileFilter<File> {

    @Override
    public boolean accept(GenericFile<File> bestand) {
        return !bestand.isDirectory() && Bestandsnaam.veilig(bestand.getFile().getName());
    }
}
