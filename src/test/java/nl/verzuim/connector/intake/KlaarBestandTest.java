package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * The done-file convention (src/docs/intake.md, "Complete files only"): with connector.intake.klaar-bestand on, an
 * export is taken only once naam.csv.klaar lies beside it, and the done file goes once the export has left.
 */
class KlaarBestandTest {

    @TempDir
    Path inbox;

    @Test
    void eenExportWordtPasGenomenAlsZijnKlaarBestandErIs() throws Exception {
        InboxFilter filter = new InboxFilter(instellingen(true));
        Path export = Files.writeString(inbox.resolve("00YY00_verzuim.csv"), "leerling_id;datum;code\n");
        assertThat(filter.accept(bestand(export))).as("nog geen klaar-bestand").isFalse();

        Files.createFile(inbox.resolve("00YY00_verzuim.csv.klaar"));
        assertThat(filter.accept(bestand(export))).as("klaar-bestand geschreven").isTrue();
    }

    @Test
    void zonderDeInstellingWordtNietOpEenKlaarBestandGewacht() throws Exception {
        Path export = Files.writeString(inbox.resolve("00YY00_verzuim.csv"), "leerling_id;datum;code\n");
        assertThat(new InboxFilter(instellingen(false)).accept(bestand(export))).isTrue();
    }

    @Test
    void hetKlaarBestandVerdwijntAlsDeExportDeInboxUitIs() throws Exception {
        OnveiligeNamen opruimer = new OnveiligeNamen(instellingen(true), null);
        Path export = Files.writeString(inbox.resolve("00YY00_verzuim.csv"), "x\n");
        Path klaar = Files.createFile(inbox.resolve("00YY00_verzuim.csv.klaar"));
        opruimer.naarQuarantaine();
        assertThat(klaar).as("de export ligt er nog").exists();

        Files.delete(export);
        opruimer.naarQuarantaine();
        assertThat(klaar).doesNotExist();
    }

    private ConnectorInstellingen instellingen(boolean klaarBestand) {
        return new ConnectorInstellingen(false, inbox.toString(), null, null, null, null, "Europe/Amsterdam", null, null,
                new ConnectorInstellingen.Intake(null, null, null, 3, klaarBestand, null, false, null, 0), null, null, null, null);
    }

    private static GenericFile<File> bestand(Path pad) {
        GenericFile<File> bestand = new GenericFile<>();
        bestand.setFile(pad.toFile());
        bestand.setFileName(pad.getFileName().toString());
        bestand.setAbsoluteFilePath(pad.toString());
        return bestand;
    }
}
