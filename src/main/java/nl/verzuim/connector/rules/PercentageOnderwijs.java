package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The share of education a pupil still follows, in OT's buckets 100 (Ja), 75, 50, 25 (Gedeeltelijk) and 0 (Nee)
 * (seed 001, "Volgt de leerling nog onderwijs op school?"), over the last 4 lesweken up to a day: the bucket
 * nearest to the share of scheduled lesminuten the pupil was not absent (any absent code; {@code UIT} is present).
 * The last 4 lesweken are those of the last school day on or before the day, vakantieweken skipped; a day's absence
 * counts at most its lesminuten here, since a share of the timetable is asked.
 */
public final class PercentageOnderwijs {

    static final int LESWEKEN = 4;

    private PercentageOnderwijs() {
    }

    public static int over4Lesweken(List<Registratie> registraties, Schoolkalender kalender, LocalDate peildatum) {
        return bucket(aandeelOver4Lesweken(registraties, kalender, peildatum));
    }

    /**
     * The share (0–100) of the scheduled lesminuten of the same 4 lesweken that the pupil was not absent, before
     * rounding to a bucket: "volgt weer (&gt;50%) onderwijs" (seed 001, afronding) compares this with 50.
     */
    public static double aandeelOver4Lesweken(List<Registratie> registraties, Schoolkalender kalender,
                                              LocalDate peildatum) {
        LocalDate laatsteSchooldag = kalender.laatsteSchooldagTotEnMet(peildatum);
        if (laatsteSchooldag == null) {
            return 100.0;
        }
        Verzuimdagen dagen = Verzuimdagen.van(registraties, kalender, laatsteSchooldag);
        Kalenderindex index = kalender.index(laatsteSchooldag, laatsteSchooldag);
        int laatste = index.dag(laatsteSchooldag.toEpochDay());
        int lesweek = index.lesweek(laatste);
        int van = index.maandag(Math.max(0, lesweek - (LESWEKEN - 1)));
        long gepland = 0;
        long afwezig = 0;
        for (int d = van; d <= laatste; d++) {
            gepland += index.lesminuten[d];
        }
        for (int p = 0; p < dagen.aantal; p++) {
            int dag = index.dag(dagen.epochDag(p));
            if (dag >= van && dag <= laatste) {
                afwezig += Math.min(dagen.afwezig[p], dagen.lesminuten[p]);
            }
        }
        return 100.0 * (gepland - afwezig) / gepland;
    }

    /** The nearest of 0, 25, 50, 75 and 100 (a tie goes up). */
    public static int bucket(double procent) {
        int afgerond = (int) Math.round(procent / 25.0) * 25;
        return Math.max(0, Math.min(100, afgerond));
    }
}
