package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * Files at rest (security review: database, processed/ and quarantaine/ were 0644 in 0755 folders): after an intake
 * every folder under processed/ and the quarantine is 0700 and every file in them 0600, whatever mode the LAS gave
 * the export.
 */
class BestandsrechtenTest extends ConnectorTestBasis {

    @Test
    void naEenIntakeZijnMappenEnBestandenAlleenVanDeEigenaar() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        leg("00YY00_goed.csv", "leerling_id;datum;code\nLN801;2026-11-16;ONG\n");
        leg("00YY00_fout.csv", "leerling_id;datum;code\nLN802;geen-datum;ONG\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(MAP.resolve("inbox/00YY00_goed.csv"))
                && !Files.exists(MAP.resolve("inbox/00YY00_fout.csv"))
                && jdbc.sql("select count(*) from quarantaine").query(Integer.class).single() == 1);
        assertThat(bestanden(MAP.resolve("processed"))).anyMatch(p -> p.toString().endsWith("00YY00_goed.csv"));
        assertThat(bestanden(MAP.resolve("quarantaine"))).anyMatch(p -> p.toString().endsWith("00YY00_fout.csv"))
                .anyMatch(p -> p.toString().endsWith("00YY00_fout.csv.fout.txt"));

        for (String map : List.of("processed", "quarantaine")) {
            try (Stream<Path> alles = Files.walk(MAP.resolve(map))) {
                for (Path pad : alles.toList()) {
                    String rechten = PosixFilePermissions.toString(Files.getPosixFilePermissions(pad));
                    assertThat(rechten).as(MAP.relativize(pad).toString())
                            .isEqualTo(Files.isDirectory(pad) ? "rwx------" : "rw-------");
                }
            }
        }
    }

    /** As a LAS writes it: readable for everyone (0644), then moved into the inbox. */
    private static void leg(String naam, String inhoud) throws Exception {
        Path tijdelijk = MAP.resolve(naam + ".schrijven");
        Files.writeString(tijdelijk, inhoud);
        Files.setPosixFilePermissions(tijdelijk, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tijdelijk, MAP.resolve("inbox").resolve(naam));
    }

    private static List<Path> bestanden(Path map) throws Exception {
        if (!Files.isDirectory(map)) {
            return List.of();
        }
        try (Stream<Path> alles = Files.walk(map)) {
            return alles.filter(Files::isRegularFile).toList();
        }
    }
}
