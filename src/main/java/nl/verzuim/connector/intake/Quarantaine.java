package nl.verzuim.connector.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.Bestandsrechten;
import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * Where files go after intake: {@code processed/} when clean, the quarantine folder when anything was rejected,
 * with a report beside the file (file, line, field, reason) that a person can act on, and a row the operator view
 * lists.
 */
@Component
public class Quarantaine {

    private static final DateTimeFormatter DAG = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("HHmmss");

    private final ConnectorInstellingen instellingen;
    private final QuarantaineRepository opgeslagen;
    private final Clock klok;

    public Quarantaine(ConnectorInstellingen instellingen, QuarantaineRepository opgeslagen, Clock klok) {
        this.instellingen = instellingen;
        this.opgeslagen = opgeslagen;
        this.klok = klok;
    }

    /**
     * The path the file will be moved to: dated, and prefixed with the time so that a daily export never collides;
     * should a file of that name already be there (the same name twice in one second), a number is added, so that
     * a move never overwrites an earlier file.
     */
    public Path bestemming(String bestandsnaam, boolean naarQuarantaine) {
        if (!Bestandsnaam.veilig(bestandsnaam)) {
            // never a path a file name spells: the inbox takes no such name (InboxFilter), so this is a bug
            throw new IllegalArgumentException("geen veilige bestandsnaam voor de map " + (naarQuarantaine
                    ? "quarantaine" : "processed"));
        }
        ZonedDateTime nu = ZonedDateTime.now(klok);
        Path map = (naarQuarantaine ? instellingen.quarantineDir() : instellingen.processedDir())
                .resolve(DAG.format(nu)).toAbsolutePath().normalize();
        Bestandsrechten.maakMap(map); // owner-only before the file is moved in (the file: IntakeService)
        Path pad = map.resolve(TIJD.format(nu) + "-" + bestandsnaam);
        for (int n = 2; Files.exists(pad, LinkOption.NOFOLLOW_LINKS); n++) {
            pad = map.resolve(TIJD.format(nu) + "-" + n + "-" + bestandsnaam);
        }
        return pad;
    }

    /**
     * Writes the report beside where the file goes, and records it for the operator when the file goes to
     * quarantine; a file taken whole with warnings only gets its report beside it in the processed folder.
     */
    public Path rapporteer(IntakeRapport rapport) {
        Path rapportPad = rapport.bestemming().resolveSibling(rapport.bestemming().getFileName()
                + (rapport.naarQuarantaine() ? ".fout.txt" : ".rapport.txt"));
        StringBuilder tekst = new StringBuilder();
        tekst.append("Bestand: ").append(rapport.bestand()).append('\n');
        tekst.append("Ontvangen: ").append(ZonedDateTime.now(klok).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        tekst.append("Resultaat: ").append(rapport.samenvatting()).append('\n');
        tekst.append(rapport.heelAfgekeurd()
                ? "Het hele bestand is afgewezen; er is niets uit overgenomen. Herstel het en zet het opnieuw in de inbox.\n"
                : !rapport.naarQuarantaine() ? "Het hele bestand is overgenomen; lees de waarschuwingen.\n"
                : "De goede regels zijn overgenomen; herstel de afgewezen regels in het LAS of in het bestand en"
                + " zet het opnieuw in de inbox (al overgenomen registraties tellen niet dubbel).\n");
        if (!rapport.fouten().isEmpty()) {
            tekst.append("Fouten:\n");
            for (IntakeFout fout : rapport.fouten()) {
                tekst.append("  ").append(fout).append('\n');
            }
        }
        if (!rapport.waarschuwingen().isEmpty()) {
            tekst.append("Waarschuwingen:\n");
            for (IntakeFout waarschuwing : rapport.waarschuwingen()) {
                tekst.append("  ").append(waarschuwing).append('\n');
            }
        }
        try {
            Bestandsrechten.maakMap(rapportPad.getParent());
            Bestandsrechten.schrijf(rapportPad, tekst);
        } catch (IOException e) {
            throw new UncheckedIOException("Quarantainerapport kan niet geschreven worden in " + rapportPad.getParent(), e);
        }
        if (rapport.naarQuarantaine()) {
            opgeslagen.bewaar(rapport, rapportPad, klok.instant());
        }
        return rapportPad;
    }

    /** The report beside a quarantined file, as the operator reads it; at most 1 MB of it, null when it is gone. */
    public static String rapport(QuarantaineBestand q) {
        Path pad = Path.of(q.rapportPad());
        try {
            if (!Files.isRegularFile(pad)) {
                return null;
            }
            byte[] inhoud;
            try (var invoer = Files.newInputStream(pad)) {
                inhoud = invoer.readNBytes(1 << 20);
            }
            return new String(inhoud, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
