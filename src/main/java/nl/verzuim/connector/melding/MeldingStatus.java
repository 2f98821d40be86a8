package nl.verzuim.connector.melding;

/** Where a melding stands on the connector's side (the receiver's own status is kept beside it). */
public enum MeldingStatus {
    /** The LAS data does not yet have what the receiver needs; the missing fields are named. */
    ONVOLLEDIG,
    /** The school chose {@code verzenden: na_goedkeuring}: a person approves before it leaves. */
    WACHT_OP_GOEDKEURING,
    /**
     * The school chose {@code ot_indienen: na_aanvulling}: the OT traject is prepared with what the LAS knows and
     * waits in the connector (OT has no call to change a traject once opened) until a person adds hoofdoorzaak,
     * SPPOH-adviseur, toelichting and wachtlijst and submits it.
     */
    WACHT_OP_AANVULLING,
    /** In the outbox, being delivered (with retries). */
    TE_VERZENDEN,
    /** The receiver has it. */
    VERZONDEN,
    /** A final fault: a dead letter a person must act on. */
    MISLUKT,
    /** Withdrawn at DUO by a person. */
    INGETROKKEN,
    /** A signal for the school only; nothing is sent. */
    GESIGNALEERD,
    /** A signal the school has talked about (a person marked it; the audit names who): off the page's attention block. */
    BESPROKEN,
    /**
     * Not sent, and never to be: a later LAS export took its basis away before it left (the audit names the file).
     */
    VERVALLEN,
    /**
     * Decided before the school's go-live ({@code meldingen_vanaf}): shown, counted in no deadline, sent only when a
     * person sends it (the approval path).
     */
    HISTORISCH
}
