package nl.verzuim.connector.rules;

/** The meaning of an absence registration, as the {@code standaard} LAS profile names it (las-input.md §2). */
public enum Afwezigheidscode {
    /** ongeoorloofd afwezig (spijbelen). */
    ONG,
    /** te laat; late minutes add up to the 16 hours. */
    TL,
    /** vakantie buiten de schoolvakanties zonder verlof. */
    LUX,
    /** ziek. */
    ZK,
    /** dokter, tandarts, ziekenhuis. */
    MED,
    /** verlof verleend. */
    VRL,
    /** schorsing. */
    SCH,
    /** religieuze feestdag. */
    REL,
    /** uit de les gestuurd: the pupil is present. */
    UIT;

    /** The meaning in the words an uitleg uses, e.g. "te laat (TL)". */
    public String omschrijving() {
        return switch (this) {
            case ONG -> "ongeoorloofd afwezig";
            case TL -> "te laat";
            case LUX -> "luxe verzuim";
            case ZK -> "ziek";
            case MED -> "medisch";
            case VRL -> "verlof";
            case SCH -> "schorsing";
            case REL -> "religieuze feestdag";
            case UIT -> "uit de les gestuurd";
        } + " (" + name() + ")";
    }

    /** Counts towards the 16 hours and towards OT categorie A. */
    public boolean isOngeoorloofd() {
        return this == ONG || this == TL;
    }

    /** Illness in the sense of OT categorie B (ziek or medisch). */
    public boolean isZiekteOfMedisch() {
        return this == ZK || this == MED;
    }

    /** Any code that means the pupil was not in class. */
    public boolean isAfwezig() {
        return this != UIT;
    }
}
