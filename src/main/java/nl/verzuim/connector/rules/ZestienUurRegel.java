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
 *
 * <p>The keuzehulp asks about 28 days of continuous absence before it asks about 16 hours (domain §3, "The
 * keuzehulp's order"): on a day an LRV or RMC melding holds (from the day its run reached D0 + 27 to the run's last
 * day) no 16-uur melding is made, and the minutes of the days such a melding covers are not counted towards a
 * 16-uur melding on a later day once it has been made — those hours were reported as LRV/RMC. A 16-uur melding
 * made before the LRV/RMC held (the third day of a long absence) stays.
 */
final class ZestienUurRegel {

    static final int GRENS_MINUTEN = 16 * 60;
    static final int LESWEKEN = 4;

    private ZestienUurRegel() {
    }

    /**
     * @param vanaf             the first position the DUO rules look at (leerplicht)
     * @param eerdereEinddatums einddatums of 16-uur meldingen made before this replay
     * @param langdurig         the LRV and RMC meldingen of this replay, in date order
     */
    static List<Beslissing> beoordeel(Verzuimdagen dagen, int vanaf, Leeftijdstoets leeftijd,
                                      List<LocalDate> eerdereEinddatums, List<LangdurigVerzuimRegel.Reeks> langdurig) {
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
            if (som < GRENS_MINUTEN || houdtLangdurig(langdurig, p)) {
                continue;
            }
            long geteld = som - gedekteMinuten(dagen, langdurig, laag, p);
            if (geteld < GRENS_MINUTEN
                    || geblokkeerd(gemaakt, kalender.epochDag(vensterBegin), kalender.epochDag(kalender.zondag(lesweek)))) {
                continue;
            }
            int eerste = laag;
            while (ongeoorloofd[eerste] == 0 || gedekt(langdurig, eerste, p) != null) {
                eerste++;
            }
            LocalDate begindatum = dagen.datum(eerste);
            String leeftijdsreden = leeftijd.zestienUurToegestaan(begindatum);
            if (leeftijdsreden == null) {
                continue;
            }
            LocalDate einddatum = dagen.datum(p);
            String uitleg = uitleg(dagen, langdurig, eersteLesweek, lesweek, laag, eerste, p, geteld) + " "
                    + leeftijdsreden + Uitleg.duoTermijn(einddatum);
            beslissingen.add(new Beslissing(Verzuimsoort.RELATIEF_16_UUR, begindatum, einddatum, Uitleg.uren(geteld),
                    einddatum, uitleg, verzuimoverzicht(dagen, langdurig, eerste, p)));
            gemaakt.add(einddatum.toEpochDay());
        }
        return beslissingen;
    }

    /** Position p lies in a run from the day its LRV/RMC melding was made: that melding holds on p. */
    private static boolean houdtLangdurig(List<LangdurigVerzuimRegel.Reeks> langdurig, int p) {
        for (LangdurigVerzuimRegel.Reeks reeks : langdurig) {
            if (reeks.besloten() <= p && p <= reeks.eind()) {
                return true;
            }
        }
        return false;
    }

    /** The LRV/RMC melding, made on or before position p, whose run covers position q; null when none. */
    private static LangdurigVerzuimRegel.Reeks gedekt(List<LangdurigVerzuimRegel.Reeks> langdurig, int q, int p) {
        for (LangdurigVerzuimRegel.Reeks reeks : langdurig) {
            if (reeks.besloten() <= p && reeks.begin() <= q && q <= reeks.eind()) {
                return reeks;
            }
        }
        return null;
    }

    /** Ongeoorloofd minutes of positions {@code laag}..{@code p} on days an LRV/RMC melding made by p covers. */
    private static long gedekteMinuten(Verzuimdagen dagen, List<LangdurigVerzuimRegel.Reeks> langdurig, int laag,
                                       int p) {
        long minuten = 0;
        for (LangdurigVerzuimRegel.Reeks reeks : langdurig) {
            if (reeks.besloten() <= p) {
                for (int q = Math.max(laag, reeks.begin()); q <= Math.min(p, reeks.eind()); q++) {
                    minuten += dagen.ongeoorloofd[q];
                }
            }
        }
        return minuten;
    }

    private static boolean geblokkeerd(List<Long> einddatums, long vensterBegin, long vensterEinde) {
        for (long einddatum : einddatums) {
            if (einddatum >= vensterBegin && einddatum <= vensterEinde) {
                return true;
            }
        }
        return false;
    }

    /** The registrations of the days counted: positions {@code eerste}..{@code p} outside LRV/RMC runs. */
    private static List<Registratie> verzuimoverzicht(Verzuimdagen dagen, List<LangdurigVerzuimRegel.Reeks> langdurig,
                                                      int eerste, int p) {
        List<Registratie> registraties = new ArrayList<>();
        int van = eerste;
        for (int q = eerste; q <= p + 1; q++) {
            if (q > p || gedekt(langdurig, q, p) != null) {
                if (van < q) {
                    registraties.addAll(dagen.registraties(van, q - 1, Afwezigheidscode::isOngeoorloofd));
                }
                van = q + 1;
            }
        }
        return registraties;
    }

    private static String uitleg(Verzuimdagen dagen, List<LangdurigVerzuimRegel.Reeks> langdurig, int eersteLesweek,
                                 int lesweek, int laag, int eerste, int p, long som) {
        Kalenderindex kalender = dagen.index;
        long teLaat = 0;
        for (int q = eerste; q <= p; q++) {
            if (gedekt(langdurig, q, p) == null) {
                teLaat += dagen.teLaat[q];
            }
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
        boolean eersteDag = true;
        for (int q = eerste; q <= p; q++) {
            if (dagen.ongeoorloofd[q] > 0 && gedekt(langdurig, q, p) == null) {
                uitleg.append(eersteDag ? "" : ", ").append(Uitleg.datum(dagen.datum(q))).append(' ')
                        .append(dagen.ongeoorloofd[q]).append(" min");
                eersteDag = false;
            }
        }
        uitleg.append('.');
        for (LangdurigVerzuimRegel.Reeks reeks : langdurig) {
            int van = Math.max(laag, reeks.begin());
            int tot = Math.min(p, reeks.eind());
            if (reeks.besloten() > p || van > tot) {
                continue;
            }
            long minuten = 0;
            for (int q = van; q <= tot; q++) {
                minuten += dagen.ongeoorloofd[q];
            }
            uitleg.append(" Niet meegeteld: ").append(minuten).append(" minuten van ")
                    .append(Uitleg.datum(dagen.datum(van))).append(" t/m ").append(Uitleg.datum(dagen.datum(tot)))
                    .append(", dagen van de melding ")
                    .append(reeks.beslissing().soort() == Verzuimsoort.RMC ? "RMC" : "langdurig relatief verzuim")
                    .append(" die op ").append(Uitleg.datum(reeks.beslissing().beslotenOp()))
                    .append(" is besloten; die uren zijn daarmee al gemeld.");
        }
        return uitleg.append(" De grens van ").append(GRENS_MINUTEN).append(" minuten (16 uur) werd bereikt op ")
                .append(Uitleg.datum(einddatum))
                .append("; er is geen eerdere 16-uur-melding met een einddatum in deze 4 lesweken.").toString();
    }
}
