package nl.verzuim.connector.levensloop;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.verzuim.connector.melding.ActieGeweigerd;

/**
 * The life of a melding zorgwekkend verzuim in OT (domain §4, OT manual seed 000):
 *
 * <pre>
 * NIEUW --indienen--> INGEDIEND --accepteren--> LOPEND --afronden--> AFGEROND
 *                        |    ^
 *              terugzetten    | opnieuw indienen
 *                        v    |
 *                     TERUGGEZET
 * </pre>
 *
 * Plain Java: {@link #na(Status, Stap)} gives the state after a step or refuses it with {@link OngeldigeStap},
 * which names the state, the step and why in Dutch (for the operator and the event's record). What an OT event
 * (SPPOH's answer) does to a melding is the pure step function {@link #bijGebeurtenis}: state and event in, the new
 * state and what else must happen out; the OT event handler applies it. Changes to a running melding
 * (statusperiode, interventie, percentage onderwijs, logboek) are no step: {@link #waaromNietBijwerken} says when
 * they are refused.
 */
public final class Levensloop {

    /** OT's Trajectstatus. */
    public enum Status {
        NIEUW("nieuw (nog niet ingediend)"),
        INGEDIEND("ingediend bij SPPOH"),
        TERUGGEZET("teruggezet door SPPOH"),
        LOPEND("lopend (door SPPOH geaccepteerd)"),
        AFGEROND("afgerond");

        private final String tekst;

        Status(String tekst) {
            this.tekst = tekst;
        }

        /** The one Dutch text for this state, for refusals and the school's mails alike. */
        public String tekst() {
            return tekst;
        }

        /**
         * OT's status text as stored on the melding; no status yet (no traject) is NIEUW. A value that is no
         * Trajectstatus (an old row from before refusals moved to laatste_fout) is refused plainly with
         * {@link OnbekendeStatus}, which callers treat as a refused step, never as an error to retry.
         */
        public static Status van(String otStatus) {
            if (otStatus == null || otStatus.isBlank()) {
                return NIEUW;
            }
            for (Status s : values()) {
                if (s.name().equals(otStatus)) {
                    return s;
                }
            }
            throw new OnbekendeStatus(otStatus);
        }
    }

    /** What a school (connector) or SPPOH does with a melding. */
    public enum Stap {
        INDIENEN, ACCEPTEREN, TERUGZETTEN, OPNIEUW_INDIENEN, AFRONDEN;

        /** The step an OT event reports; null for GEWIJZIGD, which changes no status. */
        public static Stap vanGebeurtenis(String type) {
            return switch (type) {
                case "GEACCEPTEERD" -> ACCEPTEREN;
                case "TERUGGEZET" -> TERUGZETTEN;
                case "AFGEROND" -> AFRONDEN;
                case "GEWIJZIGD" -> null;
                default -> throw new IllegalArgumentException("onbekend gebeurtenistype " + type);
            };
        }
    }

    /** A step the lifecycle does not allow from this state. */
    public static final class OngeldigeStap extends RuntimeException {
        private final Status van;
        private final Stap stap;
        private final String reden;

        OngeldigeStap(Status van, Stap stap, String reden) {
            super("stap " + stap + " kan niet vanuit " + van + ": " + reden);
            this.van = van;
            this.stap = stap;
            this.reden = reden;
        }

        public Status van() {
            return van;
        }

        public Stap stap() {
            return stap;
        }

        public String reden() {
            return reden;
        }
    }

    /** The melding holds an OT status that is no Trajectstatus: no step can be judged from it. */
    public static final class OnbekendeStatus extends ActieGeweigerd {
        OnbekendeStatus(String otStatus) {
            super("de OT-status '" + otStatus + "' van de melding is geen status van de levensloop; zet haar in OT"
                    + " recht of vraag de beheerder");
        }
    }

    private static final Map<Status, Map<Stap, Status>> TOEGESTAAN = new EnumMap<>(Status.class);

