package nl.verzuim.connector.rules;

import java.time.LocalDate;

/** Deadlines that follow from a decision. */
public final class Termijnen {

    /** DUO: "onverwijld", in practice within 5 school days after the rule first held. */
    public static final int DUO_MELDTERMIJN_SCHOOLDAGEN = 5;

    private Termijnen() {
    }

    /** The last day a DUO melding decided on {@code beslotenOp} may be sent in time. */
    public static LocalDate uitersteMelddatumDuo(Schoolkalender kalender, LocalDate beslotenOp) {
        LocalDate uiterste = kalender.schooldagenNa(beslotenOp, DUO_MELDTERMIJN_SCHOOLDAGEN);
        return uiterste != null ? uiterste : beslotenOp.plusDays(7);
    }
}
