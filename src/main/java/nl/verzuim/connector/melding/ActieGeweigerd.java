package nl.verzuim.connector.melding;

/** An action on a melding that cannot be done now, with the reason in Dutch (never personal data). */
public class ActieGeweigerd extends RuntimeException {

    public ActieGeweigerd(String reden) {
        super(reden);
    }
}
