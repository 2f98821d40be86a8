package nl.verzuim.connector.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar verzuim-connector.jar wachtwoord-hash}: reads a password from standard input (so that it stays
 * out of the shell history and the process list) and prints its bcrypt hash (cost 10) for
 * {@code connector.beheer.accounts[n].hash}. Starts nothing else.
 */
public final class WachtwoordHash {

    private WachtwoordHash() {
    }

    public static int voerUit(InputStream in, PrintStream out, PrintStream err) {
        try {
            if (System.console() != null) {
                char[] getypt = System.console().readPassword("Wachtwoord: ");
                return druk(getypt == null ? null : new String(getypt), out, err);
            }
            String regel = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return druk(regel, out, err);
        } catch (IOException e) {
            err.println("fout: standaardinvoer kan niet gelezen worden");
            return 1;
        }
    }

    private static int druk(String wachtwoord, PrintStream out, PrintStream err) {
        if (wachtwoord == null || wachtwoord.isEmpty()) {
            err.println("fout: geen wachtwoord gegeven (typ het, of: echo 'wachtwoord' | java -jar verzuim-connector.jar wachtwoord-hash)");
            return 1;
        }
        if (wachtwoord.getBytes(StandardCharsets.UTF_8).length > 72) {
            err.println("fout: bcrypt gebruikt hoogstens 72 bytes van een wachtwoord; kies een korter");
            return 1;
        }
        out.println(new BCryptPasswordEncoder(10).encode(wachtwoord));
        return 0;
    }
}
