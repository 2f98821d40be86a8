package nl.verzuim.connector.controleer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example production settings, {@code src/docs/voorbeeld/application.yml} (src/docs/operating.md, "As a
 * service"), are complete: {@code controleer} accepts them apart from the hosts, which do not exist here (database,
 * DUO, OT, SMTP). What belongs to the machine — the secrets from the environment, the schools file, the folders, the
 * PKIoverheid keystore — is given as the service would give it.
 */
class VoorbeeldInstellingenTest {

    @Test
    void controleerAanvaardtHetVoorbeeldBehalveDeOnbereikbareHosts(@TempDir Path map) throws Exception {
        Path scholen = map.resolve("scholen.yaml");
        try (InputStream in = getClass().getResourceAsStream("/scholen-test.yaml")) {
            Files.writeString(scholen, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(
                    "      - {naam: kerstvakantie, van: 2026-12-19, tot: 2027-01-03}\n",
                    "      - {naam: kerstvakantie, van: 2026-12-19, tot: 2027-01-03}\n"
                            + "      - {naam: zomervakantie, van: 2027-07-10, tot: 2027-08-22}\n"));
        }
        Path keystore = map.resolve("pkioverheid-school.p12");
        ControleerCommandoTest.keytool("-genkeypair", "-alias", "school", "-keyalg", "RSA", "-keysize", "2048",
                "-startdate", "2026/11/01 00:00:00", "-validity", "365", "-dname", "CN=school.example",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "geheim-ks",
                "-keypass", "geheim-ks");
        String[] args = {
                "--spring.config.additional-location=file:src/docs/voorbeeld/",
                // the environment of the service (EnvironmentFile / <env>)
                "--connector.ot.client-secret=uit-de-omgeving", "--connector.ot.webhook-secret=9c4e1f7a2b8d0e3f6a5c1b9d7e2f4a8c",
                "--connector.duo.tls.keystore-wachtwoord=geheim-ks", "--spring.datasource.password=uit-de-omgeving",
                // what lies on this machine
                "--connector.schools=" + scholen, "--connector.inbox=" + map.resolve("inbox"),
                "--connector.processed-dir=" + map.resolve("processed"),
                "--connector.quarantine-dir=" + map.resolve("quarantaine"),
                "--connector.duo.tls.keystore=" + keystore,
                // hosts that do not answer are given up soon
                "--connector.duo.connect-timeout=2s", "--connector.ot.connect-timeout=2s"};
        List<ControleerCommando.Punt> punten = ControleerCommando.controleer(ControleerCommando.omgeving(args),
                ControleerCommandoTest.KLOK);
        Map<String, Boolean> goed = punten.stream().collect(Collectors.toMap(ControleerCommando.Punt::onderdeel,
                ControleerCommando.Punt::goed));
        assertThat(goed).as(punten.toString()).containsEntry("instellingen", true).containsEntry("mappen", true)
                .containsEntry("scholenbestand", true).containsEntry("DUO-certificaat", true)
                .containsEntry("database", false).containsEntry("DUO", false).containsEntry("OT", false)
                .containsEntry("SMTP", false);
    }
}
