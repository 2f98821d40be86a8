package nl.verzuim.connector.rules;

/** OT categorie zorgwekkend verzuim, named as in the OT API ({@code Categorie}). */
public enum Categorie implements Soort {
    /** Langdurig relatief verzuim: more than half ongeoorloofd absent over 4 lesweken. */
    A_LANGDURIG_RELATIEF_VERZUIM,
    /** Langdurig (geoorloofd) verzuim, risicoleerling: half or more absent through illness. */
    B_LANGDURIG_GEOORLOOFD_VERZUIM;

    @Override
    public Kanaal kanaal() {
        return Kanaal.OT;
    }
}
