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
     * The day a pupil turns {@code jaren}: the first day on which {@link #leeftijdOp} says so. For a pupil born on
     * 29 February that is 1 March in a year without one, so that every age test of the rules agrees.
     */
    public static LocalDate verjaardag(LocalDate geboortedatum, int jaren) {
        LocalDate dag = geboortedatum.plusYears(jaren);
        return leeftijdOp(geboortedatum, dag) < jaren ? dag.plusDays(1) : dag;
    }

    /**
     * The first day DUO rules look at: the first school day of the month after the 5th birthday.
     * Registrations before it are ignored by the DUO rules.
     */
    public static LocalDate leerplichtigVanaf(LocalDate geboortedatum, Schoolkalender kalender) {
        LocalDate eersteVanVolgendeMaand = verjaardag(geboortedatum, 5).withDayOfMonth(1).plusMonths(1);
        LocalDate schooldag = kalender.eersteSchooldagVanaf(eersteVanVolgendeMaand);
        return schooldag != null ? schooldag : eersteVanVolgendeMaand;
    }

    /**
     * The last day of the volledige leerplicht: 31 July of the school year (1 August – 31 July) in which the pupil
     * turns 16. After it only the kwalificatieplicht holds, which a startkwalificatie ends.
     */
    public static LocalDate eindeVolledigeLeerplicht(LocalDate geboortedatum) {
        return Schooljaar.einde(verjaardag(geboortedatum, 16));
    }
}
