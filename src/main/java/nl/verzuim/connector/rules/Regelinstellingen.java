package nl.verzuim.connector.rules;

/**
 * A school's settings that change what the rules decide.
 *
 * @param meld18Plus16Uur the school agreed with the gemeente to report 16-in-4 for pupils of 18 and over
 */
public record Regelinstellingen(boolean meld18Plus16Uur) {

    public static final Regelinstellingen STANDAARD = new Regelinstellingen(false);
}
