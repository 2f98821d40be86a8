package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * The inbox reads only what is in it (security review, finding High): a file name that spells a path — with a
 * backslash, as a Windows LAS writes it, or {@code ..} — is quarantined by its own name and never moved or read by
 * the path it spells; so is a name with control characters or longer than the file system lets us mark and move.
 */
class InboxNamenTest extends ConnectorTestBasis {

    @Autowired
    QuarantaineHerlezen herlezen;

    @Test
    void eenBackslashNaamLaatHetBestandBuitenDeInboxStaanWaarHetStond() throws Exception {
        Path buiten = MAP.resolve("buiten").resolve("geheim.csv");
        Files.createDirectories(buiten.getParent());
        String inhoud = "leerling_id;datum;code\nLN701;2026-11-16;ONG\n";
        Files.writeString(buiten, inhoud, StandardCharsets.UTF_8);
        Files.createDirectories(MAP.resolve("inbox").resolve("a"));
        String naam = "a\\..\\..\\buiten\\geheim.csv";
        leg(naam, "dit bestand heeft een naam die een pad spelt");

        Path rapport = wachtOpRapport();
        assertThat(buiten).as("het bestand buiten de inbox blijft waar het was").exists().hasContent(inhoud);
        assertThat(MAP.resolve("inbox").resolve(naam)).as("weg uit de inbox").doesNotExist();
        assertThat(jdbc.sql("select count(*) from registratie").query(Integer.class).single()).isZero();
        assertThat(Files.readString(rapport)).contains("de naam bevat een \\ of /");
        Path bewaard = Path.of(rapport.toString().replaceFirst("\\.fout\\.txt$", ""));
        assertThat(bewaard).as("de inbox-kopie staat in quarantaine, niet het bestand buiten")
                .hasContent("dit bestand heeft een naam die een pad spelt");
        assertThat(bewaard.getParent().startsWith(MAP.resolve("quarantaine"))).isTrue();
        assertThat(bewaard.getFileName().toString()).doesNotContain("\\").doesNotContain("..");

        // Re-reading from quarantine takes the quarantined copy under its safe name, never the path it spelled.
        long id = jdbc.sql("select id from quarantaine").query(Long.class).single();
        String terug = jdbc.sql("select bestand from quarantaine where id = ?").param(id).query(String.class).single();
        assertThat(terug).doesNotContain("\\").doesNotContain("/").doesNotContain("..");
        assertThat(herlezen.herlees(id, BEHEERDER)).isEqualTo(terug);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from quarantaine")
                .query(Integer.class).single() == 1 && !Files.exists(MAP.resolve("inbox").resolve(terug)));
        assertThat(buiten).as("ook na opnieuw inlezen onaangeroerd").exists().hasContent(inhoud);
        assertThat(jdbc.sql("select count(*) from registratie").query(Integer.class).single()).isZero();
    }

    @Test
    void eenTeLangeNaamEnEenNaamMetStuurtekensGaanNaarQuarantaineMetEenRapport() throws Exception {
        String lang = "00YY00_" + "x".repeat(240) + ".csv"; // 251 bytes: no room for ".camelLock" beside it
        leg(lang, "leerling_id;datum;code\n");
        wachtOpRapport();
        assertThat(MAP.resolve("inbox").resolve(lang)).doesNotExist();
        assertThat(Files.readString(rapporten().get(0))).contains("de naam is langer dan");

        String stuur = "00YY00_verzuim\n.csv";
        leg(stuur, "leerling_id;datum;code\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(MAP.resolve("inbox").resolve(stuur),
                LinkOption.NOFOLLOW_LINKS));
        await().atMost(Duration.ofSeconds(5)).until(() -> rapporten().size() == 2);
        assertThat(Files.readString(rapporten().get(1))).contains("stuurteken");
    }

    /** Written beside the inbox under a short name, then renamed into it whole, as an export does. */
    private static void leg(String naam, String inhoud) throws Exception {
        Path tijdelijk = MAP.resolve("schrijven-" + UUID.randomUUID());
        Files.writeString(tijdelijk, inhoud, StandardCharsets.UTF_8);
        Files.move(tijdelijk, MAP.resolve("inbox").resolve(naam));
    }

    /** The report of this test's one quarantined file (the quarantine table is emptied before each test). */
    private Path wachtOpRapport() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !rapporten().isEmpty());
        return rapporten().get(0);
    }

    private List<Path> rapporten() {
        return jdbc.sql("select rapport_pad from quarantaine order by id").query(String.class).list().stream()
                .map(Path::of).toList();
    }
}
