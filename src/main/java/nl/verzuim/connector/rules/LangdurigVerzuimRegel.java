package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Langdurig relatief verzuim (under 18) and RMC (18 up to 23): "minimaal 4 aaneengesloten schoolweken (28
 * kalenderdagen) continu afwezig" (seed 003). A run of consecutive fully absent school days (ongeoorloofd minutes
 * at least the day's lesminuten) with first day D0 gives one melding as soon as the run holds a school day at
 * least 27 calendar days after D0 — so days that are no school day inside the run (weekends, vakanties, vrije
 * dagen) count, but a run that stops before D0 + 27 does not. Begindatum D0, einddatum the run's last school day
 * up to the peildatum; LRV or RMC by the age on D0.
 */
final class LangdurigVerzuimRegel {

    static final int KALENDERDAGEN = 28;

    private LangdurigVerzuimRegel() {
    }

    /**
     * A melding made and the positions of its run: the 16-uur rule needs them (domain §3, "The keuzehulp's order").
     *
     * @param begin    position of D0
     * @param besloten position of the day the run reached D0 + 27: the melding holds from here
     * @param eind     position of the run's last school day up to the peildatum
     */
    record Reeks(Beslissing beslissing, int begin, int besloten, int eind) {
    }

    static List<Reeks> beoordeel(Verzuimdagen dagen, int vanaf, Leeftijdstoets leeftijd) {
        List<Reeks> beslissingen = new ArrayList<>(1);
        int p = vanaf;
        while (p < dagen.aantal) {
            if (!dagen.heleDagOngeoorloofd(p)) {
                p++;
                continue;
            }
            int begin = p;
            int eind = p;
            while (eind + 1 < dagen.aantal && dagen.heleDagOngeoorloofd(eind + 1) && dagen.volgtOp(eind + 1)) {
                eind++;
            }
            p = eind + 1;
            long grens = dagen.epochDag(begin) + KALENDERDAGEN - 1;
            int grensdag = begin;
            while (grensdag <= eind && dagen.epochDag(grensdag) < grens) {
                grensdag++;
            }
            if (grensdag > eind) {
                continue;
            }
            LocalDate d0 = dagen.datum(begin);
            Verzuimsoort soort = leeftijd.langdurigSoort(d0);
            if (soort == null) {
                continue;
            }
            LocalDate beslotenOp = dagen.datum(grensdag);
            LocalDate einde = dagen.datum(eind);
            long minuten = 0;
            for (int q = begin; q <= eind; q++) {
                minuten += dagen.ongeoorloofd[q];
            }
            String naam = soort == Verzuimsoort.RMC
                    ? "RMC-melding (18 tot 23 jaar, langdurig verzuim)" : "Langdurig relatief verzuim";
            String uitleg = naam + ": aaneengesloten volledig ongeoorloofd afwezig van " + Uitleg.datum(d0) + " t/m "
                    + Uitleg.datum(einde) + ", " + (eind - begin + 1) + " schooldagen en "
                    + (einde.toEpochDay() - d0.toEpochDay() + 1) + " kalenderdagen (" + Uitleg.urenTekst(minuten)
                    + " uur, " + minuten + " minuten ongeoorloofd; weekenden, vakanties en vrije dagen binnen de"
                    + " reeks tellen mee). Op " + Uitleg.datum(beslotenOp) + " omvatte de reeks "
                    + (beslotenOp.toEpochDay() - d0.toEpochDay() + 1) + " kalenderdagen: de grens van "
                    + KALENDERDAGEN + " kalenderdagen was bereikt. " + leeftijd.leeftijdTekst(d0)
                    + Uitleg.duoTermijn(beslotenOp);
            beslissingen.add(new Reeks(new Beslissing(soort, d0, einde, null, beslotenOp, uitleg,
                    dagen.registraties(begin, eind, Afwezigheidscode::isOngeoorloofd)), begin, grensdag, eind));
        }
        return beslissingen;
    }
}
