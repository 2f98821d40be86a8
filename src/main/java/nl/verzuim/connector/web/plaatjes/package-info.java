/**
 * The page's pictures as server-rendered SVG (no script): plain-Java builders that know nothing of Spring, take plain
 * data and give a {@link nl.verzuim.connector.web.plaatjes.Plaatje} — the SVG with its {@code <title>}/{@code <desc>},
 * and a text equivalent (a sentence and a table) for a screen reader and for print. Patterns and labels carry the
 * meaning, never colour alone. {@code web.Plaatjes} gathers the data and calls them.
 */
package nl.verzuim.connector.web.plaatjes;
