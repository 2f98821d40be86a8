package nl.verzuim.connector.support;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The decoded text parts of a received mail, by MIME type (text/plain, text/html). */
public final class Mails {

    private Mails() {
    }

    public static Map<String, String> delen(Part mail) throws MessagingException, IOException {
        Map<String, String> delen = new LinkedHashMap<>();
        verzamel(mail, delen);
        return delen;
    }

    private static void verzamel(Part deel, Map<String, String> delen) throws MessagingException, IOException {
        Object inhoud = deel.getContent();
        if (inhoud instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart kind = multipart.getBodyPart(i);
                verzamel(kind, delen);
            }
        } else if (deel.isMimeType("text/plain")) {
            delen.put("text/plain", inhoud.toString());
        } else if (deel.isMimeType("text/html")) {
            delen.put("text/html", inhoud.toString());
        }
    }
}
