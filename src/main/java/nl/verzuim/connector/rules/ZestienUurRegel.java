package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 16 uur ongeoorloofd in 4 opeenvolgende lesweken (Leerplichtwet art. 21/21a, "in totaal zestien uren"; domain §3
 * "16 uur in 4 weken"). Judged on each school day d with ongeoorloofd minutes (ONG, TL): the window is d's lesweek
 * and the three lesweken before it, vakantieweken skipped. DUO's question "is dit de eerste melding in 4 weken?":
 * an earlier 16-uur melding with its einddatum inside the window blocks a new one on d. Otherwise, once the
 * ongeoorloofd minutes of the window up to and including d reach 960, a melding is made with einddatum d,
 * begindatum the earliest day counted and {@code uren} all those minutes. No minute is thus counted twice.
 */
final class ZestienUurRegel {

    static final int GRENS_MINUTEN = 16 * 60;
    static final int LESWEKEN = 4;

    private ZestienUurRegel() {
    }

    /**
     * @param vanaf             the first position the DUO rules look at (leerplicht)
     * @param eerdereEinddatums einddatums of 16-uur meldingen made before this replay
     */
    static List<Beslissing> beoordeel(Verzuimdagen dagen, int vanaf, Leeftijdstoets leeftijd,
                                      List<LocalDate> eerdereEinddatums) {
        Kalenderindex kalender = dagen.index;
        List<Long> gemaakt = new ArrayList<>();
        for (LocalDate einddatum : eerdereEinddatums) {
            gemaakt.add(einddatum.toEpochDay());
        }
        List<Beslissing> beslissingen = new ArrayList<>(1);
        int[] ongeoorloofd = dagen.ongeoorloofd;
        int laag = vanaf;
        long som = 0;
        for (int p = vanaf; p < dagen.aantal; p++) {
            som += ongeoorloofd[p];
            if (ongeoorloofd[p] == 0) {
                continue;
            }
            int lesweek = kalender.lesweek(dagen.dag[p]);
            int eersteLesweek = Math.max(0, lesweek - (LESWEKEN - 1));
            int vensterBegin = kalender.maandag(eersteLesweek);
            while (dagen.dag[laag] < vensterBegin) {
                som -= ongeoorloofd[laag++];
            }
            if (som < GRENS_MINUTEN
                    || geblokkeerd(gemaakt, kalender.epochDag(vensterBegin), kalender.epochDag(kalender.zondag(lesweek)))) {
                continue;
            }
            int eerste = laag;
            while (ongeoorloofd[eerste] == 0) {
                eerste++;
            }
            LocalDate begindatum = dagen.datum(eerste);
            String leeftijdsreden = leeftijd.zestienUurToegestaan(begindatum);
            if (leeftijdsreden == null) {
                continue;
            }
            LocalDate einddatum = dagen.datum(p);
            String uitleg = uitleg(dagen, eersteLesweek, lesweek, eerste, p, som) + " " + leeftijdsreden
                    + Uitleg.duoTermijn(dagen.kalender, einddatum);
            beslissingen.add(new Beslissing(Verzuimsoort.RELATIEF_16_UUR, begindatum, einddatum, Uitleg.uren(som),
                    einddatum, uitleg, dagen.registraties(eerste, p, Afwezigheidscode::isOngeoorloofd)));
            gemaakt.add(einddatum.toEpochDay());
        }
        return beslissingen;
    }

    private static boolean geblokkeerd(List<Long> einddatums, long vensterBegin, long vensterEinde) {
        for (long einddatum : einddatums) {
            if (einddatum >= vensterBegin && einddatum <= vensterEinde) {
                return true;
            }
        }
        return false;
    }

    private static String uitleg(Verzuimdagen dagen, int eersteLesweek, int lesweek, int eerste, int p, long som) {
        Kalenderindex kalender = dagen.index;
        long teLaat = 0;
        for (int q = eerste; q <= p; q++) {
            teLaat += dagen.teLaat[q];
        }
        LocalDate einddatum = dagen.datum(p);
        StringBuilder uitleg = new StringBuilder(400).append("16 uur in 4 weken: ").append(Uitleg.urenTekst(som))
                .append(" uur (").append(som).append(" minuten) ongeoorloofd verzuim");
        if (teLaat > 0) {
            uitleg.append(", waarvan ").append(teLaat).append(" minuten te laat,");
        }
        uitleg.append(" in de 4 lesweken die beginnen op ");
        for (int k = eersteLesweek; k <= lesweek; k++) {
            uitleg.append(k == eersteLesweek ? "" : k == lesweek ? " en " : ", ")
                    .append(Uitleg.datum(kalender.datum(kalender.maandag(k))));
        }
        uitleg.append(", geteld t/m ").append(Uitleg.datum(einddatum)).append(": ");
        for (int q = eerste; q <= p; q++) {
            if (dagen.ongeoorloofd[q] > 0) {
                uitleg.append(q == eerste ? "" : ", ").append(Uitleg.datum(dagen.datum(q))).append(' ')
                        .append(dagen.ongeoorloofd[q]).append(" min");
            }
        }
        return uitleg.append(". De grens van ").append(GRENS_MINUTEN).append(" minuten (16 uur) werd bereikt op ")
                .append(Uitleg.datum(einddatum))
                .append("; er is geen eerdere 16-uur-melding met een einddatum in deze 4 lesweken.").toString();
    }
}
