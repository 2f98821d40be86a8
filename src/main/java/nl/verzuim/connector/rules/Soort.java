package nl.verzuim.connector.rules;

/** The kind of a decision; its name is the value the receiving system uses. */
public sealed interface Soort permits Verzuimsoort, Categorie, Signaal {

    Kanaal kanaal();

    String name();
}
