package nl.verzuim.connector.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * Moves files whose name the inbox does not take ({@link Bestandsnaam}) to the quarantine, by the entry the
 * directory listing gave — never by a path the name spells — under a safe name, with a report that shows the
 * original name and why. The intake route never sees them ({@link InboxFilter}); without this they would lie in the
 * inbox unseen. Hidden files (a name starting with a dot) are left alone, as the intake leaves them. It also removes
 * the done files ({@link InboxFilter#KLAAR}) of exports that have left the inbox.
 */
@Component
public class OnveiligeNamen {

    private static final Logger LOG = LoggerFactory.getLogger(OnveiligeNamen.class);

    private final ConnectorInstellingen instellingen;
    private final Quarantaine quarantaine;

    public OnveiligeNamen(ConnectorInstellingen instellingen, Quarantaine quarantaine) {
        this.instellingen = instellingen;
        this.quarantaine = quarantaine;
    }

    /** Called by route inbox-namen on the intake's poll interval; returns how many files it moved. */
    public int naarQuarantaine() throws IOException {
        Path inbox = instellingen.inbox();
        if (!Files.isDirectory(inbox)) {
            return 0;
        }
        int verplaatst = 0;
        try (DirectoryStream<Path> inhoud = Files.newDirectoryStream(inbox)) {
            for (Path bestand : inhoud) {
                String naam = bestand.getFileName().toString();
                if (naam.endsWith(InboxFilter.KLAAR) && verweesdKlaarBestand(bestand, naam)) {
                    continue;
                }
                Optional<String> reden = Bestandsnaam.waaromGeweigerd(naam);
                if (reden.isPresent() && !naam.startsWith(".")
                        && !Files.isDirectory(bestand, LinkOption.NOFOLLOW_LINKS)) {
                    verplaats(bestand, naam, reden.get());
                    verplaatst++;
                }
            }
        }
        return verplaatst;
    }

    /**
     * A done file whose export has left the inbox (read, or quarantined) has served; it is removed, so that the next
     * export of the same name waits for its own.
     */
    private static boolean verweesdKlaarBestand(Path klaar, String naam) throws IOException {
        Path export = klaar.resolveSibling(naam.substring(0, naam.length() - InboxFilter.KLAAR.length()));
        if (Files.exists(export, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Files.deleteIfExists(klaar);
        return true;
    }

    private void verplaats(Path bestand, String naam, String reden) throws IOException {
        String veilig = veiligeNaam(naam);
        Path bestemming = quarantaine.bestemming(veilig, true);
        Files.createDirectories(bestemming.getParent());
        Files.move(bestand, bestemming, LinkOption.NOFOLLOW_LINKS);
        IntakeService.beschermd(bestemming);
        quarantaine.rapporteer(new IntakeRapport(veilig, "?", 0, List.of(new IntakeFout(veilig, null, null,
                "bestand met de naam '" + Bestandsnaam.leesbaar(naam) + "': " + reden)), true, bestemming));
        LOG.warn("Inbox: een bestand met een naam die niet aangenomen wordt staat nu als {} in quarantaine", veilig);
    }

    /** A name derived from the original that is always safe; the extension is kept when the intake knows it. */
    static String veiligeNaam(String naam) {
        String klein = naam.toLowerCase(Locale.ROOT);
        String extensie = klein.endsWith(".csv") ? ".csv" : klein.endsWith(".xml") ? ".xml" : "";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(naam.getBytes(StandardCharsets.UTF_8));
            return "onveilige-naam-" + HexFormat.of().formatHex(hash, 0, 4) + extensie;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 ontbreekt in deze Java", e);
        }
    }
}
