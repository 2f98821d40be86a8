package nl.verzuim.connector.rules;

/**
 * The soort of a signal of the school's own policy ({@link Signaalregel}): its {@link #name()} is the rule's name,
 * which {@code beoordeel} prints as {@code soort} with kanaal {@code SIGNAAL} — beside the two national ZAS signals
 * of {@link Signaal}, which stay an enum; a rule's name can never be one of theirs.
 *
 * @param naam the rule's name
 * @param stap what was reached: the step ("3", "600"), or for a weekdagpatroon the weekday ("maandag")
 */
public record Schoolsignaal(String naam, String stap) implements Soort {

    @Override
    public Kanaal kanaal() {
        return Kanaal.SIGNAAL;
    }

    @Override
    public String name() {
        return naam;
    }
}
