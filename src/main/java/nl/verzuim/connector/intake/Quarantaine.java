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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.persistence.Dialect;

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
    private final JdbcClient jdbc;
    private final Clock klok;

    public Quarantaine(ConnectorInstellingen instellingen, JdbcClient jdbc, Clock klok) {
        this.instellingen = instellingen;
        this.jdbc = jdbc;
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
        Path pad = map.resolve(TIJD.format(nu) + "-" + bestandsnaam);
        for (int n = 2; Files.exists(pad, LinkOption.NOFOLLOW_LINKS); n++) {
            pad = map.resolve(TIJD.format(nu) + "-" + n + "-" + bestandsnaam);
        }
        return pad;
    }

    /** Writes the report beside where the file goes, and records it for the operator. */
    public Path rapporteer(IntakeRapport rapport) {
        Path rapportPad = rapport.bestemming().resolveSibling(rapport.bestemming().getFileName() + ".fout.txt");
        StringBuilder tekst = new StringBuilder();
        tekst.append("Bestand: ").append(rapport.bestand()).append('\n');
        tekst.append("Ontvangen: ").append(ZonedDateTime.now(klok).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        tekst.append("Resultaat: ").append(rapport.samenvatting()).append('\n');
        tekst.append(rapport.heelAfgekeurd()
                ? "Het hele bestand is afgewezen; er is niets uit overgenomen. Herstel het en zet het opnieuw in de inbox.\n"
                : "De goede regels zijn overgenomen; herstel de afgewezen regels in het LAS of in het bestand en"
                + " zet het opnieuw in de inbox (al overgenomen registraties tellen niet dubbel).\n");
        tekst.append("Fouten:\n");
        for (IntakeFout fout : rapport.fouten()) {
            tekst.append("  ").append(fout).append('\n');
        }
        try {
            Files.createDirectories(rapportPad.getParent());
            Files.writeString(rapportPad, tekst, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Quarantainerapport kan niet geschreven worden in " + rapportPad.getParent(), e);
        }
        jdbc.sql("""
                insert into quarantaine (bestand, pad, rapport_pad, samenvatting, aantal_fouten, aantal_geaccepteerd, tijdstip)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(rapport.bestand(), rapport.bestemming().toString(), rapportPad.toString(),
                        rapport.samenvatting(), rapport.fouten().size(), rapport.geaccepteerd(),
                        Dialect.tijd(klok.instant()))
                .update();
        return rapportPad;
    }
}
