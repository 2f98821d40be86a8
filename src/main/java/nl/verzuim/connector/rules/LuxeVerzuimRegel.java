package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Luxe verzuim: each run of {@code LUX} on consecutive school days is one melding, from its first to its last
 * school day (up to the peildatum). LUX minutes never count towards the 16 hours.
 */
final class LuxeVerzuimRegel {

    private LuxeVerzuimRegel() {
    }

    static List<Beslissing> beoordeel(Verzuimdagen dagen, Schoolkalender kalender, Leeftijdstoets leeftijd) {
        List<Beslissing> beslissingen = new ArrayList<>();
        for (List<Verzuimdagen.Dag> reeks : dagen.reeksen(kalender, d -> d.luxe > 0)) {
            LocalDate begin = reeks.get(0).datum;
            if (!leeftijd.leerplichtOnder18(begin)) {
                continue;
            }
            LocalDate einde = reeks.get(reeks.size() - 1).datum;
            List<Registratie> overzicht = new ArrayList<>();
            int minuten = 0;
            for (Verzuimdagen.Dag dag : reeks) {
                minuten += dag.luxe;
                dag.registraties.stream().filter(r -> r.code() == Afwezigheidscode.LUX).forEach(overzicht::add);
            }
            String uitleg = "Luxe verzuim: vakantie buiten de schoolvakanties zonder verlof op " + reeks.size()
                    + " aaneengesloten schooldag(en), van " + Uitleg.datum(begin) + " t/m " + Uitleg.datum(einde)
                    + " (" + Uitleg.urenTekst(minuten) + " uur; telt niet mee voor de 16 uur). "
                    + leeftijd.leeftijdTekst(begin);
            beslissingen.add(new Beslissing(Verzuimsoort.LUXE, begin, einde, null, begin, uitleg, overzicht));
        }
        return beslissingen;
    }
}
