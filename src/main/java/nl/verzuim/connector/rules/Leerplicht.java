package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.Period;

/** Leerplicht and age (domain §3 "Who is subject to it"). */
public final class Leerplicht {

    private Leerplicht() {
    }

    /** Age in whole years on a day. */
    public static int leeftijdOp(LocalDate geboortedatum, LocalDate dag) {
        return Period.between(geboortedatum, dag).getYears();
    }

    /**
     * The first day DUO rules look at: the first school day of the month after the 5th birthday.
     * Registrations before it are ignored by the DUO rules.
     */
    public static LocalDate leerplichtigVanaf(LocalDate geboortedatum, Schoolkalender kalender) {
        LocalDate eersteVanVolgendeMaand = geboortedatum.plusYears(5).withDayOfMonth(1).plusMonths(1);
        LocalDate schooldag = kalender.eersteSchooldagVanaf(eersteVanVolgendeMaand);
        return schooldag != null ? schooldag : eersteVanVolgendeMaand;
    }
}
