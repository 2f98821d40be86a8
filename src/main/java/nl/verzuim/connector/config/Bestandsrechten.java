package nl.verzuim.connector.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Personal data on disk is for the connector's own user only: folders 0700, files 0600 on POSIX file systems,
 * set when they are created (not left to the umask) and again on files that arrive from elsewhere (an export moved
 * out of the inbox keeps the mode the LAS gave it). On other file systems (Windows) the folder's ACL decides; nothing
 * is done here.
 */
public final class Bestandsrechten {

    public static final Set<PosixFilePermission> MAP = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> BESTAND = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private Bestandsrechten() {
    }

    /** Creates the folder (and missing parents) owner-only; an existing folder is made owner-only. */
    public static Path maakMap(Path map) {
        try {
            if (!Files.isDirectory(map)) {
                if (POSIX) {
                    Files.createDirectories(map, attribuut(MAP));
                } else {
                    Files.createDirectories(map);
                }
            }
            zet(map, MAP);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("De map " + map + " kan niet gemaakt worden", e);
        }
    }

    /** Makes a file owner-only (0600); when it belongs to another user (the LAS's), that is said in the exception. */
    public static void alleenEigenaar(Path bestand) {
        try {
            zet(bestand, BESTAND);
        } catch (IOException e) {
            throw new UncheckedIOException("De rechten van " + bestand.getFileName() + " kunnen niet op 0600", e);
        }
    }

    /** Writes a new text file that is owner-only from its first byte. */
    public static void schrijf(Path bestand, CharSequence tekst) throws IOException {
        byte[] inhoud = tekst.toString().getBytes(StandardCharsets.UTF_8);
        if (POSIX) {
            Files.deleteIfExists(bestand);
            Files.write(Files.createFile(bestand, attribuut(BESTAND)), inhoud, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.write(bestand, inhoud);
        }
    }

    private static void zet(Path pad, Set<PosixFilePermission> rechten) throws IOException {
        if (POSIX && !Files.isSymbolicLink(pad)
                && !Files.getPosixFilePermissions(pad, LinkOption.NOFOLLOW_LINKS).equals(rechten)) {
            Files.setPosixFilePermissions(pad, rechten);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribuut(Set<PosixFilePermission> rechten) {
        return PosixFilePermissions.asFileAttribute(rechten);
    }
}
