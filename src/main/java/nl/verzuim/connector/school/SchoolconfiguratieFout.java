package nl.verzuim.connector.school;

/** The schools file cannot be used; the message names the file, the line and the key. */
public class SchoolconfiguratieFout extends RuntimeException {

    public SchoolconfiguratieFout(String bericht) {
        super(bericht);
    }

    public SchoolconfiguratieFout(String bericht, Throwable oorzaak) {
        super(bericht, oorzaak);
    }
}
