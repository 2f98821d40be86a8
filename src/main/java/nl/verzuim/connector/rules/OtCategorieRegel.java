package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * OT categorie zorgwekkend verzuim (SPPOH, seed 001; routeboek, seed 004; domain §3 "OT categorie" and §4), for
 * every pupil whatever the age. Judged at the end of each lesweek over that lesweek and the three lesweken before
 * it, once the window is complete (its last school day on or before the peildatum). With S the scheduled
 * lesminuten of the window:
 * <ul>
 *   <li>A when ongeoorloofd (ONG, TL) &gt; S/2 — "langer dan 4 weken méér dan 50% ongeoorloofd afwezig";</li>
 *   <li>otherwise B when ziek + medisch (ZK, MED) ≥ S/2 — "langer dan 4 weken 50% - 100% geoorloofd";</li>
 *   <li>otherwise, when every school day of the window is absent for its whole lesminuten by any absent code (the
 *       pupil "4 weken aaneengesloten niet op de stamschool", seed 004), A if ongeoorloofd exceeds the other absent
 *       minutes, else B.</li>
 * </ul>
 * Begindatum: the first school day of the window with any absence ("startdatum categorie = startdatum verzuim").
 * After a decision there is none until a later window shows all absence together below S/2 (the melding is then
 * afgerond, "leerling volgt weer (&gt;50%) onderwijs"); the window after that may open a new one.
 */
final class OtCategorieRegel {

    static final int LESWEKEN = 4;

    private OtCategorieRegel() {
    }

    static List<Beslissing> beoordeel(Verzuimdagen dagen, LocalDate peildatum) {
        List<Beslissing> beslissingen = new ArrayList<>(0);
        if (dagen.isLeeg()) {
            return beslissingen;
        }
        Kalenderindex kalender = dagen.index;
        long peil = Math.min(peildatum.toEpochDay() - kalender.eersteDag, kalender.aantalDagen - 1L);
        // Windows ending before the first absence hold none; those after the last absence's fourth lesweek neither.
        int eersteLesweek = kalender.lesweek(dagen.dag[0]);
        int laatsteLesweek = Math.min(kalender.lesweek(dagen.dag[dagen.aantal - 1]) + LESWEKEN - 1,
                kalender.aantalLesweken() - 1);
        Venster venster = new Venster(dagen);
        boolean lopend = false;
        for (int k = eersteLesweek; k <= laatsteLesweek && kalender.laatsteSchooldag(k) <= peil; k++) {
            if (k < LESWEKEN - 1) {
                continue;
            }
            venster.schuif(k - (LESWEKEN - 1), k);
            if (!lopend && venster.isLeeg()) {
                // Nothing absent in this window: the next one that holds anything ends in the lesweek of the next day
                // with registrations.
                k = Math.max(k, kalender.lesweek(dagen.dag[venster.hoog]) - 1);
                continue;
            }
            if (lopend) {
                if (venster.afwezig * 2 < venster.lesminuten) {
                    lopend = false;
                }
                continue;
            }
            Categorie categorie = venster.categorie();
            if (categorie != null) {
                lopend = true;
                beslissingen.add(venster.beslissing(categorie));
            }
        }
        return beslissingen;
    }

    /** The figures of the current window of lesweken, kept up to date as it slides one lesweek on. */
    private static final class Venster {
        private final Verzuimdagen dagen;
        private final Kalenderindex kalender;
        private int eersteLesweek;
        private int laatsteLesweek;
        /** Positions [laag, hoog) lie inside the window. */
        private int laag;
        int hoog;
        long lesminuten;
        long ongeoorloofd;
        long ziekOfMedisch;
        long afwezig;
        private int heleDagenAfwezig;

        Venster(Verzuimdagen dagen) {
            this.dagen = dagen;
            this.kalender = dagen.index;
        }

        void schuif(int eerste, int laatste) {
            eersteLesweek = eerste;
            laatsteLesweek = laatste;
            int van = kalender.maandag(eerste);
            int tot = kalender.zondag(laatste);
            while (hoog < dagen.aantal && dagen.dag[hoog] <= tot) {
                tel(hoog++, 1);
            }
            while (laag < hoog && dagen.dag[laag] < van) {
                tel(laag++, -1);
            }
            lesminuten = kalender.lesminuten(eerste, laatste);
        }

