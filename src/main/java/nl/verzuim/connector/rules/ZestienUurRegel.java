package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 16 uur ongeoorloofd in 4 opeenvolgende lesweken (Leerplichtwet art. 21; domain §3 "16 uur in 4 weken").
 * Judged on each school day with ongeoorloofd minutes: the window is that day's lesweek and the three lesweken
 * before it. An earlier 16-uur melding with its einddatum inside the window blocks a new one ("is dit de eerste
 * melding in 4 weken?"), so no minute is counted in two meldingen.
 */
final class ZestienUurRegel {

    static final int GRENS_MINUTEN = 16 * 60;
    static final int LESWEKEN = 4;

    private ZestienUurRegel() {
    }

    static List<Beslissing> beoordeel(Verzuimdagen dagen, Schoolkalender kalender, Leeftijdstoets leeftijd,
                                      List<LocalDate> eerdereEinddatums) {
        List<LocalDate> gemaakt = new ArrayList<>(eerdereEinddatums);
        List<Beslissing> beslissingen = new ArrayList<>();
        for (Verzuimdagen.Dag dag : dagen.alle()) {
            if (dag.ongeoorloofd == 0) {
                continue;
            }
            List<LocalDate> weken = kalender.lesweken(dag.datum, LESWEKEN);
            LocalDate vensterBegin = weken.get(0);
            LocalDate vensterEinde = weken.get(weken.size() - 1).plusDays(6);
            if (gemaakt.stream().anyMatch(e -> !e.isBefore(vensterBegin) && !e.isAfter(vensterEinde))) {
                continue;
            }
            int som = 0;
            int teLaatMinuten = 0;
            LocalDate eersteDag = null;
            List<Registratie> overzicht = new ArrayList<>();
            for (Verzuimdagen.Dag telDag : dagen.tussen(vensterBegin, dag.datum)) {
                if (telDag.ongeoorloofd == 0) {
                    continue;
                }
                som += telDag.ongeoorloofd;
                if (eersteDag == null) {
                    eersteDag = telDag.datum;
                }
                for (Registratie r : telDag.registraties) {
                    if (r.code().isOngeoorloofd()) {
                        overzicht.add(r);
                        if (r.code() == Afwezigheidscode.TL) {
                            teLaatMinuten += r.minutenOp(telDag.lesminuten);
                        }
                    }
                }
            }
            if (som < GRENS_MINUTEN) {
                continue;
            }
            String leeftijdsreden = leeftijd.zestienUurToegestaan(eersteDag);
            if (leeftijdsreden == null) {
                continue;
            }
            String uitleg = "16 uur in 4 weken: " + Uitleg.urenTekst(som) + " uur ongeoorloofd verzuim (" + som
                    + " minuten" + (teLaatMinuten > 0 ? ", waarvan " + teLaatMinuten + " minuten te laat" : "")
                    + ") in de 4 lesweken van " + Uitleg.datum(vensterBegin) + " t/m " + Uitleg.datum(vensterEinde)
                    + "; eerste verzuimdag " + Uitleg.datum(eersteDag) + ", grens van 960 minuten bereikt op "
                    + Uitleg.datum(dag.datum) + ". " + leeftijdsreden;
            beslissingen.add(new Beslissing(Verzuimsoort.RELATIEF_16_UUR, eersteDag, dag.datum, Uitleg.uren(som),
                    dag.datum, uitleg, overzicht));
            gemaakt.add(dag.datum);
        }
        return beslissingen;
    }
}
