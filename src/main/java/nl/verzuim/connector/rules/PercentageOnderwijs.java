package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The share of education a pupil still follows, in OT's buckets 100 (ja), 75, 50, 25 (gedeeltelijk) and 0 (nee),
 * over the last 4 lesweken up to a day: the bucket nearest to the share of scheduled minutes not absent.
 */
public final class PercentageOnderwijs {

    private PercentageOnderwijs() {
    }

    public static int over4Lesweken(List<Registratie> registraties, Schoolkalender kalender, LocalDate peildatum) {
        Verzuimdagen dagen = Verzuimdagen.van(registraties, kalender, peildatum);
        List<LocalDate> weken = kalender.lesweken(peildatum, OtCategorieRegel.LESWEKEN);
        OtCategorieRegel.Venster venster = OtCategorieRegel.Venster.van(dagen, kalender, weken.get(0), peildatum);
        if (venster.lesminuten == 0) {
            return 100;
        }
        double gevolgd = 1.0 - Math.min(venster.afwezig, venster.lesminuten) / (double) venster.lesminuten;
        return bucket(gevolgd * 100);
    }

    static int bucket(double procent) {
        int afgerond = (int) Math.round(procent / 25.0) * 25;
        return Math.max(0, Math.min(100, afgerond));
    }
}
