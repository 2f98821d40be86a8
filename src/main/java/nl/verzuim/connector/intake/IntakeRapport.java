package nl.verzuim.connector.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * What became of one file: how much was taken, what was rejected and why, and where the file goes next
 * ({@code processed/} when clean, the quarantine folder otherwise).
 */
public record IntakeRapport(String bestand, String soort, int geaccepteerd, List<IntakeFout> fouten,
                            boolean heelAfgekeurd, Path bestemming) {

    public IntakeRapport {
        fouten = List.copyOf(fouten);
    }

    /** The destination as text, for the file endpoint's move expression. */
    public String bestemmingPad() {
        return bestemming.toString();
    }

    public boolean naarQuarantaine() {
        return heelAfgekeurd || !fouten.isEmpty();
    }

    /** One line for logs and the operator: counts and the file name only, never personal data. */
    public String samenvatting() {
        if (heelAfgekeurd) {
            return bestand + ": afgekeurd — " + (fouten.isEmpty() ? "onbekende reden" : fouten.get(0).reden());
        }
        if (fouten.isEmpty()) {
            return bestand + ": " + geaccepteerd + " " + eenheid() + " verwerkt";
        }
        return bestand + ": " + geaccepteerd + " " + eenheid() + " verwerkt, " + fouten.size()
                + " afgewezen (zie rapport)";
    }

    private String eenheid() {
        return "CSV".equals(soort) ? "regels" : "leerlingen";
    }
}
