package nl.verzuim.connector.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Formatting of figures in the Dutch a school administrator reads. */
final class Uitleg {

    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private Uitleg() {
    }

    static String datum(LocalDate datum) {
        return datum.format(DATUM);
    }

    static BigDecimal uren(int minuten) {
        return BigDecimal.valueOf(minuten).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    static String urenTekst(int minuten) {
        return uren(minuten).toPlainString().replace('.', ',');
    }
}
