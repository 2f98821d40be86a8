package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Luxe verzuim: "gaat de leerling buiten schoolvakanties om zonder vrijstelling op vakantie?" (seed 003). Each run
 * of {@code LUX} on consecutive school days is one melding, from its first to its last school day (up to the
 * peildatum), decided on its first day. Days that are no school day do not break a run. LUX minutes never count
 * towards the 16 hours (domain §3).
 */
final class LuxeVerzuimRegel {

    private LuxeVerzuimRegel() {
    }

    static List<Beslissing> beoordeel(Verzuimdagen dagen, int vanaf, Leeftijdstoets leeftijd) {
        List<Beslissing> beslissingen = new ArrayList<>(1);
        for (int[] reeks : dagen.reeksen(dagen.luxe, vanaf)) {
            int begin = reeks[0];
            int eind = reeks[1];
            LocalDate eerste = dagen.datum(begin);
            if (!leeftijd.leerplichtOnder18(eerste)) {
                continue;
            }
            LocalDate laatste = dagen.datum(eind);
            long minuten = 0;
            for (int q = begin; q <= eind; q++) {
                minuten += dagen.luxe[q];
            }
            String uitleg = "Luxe verzuim: vakantie buiten de schoolvakanties zonder verlof (code LUX) op "
                    + (eind - begin + 1) + " aaneengesloten schooldag(en), van " + Uitleg.datum(eerste) + " t/m "
                    + Uitleg.datum(laatste) + " (" + minuten + " minuten; luxe verzuim telt niet mee voor de 16 uur). "
                    + leeftijd.leeftijdTekst(eerste) + Uitleg.duoTermijn(eerste);
            beslissingen.add(new Beslissing(Verzuimsoort.LUXE, eerste, laatste, null, eerste, uitleg,
                    dagen.registraties(begin, eind, code -> code == Afwezigheidscode.LUX)));
        }
        return beslissingen;
    }
}
