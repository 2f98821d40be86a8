package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.Month;

/**
 * The school year: 1 August up to and including 31 July of the next calendar year. That is the law's definition
 * ("schooljaar: het tijdvak dat aanvangt op 1 augustus en eindigt op 31 juli", Leerplichtwet 1969 art. 1 and the
 * onderwijswetten), not a school's first or last lesson day: a school that starts on 18 August, or one that still
 * teaches on 3 August, is in the new school year from 1 August. The one place the boundary is stated: the end of the
 * volledige leerplicht ({@link Leerplicht#eindeVolledigeLeerplicht}) and a school's signal rules with a school-year
 * window ({@link Signaalregel.Venster#schooljaar()}) both use it.
 */
public final class Schooljaar {

    private static final Month EERSTE_MAAND = Month.AUGUST;

    private Schooljaar() {
    }

    /** 1 August of the school year that holds {@code dag}. */
    public static LocalDate begin(LocalDate dag) {
        int jaar = dag.getMonthValue() >= EERSTE_MAAND.getValue() ? dag.getYear() : dag.getYear() - 1;
        return LocalDate.of(jaar, EERSTE_MAAND, 1);
    }

    /** 31 July that ends the school year holding {@code dag}. */
    public static LocalDate einde(LocalDate dag) {
        return begin(dag).plusYears(1).minusDays(1);
    }

    /** The school year as a school names it: "2026-2027". */
    public static String naam(LocalDate dag) {
        int jaar = begin(dag).getYear();
        return jaar + "-" + (jaar + 1);
    }
}
