package nl.verzuim.connector.leerling;

/** Geslacht as OT names it. OSO and EDEXML code it differently (OSO: 1 vrouw, 2 man; EDEXML/ISO 5218: 1 man, 2 vrouw). */
public enum Geslacht {
    MAN, VROUW, ONBEKEND;

    /** OSO codelijst 14: 0 onbekend, 1 vrouw, 2 man. */
    public static Geslacht vanOsoCode(String code) {
        return switch (code == null ? "" : code.trim()) {
            case "1" -> VROUW;
            case "2" -> MAN;
            default -> ONBEKEND;
        };
    }

    /** EDEXML (NEN-ISO 5218): 0 onbekend, 1 jongen, 2 meisje, 9 niet van toepassing. */
    public static Geslacht vanEdexmlCode(String code) {
        return switch (code == null ? "" : code.trim()) {
            case "1" -> MAN;
            case "2" -> VROUW;
            default -> ONBEKEND;
        };
    }
}
