package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.Month;

/**
 * Who gets which DUO melding, by age on the melding's begindatum (domain §3): none before leerplicht starts;
 * under 18 → 16-uur, luxe and LRV; 18 up to 23 → RMC, and 16-uur only when the school agreed so with the
 * gemeente; 23 or older → none. A pupil with a startkwalificatie is only subject to the volledige leerplicht,
 * which ends with the school year in which the pupil turns 16.
 */
final class Leeftijdstoets {

    private final Leerling leerling;
    private final Regelinstellingen instellingen;
    private final LocalDate leerplichtigVanaf;

    Leeftijdstoets(Leerling leerling, Schoolkalender kalender, Regelinstellingen instellingen) {
        this.leerling = leerling;
        this.instellingen = instellingen;
        this.leerplichtigVanaf = Leerplicht.leerplichtigVanaf(leerling.geboortedatum(), kalender);
    }

    LocalDate leerplichtigVanaf() {
        return leerplichtigVanaf;
    }

    int leeftijd(LocalDate dag) {
        return Leerplicht.leeftijdOp(leerling.geboortedatum(), dag);
    }

    private boolean zonderStartkwalificatieOfVolledigLeerplichtig(LocalDate dag) {
        return !leerling.startkwalificatie() || !dag.isAfter(eindeVolledigeLeerplicht());
    }

    /** 31 July of the school year in which the pupil turns 16. */
    LocalDate eindeVolledigeLeerplicht() {
        LocalDate zestien = leerling.geboortedatum().plusYears(16);
        int jaar = zestien.getMonthValue() >= Month.AUGUST.getValue() ? zestien.getYear() + 1 : zestien.getYear();
        return LocalDate.of(jaar, Month.JULY, 31);
    }

    boolean leerplichtOnder18(LocalDate begindatum) {
        return !begindatum.isBefore(leerplichtigVanaf) && leeftijd(begindatum) < 18
                && zonderStartkwalificatieOfVolledigLeerplichtig(begindatum);
    }

    /** The reason a 16-uur melding may be made, or null when the age rules forbid it. */
    String zestienUurToegestaan(LocalDate begindatum) {
        if (leerplichtOnder18(begindatum)) {
            return leeftijdTekst(begindatum);
        }
        int leeftijd = leeftijd(begindatum);
        if (leeftijd >= 18 && leeftijd < 23 && !leerling.startkwalificatie() && instellingen.meld18Plus16Uur()) {
            return leeftijdTekst(begindatum) + " De school heeft met de gemeente afgesproken 16 uur in 4 weken ook"
                    + " voor leerlingen van 18 jaar en ouder te melden.";
        }
        return null;
    }

    /** LRV under 18, RMC from 18 up to 23, null otherwise. */
    Verzuimsoort langdurigSoort(LocalDate d0) {
        if (leerplichtOnder18(d0)) {
            return Verzuimsoort.LANGDURIG_RELATIEF;
        }
        int leeftijd = leeftijd(d0);
        if (leeftijd >= 18 && leeftijd < 23 && !leerling.startkwalificatie()) {
            return Verzuimsoort.RMC;
        }
        return null;
    }

    String leeftijdTekst(LocalDate dag) {
        return "Leeftijd op de begindatum " + Uitleg.datum(dag) + ": " + leeftijd(dag) + " jaar.";
    }
}
