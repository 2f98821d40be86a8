package nl.verzuim.connector.intake;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

/**
 * Route {@code intake-sftp}'s filter: only files whose name {@link Bestandsnaam} accepts are downloaded, so that no
 * name from the server can spell a path in the local inbox. Others stay on the server (src/docs/intake.md).
 */
@Component("sftpNamenFilter")
public class SftpNamenFilter implements GenericFileFilter<Object> {

    @Override
    public boolean accept(GenericFile<Object> bestand) {
        return !bestand.isDirectory() && Bestandsnaam.veilig(bestand.getFileNameOnly());
    }
}
