package nl.verzuim.connector.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A school's settings that change what the rules decide.
 *
 * @param meld18Plus16Uur the school agreed with the gemeente to report 16-in-4 for pupils of 18 and over
 * @param signalen        the school's own signal rules (its aanwezigheidsbeleid), names unique; none: the rules
 *                        decide exactly what they decide without them
 */
public record Regelinstellingen(boolean meld18Plus16Uur, List<Signaalregel> signalen) {

    public static final Regelinstellingen STANDAARD = new Regelinstellingen(false);

    public Regelinstellingen {
        signalen = signalen == null ? List.of() : List.copyOf(signalen);
        Set<String> namen = new HashSet<>();
        for (Signaalregel regel : signalen) {
            if (!namen.add(regel.naam())) {
                throw new IllegalArgumentException("signaal " + regel.naam() + ": deze naam staat er twee keer in");
            }
        }
    }

    /** Without signal rules of the school's own. */
    public Regelinstellingen(boolean meld18Plus16Uur) {
        this(meld18Plus16Uur, List.of());
    }
}
