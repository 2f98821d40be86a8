package nl.verzuim.connector.intake.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Reads the dates of a profile's format from a field's bytes. The two layouts seen most ({@code yyyy-MM-dd},
 * {@code dd-MM-yyyy}) are read from the bytes; every other format goes through the strict formatter. Returns null
 * for anything that is not a real date (30-02-2026 included). One per file: it remembers the previous line's date.
 */
abstract class Datumlezer {

    abstract LocalDate lees(CsvRij rij, int veld);

    static Datumlezer voor(String formaat, DateTimeFormatter formatter) {
        return switch (formaat) {
            case "yyyy-MM-dd", "uuuu-MM-dd" -> new Vast(0, 5, 8, 4, 7);
            case "dd-MM-yyyy", "dd-MM-uuuu" -> new Vast(6, 3, 0, 2, 5);
            default -> new Volgens(formatter);
        };
    }

    /** Ten bytes with the year, month and day at fixed places and dashes between them. */
    private static final class Vast extends Datumlezer {
        private final int jaar;
        private final int maand;
        private final int dag;
        private final int streep1;
        private final int streep2;
        /** The same day is the same object: one per day of 2000–2099 at most, made when first met. */
        private LocalDate[] datums;
        /** The previous line's date and its ten bytes (as read by {@link CsvRij#ACHT_BYTES} and {@link CsvRij#TWEE_BYTES}). */
        private LocalDate vorigeDatum;
        private long vorigeDatumAcht;
        private short vorigeDatumTwee;

        Vast(int jaar, int maand, int dag, int streep1, int streep2) {
            this.jaar = jaar;
            this.maand = maand;
            this.dag = dag;
            this.streep1 = streep1;
            this.streep2 = streep2;
        }

        @Override
        LocalDate lees(CsvRij rij, int veld) {
            int van = rij.begin[veld];
            byte[] t = rij.tekens;
            if (rij.eind[veld] - van != 10) {
                return null;
            }
            // a LAS exports day by day: mostly the same ten bytes as on the previous line
            long acht = (long) CsvRij.ACHT_BYTES.get(t, van);
            short twee = (short) CsvRij.TWEE_BYTES.get(t, van + 8);
            if (acht == vorigeDatumAcht && twee == vorigeDatumTwee && vorigeDatum != null) {
                return vorigeDatum;
            }
            if (t[van + streep1] != '-' || t[van + streep2] != '-') {
                return null;
            }
            int j = CsvRij.cijfers(t, van + jaar, 4);
            int m = CsvRij.cijfers(t, van + maand, 2);
            int d = CsvRij.cijfers(t, van + dag, 2);
            LocalDate datum = j < 0 || m < 0 || d < 0 ? null : datum(j, m, d);
            if (datum != null) {
                vorigeDatum = datum;
                vorigeDatumAcht = acht;
                vorigeDatumTwee = twee;
            }
            return datum;
        }

        private LocalDate datum(int j, int m, int d) {
            if (j < 2000 || j > 2099 || m < 1 || m > 12 || d < 1 || d > 31) {
                try {
                    return LocalDate.of(j, m, d);
                } catch (DateTimeException e) {
                    return null;
                }
            }
            int index = (j - 2000) * 372 + (m - 1) * 31 + d - 1;
            if (datums == null) {
                datums = new LocalDate[100 * 372];
            }
            LocalDate datum = datums[index];
            if (datum == null) {
                try {
                    datum = LocalDate.of(j, m, d);
                } catch (DateTimeException e) {
                    return null;
                }
                datums[index] = datum;
            }
            return datum;
        }
    }

    /** Any other format: the field's text through the profile's strict formatter. */
    private static final class Volgens extends Datumlezer {
        private final DateTimeFormatter formatter;

        Volgens(DateTimeFormatter formatter) {
            this.formatter = formatter;
        }

        @Override
        LocalDate lees(CsvRij rij, int veld) {
            return rij.volgens(veld, formatter, LocalDate::from);
        }
    }
}
