package nl.verzuim.connector.config;

/**
 * Describes a failure for logs and operator notes by the types in its cause chain, e.g.
 * {@code CamelExecutionException ← ConnectException}. Exception messages are left out on purpose: they may quote
 * a BSN, a name or a line of input.
 */
public final class Foutketen {

    private Foutketen() {
    }

    public static String van(Throwable fout) {
        StringBuilder tekst = new StringBuilder();
        int diepte = 0;
        for (Throwable t = fout; t != null && diepte < 8; t = t.getCause(), diepte++) {
            if (!tekst.isEmpty()) {
                tekst.append(" ← ");
            }
            tekst.append(t.getClass().getSimpleName());
            if (t.getCause() == t) {
                break;
            }
        }
        return tekst.toString();
    }
}
