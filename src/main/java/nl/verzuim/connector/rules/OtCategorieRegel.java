package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * OT categorie zorgwekkend verzuim (SPPOH; domain §3 "OT categorie" and §4), for every pupil whatever the age.
 * Judged at the end of each lesweek over that lesweek and the three before it, once the window is complete.
 * With S the scheduled lesminuten of the window: A when ongeoorloofd &gt; S/2; otherwise B when ziek+medisch
 * ≥ S/2; otherwise, when every school day of the window is absent for its whole lesminuten, A if ongeoorloofd
 * exceeds the other absent minutes, else B. After a decision there is none until a window shows all absence
 * below S/2 (the melding is then afgerond).
 */
final class OtCategorieRegel {

    static final int LESWEKEN = 4;

    private OtCategorieRegel() {
    }

    static List<Beslissing> beoordeel(Verzuimdagen dagen, Schoolkalender kalender, LocalDate peildatum) {
        List<Beslissing> beslissingen = new ArrayList<>();
        if (dagen.isLeeg()) {
            return beslissingen;
        }
        boolean lopend = false;
        LocalDate week = Schoolkalender.maandagVan(dagen.eerste());
        LocalDate laatsteWeek = Schoolkalender.maandagVan(peildatum);
        for (; !week.isAfter(laatsteWeek); week = week.plusWeeks(1)) {
            LocalDate laatsteSchooldag = laatsteSchooldag(kalender, week);
            if (laatsteSchooldag == null || laatsteSchooldag.isAfter(peildatum)) {
                continue;
            }
            List<LocalDate> weken = kalender.lesweken(laatsteSchooldag, LESWEKEN);
            if (weken.size() < LESWEKEN) {
                continue;
            }
            Venster venster = Venster.van(dagen, kalender, weken.get(0), week.plusDays(6));
            if (lopend) {
                if (venster.afwezig * 2 < venster.lesminuten) {
                    lopend = false;
                }
                continue;
            }
            Categorie categorie = venster.categorie();
            if (categorie == null) {
                continue;
            }
            lopend = true;
            String uitleg = (categorie == Categorie.A_LANGDURIG_RELATIEF_VERZUIM
                    ? "OT categorie A (langdurig relatief verzuim)" : "OT categorie B (langdurig geoorloofd verzuim)")
                    + ": in de 4 lesweken van " + Uitleg.datum(weken.get(0)) + " t/m " + Uitleg.datum(week.plusDays(6))
                    + " waren " + venster.lesminuten + " lesminuten gepland; ongeoorloofd afwezig " + venster.ongeoorloofd
                    + " minuten, ziek of medisch " + venster.ziekOfMedisch + " minuten, in totaal afwezig "
                    + venster.afwezig + " minuten (" + venster.procentAfwezig() + "%)."
                    + " Startdatum verzuim " + Uitleg.datum(venster.eersteAfwezigeDag) + ".";
            beslissingen.add(new Beslissing(categorie, venster.eersteAfwezigeDag, null, null, laatsteSchooldag, uitleg,
                    venster.registraties));
        }
        return beslissingen;
    }

    static LocalDate laatsteSchooldag(Schoolkalender kalender, LocalDate maandag) {
        for (int i = 6; i >= 0; i--) {
            if (kalender.isSchooldag(maandag.plusDays(i))) {
                return maandag.plusDays(i);
            }
        }
        return null;
    }

    /** The figures of one window of lesweken. */
    static final class Venster {
        int lesminuten;
        int ongeoorloofd;
        int ziekOfMedisch;
        int afwezig;
        boolean elkeDagHeelAfwezig = true;
        LocalDate eersteAfwezigeDag;
        final List<Registratie> registraties = new ArrayList<>();

        static Venster van(Verzuimdagen dagen, Schoolkalender kalender, LocalDate van, LocalDate tot) {
            Venster venster = new Venster();
            for (LocalDate dag = van; !dag.isAfter(tot); dag = dag.plusDays(1)) {
                int minuten = kalender.lesminuten(dag);
                if (minuten == 0) {
                    continue;
                }
                venster.lesminuten += minuten;
                Verzuimdagen.Dag verzuim = dagen.op(dag);
                if (verzuim == null) {
                    venster.elkeDagHeelAfwezig = false;
                    continue;
                }
                venster.ongeoorloofd += verzuim.ongeoorloofd;
                venster.ziekOfMedisch += verzuim.ziekOfMedisch;
                venster.afwezig += verzuim.afwezig;
                venster.registraties.addAll(verzuim.registraties);
                if (!verzuim.heleDagAfwezig()) {
                    venster.elkeDagHeelAfwezig = false;
                }
                if (venster.eersteAfwezigeDag == null && verzuim.afwezig > 0) {
                    venster.eersteAfwezigeDag = dag;
                }
            }
            return venster;
        }

        Categorie categorie() {
            if (lesminuten == 0 || eersteAfwezigeDag == null) {
                return null;
            }
            if (ongeoorloofd * 2 > lesminuten) {
                return Categorie.A_LANGDURIG_RELATIEF_VERZUIM;
            }
            if (ziekOfMedisch * 2 >= lesminuten) {
                return Categorie.B_LANGDURIG_GEOORLOOFD_VERZUIM;
            }
            if (elkeDagHeelAfwezig) {
                return ongeoorloofd > afwezig - ongeoorloofd
                        ? Categorie.A_LANGDURIG_RELATIEF_VERZUIM : Categorie.B_LANGDURIG_GEOORLOOFD_VERZUIM;
            }
            return null;
        }

        int procentAfwezig() {
            return lesminuten == 0 ? 0 : (int) Math.round(100.0 * Math.min(afwezig, lesminuten) / lesminuten);
        }
    }
}
