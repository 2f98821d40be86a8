package nl.verzuim.connector.leerling;

/** A Dutch address. Personal data: {@link #toString()} names no part of it. */
public record Adres(String straat, String huisnummer, String toevoeging, String postcode, String plaats,
                    String gemeente) {

    /** Whether DUO and OT could use it: street, number, postcode and town are all there. */
    public boolean isVolledig() {
        return notBlank(straat) && notBlank(huisnummer) && notBlank(postcode) && notBlank(plaats);
    }

    private static boolean notBlank(String waarde) {
        return waarde != null && !waarde.isBlank();
    }

    @Override
    public String toString() {
        return "Adres[" + (isVolledig() ? "volledig" : "onvolledig") + "]";
    }
}
