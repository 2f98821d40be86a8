package nl.verzuim.connector.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.config.Opdrachtomgeving;

/**
 * {@code java -jar verzuim-connector.jar backup DIR [--instelling=waarde …]}: writes {@code DIR/db/verzuim.zip} (H2's
 * {@code BACKUP TO}: a consistent copy taken while the connector runs, through H2's auto server) and copies the inbox,
 * processed and quarantine folders and the schools file into {@code DIR}. Exit status 0 when done, 1 on a failure,
 * 2 for a PostgreSQL database (the folders are copied; the database is for {@code pg_dump}).
 */
public final class BackupCommando {

    private BackupCommando() {
    }

    public static int voerUit(String[] args, PrintStream uit, PrintStream fout) {
        List<String> instellingen = new ArrayList<>();
        Path doel = null;
        for (String a : args) {
            if (a.startsWith("--")) {
                instellingen.add(a);
            } else if (doel == null) {
                doel = Path.of(a);
            } else {
                fout.println("gebruik: java -jar verzuim-connector.jar backup MAP [--instelling=waarde ...]");
                return 1;
            }
        }
        if (doel == null) {
            fout.println("gebruik: java -jar verzuim-connector.jar backup MAP [--instelling=waarde ...]");
            return 1;
        }
        ConfigurableEnvironment omgeving = Opdrachtomgeving.van(instellingen.toArray(String[]::new));
        ConnectorInstellingen connector = Binder.get(omgeving).bindOrCreate("connector",
                Bindable.of(ConnectorInstellingen.class));
        String url = omgeving.getProperty("spring.datasource.url");
        try {
            Files.createDirectories(doel);
            int status = 0;
            if (url != null && url.startsWith("jdbc:h2:")) {
                Path zip = doel.resolve("db").resolve("verzuim.zip");
                Files.createDirectories(zip.getParent());
                Files.deleteIfExists(zip);
                try (Connection verbinding = DriverManager.getConnection(url,
                        omgeving.getProperty("spring.datasource.username"),
                        omgeving.getProperty("spring.datasource.password"));
                     PreparedStatement backup = verbinding.prepareStatement("backup to ?")) {
                    backup.setString(1, zip.toAbsolutePath().toString());
                    backup.execute();
                }
                uit.println("database: " + zip);
            } else {
                uit.println("database: geen ingebouwde H2; maak de backup met pg_dump (src/docs/operating.md, 'Backup"
                        + " and restore')");
                status = 2;
            }
            Map<String, Path> mappen = new LinkedHashMap<>();
            mappen.put("inbox", connector.inbox());
            mappen.put("processed", connector.processedDir());
            mappen.put("quarantaine", connector.quarantineDir());
            for (Map.Entry<String, Path> map : mappen.entrySet()) {
                if (map.getValue() != null && Files.isDirectory(map.getValue())) {
                    kopieer(map.getValue(), doel.resolve(map.getKey()));
                    uit.println(map.getKey() + ": " + doel.resolve(map.getKey()));
                }
            }
            if (connector.schools() != null && Files.isRegularFile(connector.schools())) {
                Files.copy(connector.schools(), doel.resolve(connector.schools().getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
                uit.println("scholenbestand: " + doel.resolve(connector.schools().getFileName()));
            }
            return status;
        } catch (SQLException | IOException | UncheckedIOException e) {
            fout.println("backup mislukt: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static void kopieer(Path van, Path naar) throws IOException {
        try (Stream<Path> alles = Files.walk(van)) {
            for (Path bron : (Iterable<Path>) alles::iterator) {
                Path doel = naar.resolve(van.relativize(bron).toString());
                if (Files.isDirectory(bron)) {
                    Files.createDirectories(doel);
                } else {
                    Files.copy(bron, doel, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