    static {
        for (Status s : Status.values()) {
            TOEGESTAAN.put(s, new EnumMap<>(Stap.class));
        }
        TOEGESTAAN.get(Status.NIEUW).put(Stap.INDIENEN, Status.INGEDIEND);
        TOEGESTAAN.get(Status.INGEDIEND).put(Stap.ACCEPTEREN, Status.LOPEND);
        TOEGESTAAN.get(Status.INGEDIEND).put(Stap.TERUGZETTEN, Status.TERUGGEZET);
        TOEGESTAAN.get(Status.TERUGGEZET).put(Stap.OPNIEUW_INDIENEN, Status.INGEDIEND);
        TOEGESTAAN.get(Status.LOPEND).put(Stap.AFRONDEN, Status.AFGEROND);
    }

    private Levensloop() {
    }

    /** What the lifecycle answers to an OT event. */
    public enum Uitkomst {
        /** Not yet: our (re)submission is still on its way to OT and SPPOH's answer is to it; next round. */
        WACHTEN,
        /** The step is not allowed: nothing changes, the event is kept with {@link Overgang#reden()}. */
        GEWEIGERD,
        /** The melding goes to {@link Overgang#naar()} (null: its state stays) with {@link Overgang#gevolgen()}. */
        TOEGEPAST
    }

    /** The melding's terugzetreden after the step. */
    public enum Terugzetreden {
        /** Accepted: no longer returned. */
        WISSEN,
        /** Returned: SPPOH's reason in the event. */
        VAN_GEBEURTENIS,
        HOUDEN
    }

    /** What else a step brings with it, in the event's transaction, in this order. */
    public enum Gevolg {
        /** Remember which OT form fields the LAS left empty, to resubmit once a later export fills them. */
        LEGE_VELDEN_ONTHOUDEN,
        /** The contactpersoon's mail that SPPOH accepted the melding. */
        MAIL_GEACCEPTEERD,
        /** The contactpersoon's mail that SPPOH returned it, with SPPOH's reason. */
        MAIL_TERUGGEZET
    }

    /**
     * What an OT event does.
     *
     * @param naar     the new state; null when it stays
     * @param reden    why the step was refused (GEWEIGERD), else null
     * @param resultaat what was done, in Dutch, for the event's record
     */
    public record Overgang(Uitkomst uitkomst, Status naar, Terugzetreden terugzetreden, List<Gevolg> gevolgen,
                           String reden, String resultaat) {

        static Overgang wachten() {
            return new Overgang(Uitkomst.WACHTEN, null, Terugzetreden.HOUDEN, List.of(), null, null);
        }

        static Overgang geweigerd(String reden) {
            return new Overgang(Uitkomst.GEWEIGERD, null, Terugzetreden.HOUDEN, List.of(), reden, null);
        }

        static Overgang naar(Status naar, Terugzetreden terugzetreden, String resultaat, Gevolg... gevolgen) {
            return new Overgang(Uitkomst.TOEGEPAST, naar, terugzetreden, List.of(gevolgen), null, resultaat);
        }
    }

