package nl.verzuim.connector;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

import nl.verzuim.connector.backup.BackupCommando;
import nl.verzuim.connector.beoordeel.BeoordeelCommando;
import nl.verzuim.connector.controleer.ControleerCommando;
import nl.verzuim.connector.web.WachtwoordHash;

/**
 * {@code java -jar verzuim-connector.jar} runs the connector (the sandbox when nothing is set);
 * {@code java -jar verzuim-connector.jar beoordeel …} judges files without starting anything;
 * {@code java -jar verzuim-connector.jar controleer} checks the settings and reaches each part without sending;
 * {@code java -jar verzuim-connector.jar backup DIR} copies the embedded database and the data folders;
 * {@code java -jar verzuim-connector.jar wachtwoord-hash} prints the bcrypt hash of a password for an account.
 *
 * <p>Each package below this one is a module (feature) with the dependencies its {@code package-info.java} allows;
 * {@code config} (settings, clock) and {@code persistence} (the SQL dialect) are shared by all. The architecture
 * tests verify it and draw the picture ({@code src/docs/modules.md}).
 */
@SpringBootApplication
@Modulithic(sharedModules = {"config", "persistence"})
public class VerzuimConnectorApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "beoordeel".equals(args[0])) {
            System.exit(BeoordeelCommando.voerUit(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "controleer".equals(args[0])) {
            System.exit(ControleerCommando.voerUit(Arrays.copyOfRange(args, 1, args.length), System.out,
                    Clock.systemDefaultZone()));
        }
        if (args.length > 0 && "backup".equals(args[0])) {
            System.exit(BackupCommando.voerUit(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "wachtwoord-hash".equals(args[0])) {
            System.exit(WachtwoordHash.voerUit(System.in, System.out, System.err));
        }
        SpringApplication.run(VerzuimConnectorApplication.class, args);
    }
}
