package nl.verzuim.connector.intake.csv;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the times of a profile's format from a field's bytes: {@code HH:mm} from the bytes, others by the strict
 * formatter. Returns null for anything that is not a time of day.
 */
abstract class Tijdlezer {

    abstract LocalTime lees(CsvRij rij, int veld);

    static Tijdlezer voor(String formaat, DateTimeFormatter formatter) {
        return "HH:mm".equals(formaat) ? new UurMinuut() : new Volgens(formatter);
    }

    /** Five bytes {@code HH:mm}; the same minute of the day is the same object. */
    private static final class UurMinuut extends Tijdlezer {
        private final LocalTime[] tijden = new LocalTime[24 * 60];

        @Override
        LocalTime lees(CsvRij rij, int veld) {
            int van = rij.begin[veld];
            byte[] t = rij.tekens;
            if (rij.eind[veld] - van != 5 || t[van + 2] != ':') {
                return null;
            }
            int u = CsvRij.cijfers(t, van, 2);
            int m = CsvRij.cijfers(t, van + 3, 2);
            if (u < 0 || m < 0 || u > 23 || m > 59) {
                return null;
            }
            int index = u * 60 + m;
            LocalTime tijd = tijden[index];
            if (tijd == null) {
                tijd = LocalTime.of(u, m);
                tijden[index] = tijd;
            }
            return tijd;
        }
    }

    /** Any other format: the field's text through the profile's strict formatter. */
    private static final class Volgens extends Tijdlezer {
        private final DateTimeFormatter formatter;

        Volgens(DateTimeFormatter formatter) {
            this.formatter = formatter;
        }

        @Override
        LocalTime lees(CsvRij rij, int veld) {
            return rij.volgens(veld, formatter, LocalTime::from);
        }
    }
}
