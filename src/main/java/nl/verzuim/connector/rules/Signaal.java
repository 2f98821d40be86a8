package nl.verzuim.connector.rules;

/** The national ZAS signals of worrying sick leave (ziekteverzuim als signaal). */
public enum Signaal implements Soort {
    /** The 4th ziekmelding within 12 weeks (84 days). */
    ZAS_4E_ZIEKMELDING_IN_12_WEKEN,
    /** The 7th consecutive school day sick. */
    ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN;

    @Override
    public Kanaal kanaal() {
        return Kanaal.SIGNAAL;
    }
}
