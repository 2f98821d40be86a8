package nl.verzuim.connector.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * What became of one file: how much was taken, what was rejected and why, what was read other than the profile
 * says (warnings: the file is still taken), and where the file goes next ({@code processed/} when clean, the
 * quarantine folder otherwise).
 */
public record IntakeRapport(String bestand, String soort, int geaccepteerd, List<IntakeFout> fouten,
                            boolean heelAfgekeurd, Path bestemming, List<IntakeFout> waarschuwingen) {

    public IntakeRapport {
        fouten = List.copyOf(fouten);
        waarschuwingen = List.copyOf(waarschuwingen);
    }

    public IntakeRapport(String bestand, String soort, int geaccepteerd, List<IntakeFout> fouten,
                         boolean heelAfgekeurd, Path bestemming) {
        this(bestand, soort, geaccepteerd, fouten, heelAfgekeurd, bestemming, List.of());
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
        String let = waarschuwingen.isEmpty() ? "" : ", " + waarschuwingen.size() + " waarschuwing(en)";
        if (fouten.isEmpty()) {
            return bestand + ": " + geaccepteerd + " " + eenheid() + " verwerkt" + let
                    + (let.isEmpty() ? "" : " (zie rapport)");
        }
        return bestand + ": " + geaccepteerd + " " + eenheid() + " verwerkt, " + fouten.size()
                + " afgewezen" + let + " (zie rapport)";
    }

    private String eenheid() {
        return "CSV".equals(soort) ? "regels" : "leerlingen";
    }
}
