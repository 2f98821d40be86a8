package nl.verzuim.connector.mail;

/** One mail in the outbox, ready to send. */
public record MailBericht(long id, String sleutel, String soort, String ontvanger, String onderwerp, String html,
                          String tekst, int pogingen) {

    @Override
    public String toString() {
        return "MailBericht[" + id + " " + soort + "]";
    }
}
