package nl.verzuim.connector.melding;

import java.util.EnumMap;
import java.util.Map;

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
 * which names the state, the step and why in Dutch (for the operator and the event's record). Changes to a running
 * melding (statusperiode, interventie, percentage onderwijs, logboek) are no step: {@link #waaromNietBijwerken}
 * says when they are refused.
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
