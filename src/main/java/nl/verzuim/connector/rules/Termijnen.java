package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * Dates that follow from a decision: the DUO deadline, SPPOH's quarterly opgave and the escalation route of
 * zorgwekkend verzuim (domain §2 and §4; seeds 001 and 004). Plain date arithmetic; the day to judge is always
 * an argument, never the system date.
 */
public final class Termijnen {

    /**
     * DUO: "onverwijld", in practice within 5 werkdagen after the rule first held (domain §2; seed 002 "binnen 5
     * werkdagen"): weekdays, vakanties included, public holidays excluded ({@link Werkdagen}).
     */
    public static final int DUO_MELDTERMIJN_WERKDAGEN = 5;

    /** SPPOH asks for the opgave zorgwekkend verzuim at least quarterly, "voor" these days (seed 001). */
    private static final List<MonthDay> OPGAVEDATA = List.of(MonthDay.of(3, 15), MonthDay.of(6, 15),
            MonthDay.of(9, 15), MonthDay.of(12, 15));

    private Termijnen() {
    }

    /** The last day a DUO melding decided on {@code beslotenOp} may be sent in time: the 5th werkdag after it. */
    public static LocalDate uitersteMelddatumDuo(LocalDate beslotenOp) {
        return Werkdagen.na(beslotenOp, DUO_MELDTERMIJN_WERKDAGEN);
    }

    /**
     * Whether a DUO melding decided on {@code beslotenOp} and sent (or still unsent) on {@code verzondenOp} missed
     * its deadline: sent after {@link #uitersteMelddatumDuo}. Sent on the last day itself is in time.
     */
    public static boolean duoTermijnGemist(LocalDate beslotenOp, LocalDate verzondenOp) {
        return verzondenOp.isAfter(uitersteMelddatumDuo(beslotenOp));
    }

    /**
     * The next day the school's opgave zorgwekkend verzuim is due at SPPOH after {@code dag}: 15 September,
     * 15 December, 15 March or 15 June, whichever comes first strictly after it (the opgave is due "voor" that
     * day, so on the 15th itself the next quarter's date applies).
     */
    public static LocalDate volgendeOpgavedatum(LocalDate dag) {
        for (int jaar = dag.getYear(); ; jaar++) {
            for (MonthDay opgave : OPGAVEDATA) {
                LocalDate datum = opgave.atYear(jaar);
                if (datum.isAfter(dag)) {
                    return datum;
                }
            }
        }
    }

    /** The steps of the opschalingsroute (routeboek Haaglanden, seed 004, Bijlage 1). */
    public enum Opschalingsstap {
        /** Intercollegiale afstemming in the own team after an MDO/JES: from 4 up to 8 weeks. */
        INTERCOLLEGIALE_AFSTEMMING(4, "intercollegiale afstemming (eigen team, eigen manager), 4 tot 8 weken", false),
        /** Managementafstemming: at 8 weeks, Den Haag only (Leidschendam-Voorburg and Rijswijk go to the Adviestafel). */
        MANAGEMENTAFSTEMMING(8, "managementafstemming (alleen Den Haag), 8 weken", true),
        /** Adviestafel: consult, advice and procesregie, at 11 weeks. */
        ADVIESTAFEL(11, "Adviestafel, 11 weken", false),
        /** Afstemming op directeurenniveau (formerly Doorbraaktafel): at the latest at 13 weeks. */
        DIRECTEURENNIVEAU(13, "afstemming op directeurenniveau, uiterlijk 13 weken", false);

        private final int weken;
        private final String omschrijving;
        private final boolean alleenDenHaag;

        Opschalingsstap(int weken, String omschrijving, boolean alleenDenHaag) {
            this.weken = weken;
            this.omschrijving = omschrijving;
            this.alleenDenHaag = alleenDenHaag;
        }

        /** Weeks after the first date of zorgwekkend verzuim. */
        public int weken() {
            return weken;
        }

        /** In Dutch, for a school administrator. */
        public String omschrijving() {
            return omschrijving;
        }

        public boolean alleenDenHaag() {
            return alleenDenHaag;
        }
    }

    /** One step of the escalation route and the day it is due. */
    public record Opschalingsmoment(Opschalingsstap stap, LocalDate datum) {
    }

    /**
     * The escalation dates counted from the first date of zorgwekkend verzuim (the OT melding's startdatum,
     * "startdatum categorie = startdatum verzuim"): 4, 8, 11 and 13 weeks after it, in that order.
     */
    public static List<Opschalingsmoment> opschaling(LocalDate eersteDatumZorgwekkendVerzuim) {
        List<Opschalingsmoment> momenten = new ArrayList<>();
        for (Opschalingsstap stap : Opschalingsstap.values()) {
            momenten.add(new Opschalingsmoment(stap, eersteDatumZorgwekkendVerzuim.plusWeeks(stap.weken())));
        }
        return momenten;
    }

    /**
     * The step of the escalation route that is due on {@code dag}: the last one whose date has come, or null when
     * none has yet (under 4 weeks).
     */
    public static Opschalingsstap opschalingOp(LocalDate eersteDatumZorgwekkendVerzuim, LocalDate dag) {
        Opschalingsstap bereikt = null;
        for (Opschalingsmoment moment : opschaling(eersteDatumZorgwekkendVerzuim)) {
            if (!moment.datum().isAfter(dag)) {
                bereikt = moment.stap();
            }
        }
        return bereikt;
    }
}
