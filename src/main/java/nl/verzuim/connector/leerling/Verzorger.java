package nl.verzuim.connector.leerling;

/** A parent or carer as the LAS knows them. Personal data: {@link #toString()} names nothing. */
public record Verzorger(String voornamen, String voorletters, String voorvoegsel, String achternaam, Geslacht geslacht,
                        String relatie, Boolean wettelijkVertegenwoordiger, Adres adres, String telefoon,
                        String email) {

    @Override
    public String toString() {
        return "Verzorger[" + (relatie == null ? "?" : relatie) + "]";
    }
}
