package nl.verzuim.connector.intake;

/**
 * One piece of rejected input, for a person to fix: which file, which line, which field, and why.
 * The reason never repeats a personal value (a BSN, a name, a birth date).
 *
 * @param regel null when the fault is not tied to a line (an unreadable file)
 * @param veld  null when the fault is not tied to one field
 */
public record IntakeFout(String bestand, Integer regel, String veld, String reden) {

    @Override
    public String toString() {
        StringBuilder tekst = new StringBuilder(bestand);
        if (regel != null) {
            tekst.append(" regel ").append(regel);
        }
        if (veld != null) {
            tekst.append(", veld '").append(veld).append('\'');
        }
        return tekst.append(": ").append(reden).toString();
    }
}
