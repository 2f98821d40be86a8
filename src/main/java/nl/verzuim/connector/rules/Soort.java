package nl.verzuim.connector.rules;

/**
 * The kind of a decision; its name is the value the receiving system uses. The national kinds are enums; a signal
 * of the school's own policy is a {@link Schoolsignaal} named after its rule.
 */
public sealed interface Soort permits Verzuimsoort, Categorie, Signaal, Schoolsignaal {

    Kanaal kanaal();

    String name();
}
