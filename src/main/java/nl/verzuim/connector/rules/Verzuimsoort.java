package nl.verzuim.connector.rules;

/** DUO's verzuimsoorten, named as in the WSDL ({@code tns:Verzuimsoort}). */
public enum Verzuimsoort implements Soort {
    /** 16 uur ongeoorloofd in 4 opeenvolgende lesweken. */
    RELATIEF_16_UUR,
    /** Langdurig relatief verzuim: 28 kalenderdagen aaneengesloten, onder 18. */
    LANGDURIG_RELATIEF,
    /** Vakantie buiten de schoolvakanties zonder verlof. */
    LUXE,
    /** Below the legal threshold; only ever filed by a person, never decided by the rules. */
    OVERIG,
    /** 18 up to 23 without startkwalificatie, 28 days continuously absent. */
    RMC;

    @Override
    public Kanaal kanaal() {
        return Kanaal.DUO;
    }
}