    /**
     * The step function of an OT event: pure, the melding's OT status and the event in, the lifecycle's answer out.
     * SPPOH only decides on a submitted traject: a decision that finds the melding NIEUW or TERUGGEZET waits while
     * our (re)submission is on its way ({@code indienenOnderweg}); with none of ours on its way the school submitted
     * it in OT itself (e.g. after OT refused ours with 422), and OT is the source of truth. GEWIJZIGD changes no
     * state. A state that is no Trajectstatus, or a step the lifecycle does not allow, is refused with its reason.
     *
     * @param otStatus the melding's OT status as stored (null: NIEUW)
     * @param type     the event's type (GEACCEPTEERD, TERUGGEZET, AFGEROND, GEWIJZIGD)
     */
    public static Overgang bijGebeurtenis(String otStatus, String type, boolean indienenOnderweg) {
        Stap stap = Stap.vanGebeurtenis(type);
        Status van;
        try {
            van = Status.van(otStatus);
        } catch (OnbekendeStatus fout) {
            return Overgang.geweigerd(fout.getMessage());
        }
        boolean sppohBeslist = stap == Stap.ACCEPTEREN || stap == Stap.TERUGZETTEN;
        if (sppohBeslist && (van == Status.NIEUW || van == Status.TERUGGEZET)) {
            if (indienenOnderweg) {
                return Overgang.wachten();
            }
            van = Status.INGEDIEND;
        }
        if (stap == null) {
            return Overgang.naar(null, Terugzetreden.HOUDEN, "gewijzigd; geen actie");
        }
        if (!mag(van, stap)) {
            return Overgang.geweigerd(new OngeldigeStap(van, stap, waarom(van, stap)).getMessage());
        }
        Status naar = na(van, stap);
        return switch (stap) {
            case ACCEPTEREN -> Overgang.naar(naar, Terugzetreden.WISSEN, "melding lopend; mail aan contactpersoon",
                    Gevolg.MAIL_GEACCEPTEERD);
            case TERUGZETTEN -> Overgang.naar(naar, Terugzetreden.VAN_GEBEURTENIS,
                    "melding teruggezet; mail aan contactpersoon", Gevolg.LEGE_VELDEN_ONTHOUDEN,
                    Gevolg.MAIL_TERUGGEZET);
            case AFRONDEN -> Overgang.naar(naar, Terugzetreden.HOUDEN, "melding afgerond");
            case INDIENEN, OPNIEUW_INDIENEN -> throw new IllegalStateException("geen stap van een gebeurtenis: " + stap);
        };
    }

    /** The state after {@code stap} from {@code van}; refuses an impossible step with its reason. */
    public static Status na(Status van, Stap stap) {
        Status naar = TOEGESTAAN.get(van).get(stap);
        if (naar == null) {
            throw new OngeldigeStap(van, stap, waarom(van, stap));
        }
        return naar;
    }

    public static boolean mag(Status van, Stap stap) {
        return TOEGESTAAN.get(van).containsKey(stap);
    }

    /**
     * Why a running-melding change is refused in this state, or null when it is allowed. Statusperioden,
     * interventies, percentages onderwijs and logboek entries belong to a lopende melding only: interventies "zodra
     * de melding door SPPOH is geaccepteerd" (seed 000), and after afronding nothing changes.
     */
    public static String waaromNietBijwerken(Status status) {
        return switch (status) {
            case LOPEND -> null;
            case NIEUW -> "de melding is nog niet ingediend bij SPPOH; bijwerken kan pas als SPPOH haar accepteerde";
            case INGEDIEND -> "SPPOH heeft de melding nog niet geaccepteerd; bijwerken kan pas bij een lopende melding";
            case TERUGGEZET -> "de melding is teruggezet door SPPOH; dien haar eerst opnieuw in";
            case AFGEROND -> "de melding is afgerond (klaar om te archiveren); er verandert niets meer aan";
        };
    }

    private static String waarom(Status van, Stap stap) {
        if (van == Status.AFGEROND) {
            return "de melding is afgerond (klaar om te archiveren); er volgt geen stap meer";
        }
        return switch (stap) {
            case INDIENEN -> van == Status.TERUGGEZET
                    ? "een teruggezette melding wordt opnieuw ingediend, niet voor het eerst"
                    : "alleen een nieuwe melding wordt voor het eerst ingediend; deze is " + tekst(van);
            case OPNIEUW_INDIENEN -> "alleen een teruggezette melding wordt opnieuw ingediend; deze is " + tekst(van);
            case ACCEPTEREN, TERUGZETTEN -> "SPPOH beslist alleen over een ingediende melding; deze is " + tekst(van);
            case AFRONDEN -> "alleen een lopende (door SPPOH geaccepteerde) melding wordt afgerond; deze is "
                    + tekst(van);
        };
    }

    private static String tekst(Status status) {
        return status.tekst();
    }
}
