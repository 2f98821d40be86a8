package nl.verzuim.connector.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes the folders that hold personal data owner-only (0700, {@link Bestandsrechten}) before anything writes in
 * them: the H2 database folder, {@code processed/} and the quarantine, and tightens what is already there (files
 * 0600) — a folder made by an older version, or under a loose umask. It runs when Spring sets up its bean
 * post-processors, before the database is opened (hence a {@link BeanPostProcessor} that processes nothing). The
 * inbox is left as it is: the LAS, often another user, must be able to write in it.
 */
@Component
public class DataMappen implements BeanPostProcessor, EnvironmentAware {

    private static final Logger LOG = LoggerFactory.getLogger(DataMappen.class);

    @Override
    public void setEnvironment(Environment omgeving) {
        h2Map(omgeving.getProperty("spring.datasource.url", "")).ifPresent(DataMappen::beschermd);
        for (String sleutel : new String[] {"connector.processed-dir", "connector.quarantine-dir"}) {
            String map = omgeving.getProperty(sleutel);
            if (map != null && !map.isBlank()) {
                beschermd(Path.of(map));
            }
        }
    }

    /** The folder of an H2 file database ({@code jdbc:h2:file:./verzuim-data/db/verzuim;…} gives its db folder). */
    static java.util.Optional<Path> h2Map(String url) {
        String voor = url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:" : url.startsWith("jdbc:h2:./") ? "jdbc:h2:" : null;
        if (voor == null) {
            return java.util.Optional.empty();
        }
        String pad = url.substring(voor.length());
        int puntkomma = pad.indexOf(';');
        Path bestand = Path.of(puntkomma < 0 ? pad : pad.substring(0, puntkomma)).toAbsolutePath();
        return java.util.Optional.ofNullable(bestand.getParent());
    }

    private static void beschermd(Path map) {
        Bestandsrechten.maakMap(map);
        try (Stream<Path> inhoud = Files.walk(map)) {
            inhoud.filter(p -> !p.equals(map) && !Files.isSymbolicLink(p)).forEach(p -> {
                try {
                    if (Files.isDirectory(p)) {
                        Bestandsrechten.maakMap(p);
                    } else {
                        Bestandsrechten.alleenEigenaar(p);
                    }
                } catch (UncheckedIOException e) {
                    // another user's file (an export the LAS still owns): said once, the start goes on
                    LOG.warn("De rechten in {} kunnen niet overal op alleen-eigenaar ({})", map,
                            Foutketen.van(e));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("De map " + map + " kan niet nagelopen worden", e);
        }
    }
}
