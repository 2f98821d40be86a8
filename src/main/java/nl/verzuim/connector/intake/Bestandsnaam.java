package nl.verzuim.connector.intake;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which file names the inbox takes. Camel's file component reads {@code \} in a name as a path separator, so a
 * name such as {@code a\..\..\elders\bestand.csv} would make it move and read a file outside the inbox; such a name
 * is never handed to it. A name must also leave room for the read lock's {@code .camelLock} marker and for the
 * time prefix and {@code .fout.txt} of the quarantine, within the 255 bytes file systems allow.
 */
public final class Bestandsnaam {

    /** Bytes (UTF-8) of the longest name taken. */
    public static final int MAX_BYTES = 200;

    private Bestandsnaam() {
    }

    /** Why the inbox does not take a file of this name, in words for the operator; empty when it does. */
    public static Optional<String> waaromGeweigerd(String naam) {
        if (naam.indexOf('\\') >= 0 || naam.indexOf('/') >= 0) {
            return Optional.of("de naam bevat een \\ of /; zo'n naam wordt als pad gelezen en niet aangenomen");
        }
        if (naam.contains("..")) {
            return Optional.of("de naam bevat '..'; zo'n naam wordt niet aangenomen");
        }
        if (naam.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("de naam bevat een stuurteken (zoals een regelovergang); zo'n naam wordt niet aangenomen");
        }
        int bytes = naam.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("de naam is langer dan " + MAX_BYTES + " bytes (" + bytes + "); geef het bestand een"
                    + " kortere naam");
        }
        return Optional.empty();
    }

    public static boolean veilig(String naam) {
        return waaromGeweigerd(naam).isEmpty();
    }

    /** The name as a report can show it: control characters spelled out, at most 120 characters. */
    public static String leesbaar(String naam) {
        StringBuilder tekst = new StringBuilder();
        naam.codePoints().limit(120).forEach(c -> {
            if (Character.isISOControl(c)) {
                tekst.append(String.format("\\u%04x", c));
            } else {
                tekst.appendCodePoint(c);
            }
        });
        return naam.codePointCount(0, naam.length()) > 120 ? tekst.append('…').toString() : tekst.toString();
    }
}
