package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Langdurig relatief verzuim (under 18) and RMC (18 up to 23): a run of consecutive fully absent school days
 * that holds a school day at least 27 calendar days after its first day (28 kalenderdagen; vacation weeks
 * inside the run count). Begindatum the first day, einddatum the run's last school day up to the peildatum.
 */
final class LangdurigVerzuimRegel {

    static final int KALENDERDAGEN = 28;

    private LangdurigVerzuimRegel() {
    }

    static List<Beslissing> beoordeel(Verzuimdagen dagen, Schoolkalender kalender, Leeftijdstoets leeftijd) {
        List<Beslissing> beslissingen = new ArrayList<>();
        for (List<Verzuimdagen.Dag> reeks : dagen.reeksen(kalender, Verzuimdagen.Dag::heleDagOngeoorloofd)) {
            LocalDate d0 = reeks.get(0).datum;
            LocalDate grens = d0.plusDays(KALENDERDAGEN - 1);
            Verzuimdagen.Dag grensDag = reeks.stream().filter(d -> !d.datum.isBefore(grens)).findFirst().orElse(null);
            if (grensDag == null) {
                continue;
            }
            Verzuimsoort soort = leeftijd.langdurigSoort(d0);
            if (soort == null) {
                continue;
            }
            LocalDate einde = reeks.get(reeks.size() - 1).datum;
            List<Registratie> overzicht = new ArrayList<>();
            int minuten = 0;
            for (Verzuimdagen.Dag dag : reeks) {
                minuten += dag.ongeoorloofd;
                dag.registraties.stream().filter(r -> r.code().isOngeoorloofd()).forEach(overzicht::add);
            }
            long kalenderdagen = ChronoUnit.DAYS.between(d0, einde) + 1;
            String naam = soort == Verzuimsoort.RMC ? "RMC (18 jaar of ouder, zonder startkwalificatie)"
                    : "Langdurig relatief verzuim";
            String uitleg = naam + ": " + reeks.size() + " aaneengesloten schooldagen volledig ongeoorloofd afwezig ("
                    + Uitleg.urenTekst(minuten) + " uur), van " + Uitleg.datum(d0) + " t/m " + Uitleg.datum(einde)
                    + " (" + kalenderdagen + " kalenderdagen); de grens van 28 kalenderdagen werd bereikt op "
                    + Uitleg.datum(grensDag.datum) + ". " + leeftijd.leeftijdTekst(d0);
            beslissingen.add(new Beslissing(soort, d0, einde, null, grensDag.datum, uitleg, overzicht));
        }
        return beslissingen;
    }
}
