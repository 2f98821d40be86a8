package nl.verzuim.connector.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * Werkdagen for the DUO deadline (domain §2): Monday to Friday, schoolvakanties included (DUO's register keeps
 * running while the school is closed), the Dutch public holidays excluded — nieuwjaarsdag, goede vrijdag, tweede
 * paasdag, koningsdag, bevrijdingsdag, hemelvaartsdag, tweede pinksterdag, eerste en tweede kerstdag. The days that
 * move with Easter are computed from it (Gregorian computus), not listed per year.
 *
 * <p>Koningsdag is 27 April, moved to Saturday 26 April when 27 April is a Sunday (the rule since 2014): a moved
 * koningsdag is a Saturday, so only a koningsdag on a weekday 27 April takes a werkdag. Bevrijdingsdag counts every
 * year, as the domain reference lists it and as the Algemene termijnenwet does ("de vijfde mei"); that many
 * employers give it off only once in five years (the lustrum) is a labour agreement, not a rule of the deadline,
 * and the seeds say nothing of it.
 */
public final class Werkdagen {

    private Werkdagen() {
    }

    /** Whether {@code dag} counts as a werkdag for a deadline: a weekday that is no public holiday. */
    public static boolean isWerkdag(LocalDate dag) {
        DayOfWeek weekdag = dag.getDayOfWeek();
        return weekdag != DayOfWeek.SATURDAY && weekdag != DayOfWeek.SUNDAY && feestdag(dag) == null;
    }

    /** The {@code n}-th werkdag strictly after {@code dag} (n ≥ 1). */
    public static LocalDate na(LocalDate dag, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n < 1");
        }
        LocalDate resultaat = dag;
        for (int geteld = 0; geteld < n; ) {
            resultaat = resultaat.plusDays(1);
            if (isWerkdag(resultaat)) {
                geteld++;
            }
        }
        return resultaat;
    }

    /** The Dutch name of the public holiday on {@code dag} (whatever the weekday), or null when it is none. */
    public static String feestdag(LocalDate dag) {
        int jaar = dag.getYear();
        switch (dag.getMonth()) {
            case JANUARY -> {
                if (dag.getDayOfMonth() == 1) {
                    return "nieuwjaarsdag";
                }
            }
            case APRIL -> {
                if (dag.equals(koningsdag(jaar))) {
                    return "koningsdag";
                }
            }
            case MAY -> {
                if (dag.getDayOfMonth() == 5) {
                    return "bevrijdingsdag";
                }
            }
            case DECEMBER -> {
                if (dag.getDayOfMonth() == 25) {
                    return "eerste kerstdag";
                }
                if (dag.getDayOfMonth() == 26) {
                    return "tweede kerstdag";
                }
            }
            default -> {
                // no fixed holiday in the other months
            }
        }
        if (dag.getMonth().compareTo(Month.MARCH) < 0 || dag.getMonth().compareTo(Month.JUNE) > 0) {
            return null;
        }
        long naPasen = dag.toEpochDay() - eerstePaasdag(jaar).toEpochDay();
        if (naPasen == -2) {
            return "goede vrijdag";
        }
        if (naPasen == 1) {
            return "tweede paasdag";
        }
        if (naPasen == 39) {
            return "hemelvaartsdag";
        }
        if (naPasen == 50) {
            return "tweede pinksterdag";
        }
        return null;
    }

    /** Koningsdag: 27 April, or 26 April when 27 April is a Sunday. */
    static LocalDate koningsdag(int jaar) {
        LocalDate zevenentwintig = LocalDate.of(jaar, Month.APRIL, 27);
        return zevenentwintig.getDayOfWeek() == DayOfWeek.SUNDAY ? zevenentwintig.minusDays(1) : zevenentwintig;
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate eerstePaasdag(int jaar) {
        int a = jaar % 19;
        int b = jaar / 100;
        int c = jaar % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int maand = (h + l - 7 * m + 114) / 31;
        int dag = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(jaar, maand, dag);
    }
}