        /** No day with registrations inside the window (so a next one exists: windows end before the last). */
        boolean isLeeg() {
            return laag == hoog;
        }

        private void tel(int p, int teken) {
            ongeoorloofd += teken * (long) dagen.ongeoorloofd[p];
            ziekOfMedisch += teken * (long) dagen.ziekOfMedisch[p];
            afwezig += teken * (long) dagen.afwezig[p];
            if (dagen.heleDagAfwezig(p)) {
                heleDagenAfwezig += teken;
            }
        }

        boolean elkeSchooldagHeelAfwezig() {
            return heleDagenAfwezig == kalender.schooldagen(eersteLesweek, laatsteLesweek);
        }

        Categorie categorie() {
            if (afwezig == 0) {
                return null;
            }
            if (ongeoorloofd * 2 > lesminuten) {
                return Categorie.A_LANGDURIG_RELATIEF_VERZUIM;
            }
            if (ziekOfMedisch * 2 >= lesminuten) {
                return Categorie.B_LANGDURIG_GEOORLOOFD_VERZUIM;
            }
            if (elkeSchooldagHeelAfwezig()) {
                return ongeoorloofd > afwezig - ongeoorloofd
                        ? Categorie.A_LANGDURIG_RELATIEF_VERZUIM : Categorie.B_LANGDURIG_GEOORLOOFD_VERZUIM;
            }
            return null;
        }

        private static String helft(long minuten) {
            return minuten / 2 + (minuten % 2 == 0 ? "" : ",5");
        }

        Beslissing beslissing(Categorie categorie) {
            int eerste = laag;
            while (dagen.afwezig[eerste] == 0) {
                eerste++;
            }
            LocalDate begindatum = dagen.datum(eerste);
            LocalDate beslotenOp = kalender.datum(kalender.laatsteSchooldag(laatsteLesweek));
            List<String> weken = new ArrayList<>();
            for (int k = eersteLesweek; k <= laatsteLesweek; k++) {
                weken.add(Uitleg.datum(kalender.datum(kalender.maandag(k))));
            }
            String reden;
            if (ongeoorloofd * 2 > lesminuten) {
                reden = "ongeoorloofd meer dan de helft (" + helft(lesminuten) + " minuten)";
            } else if (ziekOfMedisch * 2 >= lesminuten) {
                reden = "ziek of medisch ten minste de helft (" + helft(lesminuten) + " minuten)";
            } else {
                reden = "elke schooldag van het venster volledig afwezig; ongeoorloofd " + ongeoorloofd + " minuten "
                        + (categorie == Categorie.A_LANGDURIG_RELATIEF_VERZUIM ? "meer dan" : "niet meer dan")
                        + " de overige afwezigheid (" + (afwezig - ongeoorloofd) + " minuten)";
            }
            long gevolgd = Math.max(0, lesminuten - Math.min(afwezig, lesminuten));
            int percentage = PercentageOnderwijs.bucket(100.0 * gevolgd / lesminuten);
            String uitleg = (categorie == Categorie.A_LANGDURIG_RELATIEF_VERZUIM
                    ? "OT categorie A (langdurig relatief verzuim)" : "OT categorie B (langdurig geoorloofd verzuim)")
                    + ": in de 4 lesweken die beginnen op " + Uitleg.opsomming(weken) + " (t/m "
                    + Uitleg.datum(beslotenOp) + ") waren " + lesminuten + " lesminuten gepland. Afwezig: ongeoorloofd "
                    + ongeoorloofd + " minuten (" + Uitleg.procent(ongeoorloofd, lesminuten) + "%), ziek of medisch "
                    + ziekOfMedisch + " minuten (" + Uitleg.procent(ziekOfMedisch, lesminuten) + "%), in totaal "
                    + afwezig + " minuten (" + Uitleg.procent(afwezig, lesminuten) + "%): " + reden + "."
                    + " Startdatum verzuim (eerste schooldag met afwezigheid in dit venster): "
                    + Uitleg.datum(begindatum) + ". Percentage onderwijs in dit venster: " + percentage + "%.";
            return new Beslissing(categorie, begindatum, null, null, beslotenOp, uitleg,
                    dagen.registraties(laag, hoog - 1, Afwezigheidscode::isAfwezig));
        }
    }
}
