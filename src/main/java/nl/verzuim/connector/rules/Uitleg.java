package nl.verzuim.connector.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** Formatting of figures in the Dutch a school administrator reads. */
public final class Uitleg {

    private Uitleg() {
    }

    /**
     * dd-MM-yyyy, the way every Dutch text of the connector writes a date (uitleg, audit, logboek, page). Written out
     * by hand: a replay of a region formats some million dates.
     */
    public static String datum(LocalDate datum) {
        int dag = datum.getDayOfMonth();
        int maand = datum.getMonthValue();
        return new StringBuilder(10).append((char) ('0' + dag / 10)).append((char) ('0' + dag % 10)).append('-')
                .append((char) ('0' + maand / 10)).append((char) ('0' + maand % 10)).append('-')
                .append(datum.getYear()).toString();
    }

    /** Hours with two decimals, rounded half up. */
    static BigDecimal uren(long minuten) {
        return BigDecimal.valueOf(minuten).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    static String urenTekst(long minuten) {
        return uren(minuten).toPlainString().replace('.', ',');
    }

    /** A percentage of a whole, rounded to a whole number. */
    static long procent(long deel, long geheel) {
        return geheel == 0 ? 0 : Math.round(100.0 * deel / geheel);
    }

    /** "a, b, c en d". */
    static String opsomming(List<String> delen) {
        if (delen.size() <= 1) {
            return String.join("", delen);
        }
        return String.join(", ", delen.subList(0, delen.size() - 1)) + " en " + delen.get(delen.size() - 1);
    }

    /** The sentence that tells the school by when a DUO melding decided on {@code beslotenOp} must be sent. */
    static String duoTermijn(LocalDate beslotenOp) {
        return " Uiterlijk melden bij DUO: " + datum(Termijnen.uitersteMelddatumDuo(beslotenOp))
                + " (" + Termijnen.DUO_MELDTERMIJN_WERKDAGEN + " werkdagen na " + datum(beslotenOp)
                + "; vakanties tellen mee, feestdagen niet).";
    }
}
