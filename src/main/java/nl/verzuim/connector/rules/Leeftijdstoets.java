package nl.verzuim.connector.rules;

import java.time.LocalDate;

/**
 * Who gets which DUO melding, by age on the melding's begindatum (domain §3 "Who is subject to it"; seed 003,
 * "Keuzehulp verzuimsoorten", which asks the age "op de eerste verzuimdag"): none before leerplicht starts; under
 * 18 → 16-uur, luxe and LRV; 18 up to 23 → RMC, and 16-uur only when the school agreed so with the gemeente; 23 or
 * older → none.
 *
 * <p>The decision tree is for a pupil without startkwalificatie, and a pupil is taken to have none unless the
 * data says so. One who has one is no longer kwalificatieplichtig, so only the volledige leerplicht (until the
 * end of the school year in which the pupil turns 16) can still make a melding due; 18 or older, nothing.
 */
final class Leeftijdstoets {

    private final Leerling leerling;
    private final Regelinstellingen instellingen;
    private final LocalDate leerplichtigVanaf;
    private final LocalDate achttien;
    private final LocalDate drieentwintig;
    private final LocalDate eindeVolledigeLeerplicht;

    Leeftijdstoets(Leerling leerling, Schoolkalender kalender, Regelinstellingen instellingen) {
        LocalDate geboren = leerling.geboortedatum();
        this.leerling = leerling;
        this.instellingen = instellingen;
        this.leerplichtigVanaf = Leerplicht.leerplichtigVanaf(geboren, kalender);
        this.achttien = Leerplicht.verjaardag(geboren, 18);
        this.drieentwintig = Leerplicht.verjaardag(geboren, 23);
        this.eindeVolledigeLeerplicht = Leerplicht.eindeVolledigeLeerplicht(geboren);
    }

    LocalDate leerplichtigVanaf() {
        return leerplichtigVanaf;
    }

    int leeftijd(LocalDate dag) {
        return Leerplicht.leeftijdOp(leerling.geboortedatum(), dag);
    }

    /** Leerplicht or kwalificatieplicht on {@code dag}: steps 3–6 of the decision tree (16-uur, luxe, LRV). */
    boolean leerplichtOnder18(LocalDate dag) {
        if (dag.isBefore(leerplichtigVanaf) || !dag.isBefore(achttien)) {
            return false;
        }
        return !leerling.startkwalificatie() || !dag.isAfter(eindeVolledigeLeerplicht);
    }

    /** 18 up to 23 without startkwalificatie: step 2 of the decision tree (RMC). */
    private boolean rmcLeeftijd(LocalDate dag) {
        return !dag.isBefore(achttien) && dag.isBefore(drieentwintig) && !leerling.startkwalificatie();
    }

    /** The age part of the uitleg of a 16-uur melding, or null when the age rules forbid one. */
    String zestienUurToegestaan(LocalDate begindatum) {
        if (leerplichtOnder18(begindatum)) {
            return leeftijdTekst(begindatum);
        }
        if (rmcLeeftijd(begindatum) && instellingen.meld18Plus16Uur()) {
            return leeftijdTekst(begindatum) + " De school heeft met de gemeente afgesproken 16 uur in 4 weken ook"
                    + " voor leerlingen van 18 jaar en ouder te melden (meld_18_plus_16_uur).";
        }
        return null;
    }

    /** LRV under 18, RMC from 18 up to 23, null otherwise: by the age on the first day of absence. */
    Verzuimsoort langdurigSoort(LocalDate d0) {
        if (leerplichtOnder18(d0)) {
            return Verzuimsoort.LANGDURIG_RELATIEF;
        }
        return rmcLeeftijd(d0) ? Verzuimsoort.RMC : null;
    }

    String leeftijdTekst(LocalDate dag) {
        return "Leeftijd op de eerste verzuimdag " + Uitleg.datum(dag) + ": " + leeftijd(dag) + " jaar"
                + (leerling.startkwalificatie() ? ", met startkwalificatie." : ", geen startkwalificatie bekend.");
    }
}
