package nl.verzuim.connector.config;

import java.util.List;

/**
 * The start cannot work: these settings are missing or wrong. {@link InstellingenFoutanalyse} turns it into one Dutch
 * message without a stack trace. The texts name settings and what to do, never a value (it may be a secret).
 */
public class OngeldigeInstellingen extends RuntimeException {

    /** @param instelling the setting's name, e.g. {@code connector.duo.endpoint}; @param wat what is wrong and what to do */
    public record Probleem(String instelling, String wat) {
    }

    private final List<Probleem> problemen;

    public OngeldigeInstellingen(List<Probleem> problemen) {
        super("connector.sandbox=false, maar deze instellingen ontbreken of kloppen niet: "
                + String.join(", ", problemen.stream().map(Probleem::instelling).toList())
                + " (zie src/docs/operating.md, 'Settings')", null, false, false);
        this.problemen = List.copyOf(problemen);
    }

    public List<Probleem> problemen() {
        return problemen;
    }
}
