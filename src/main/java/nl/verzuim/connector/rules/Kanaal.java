package nl.verzuim.connector.rules;

/** Where a decision goes: a DUO verzuimmelding, an OT melding zorgwekkend verzuim, or a signal for the school. */
public enum Kanaal {
    DUO, OT, SIGNAAL
}
