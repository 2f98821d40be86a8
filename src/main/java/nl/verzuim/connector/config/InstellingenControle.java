package nl.verzuim.connector.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the sandbox every endpoint and secret must be set by the school: the connector will not guess where DUO
 * or OT live. All missing settings are named at once, each with what to do ({@link OngeldigeInstellingen}). The same
 * check runs before the context starts ({@link VroegeInstellingenControle}), so a school sees one message only.
 * Secrets must also be strong enough: the webhook secret is the only thing between the internet and a forged OT
 * event, so it needs {@link #MIN_WEBHOOK_GEHEIM} characters of several kinds; an operator password is stored as a
 * bcrypt hash, whose strength cannot be seen, but whose cost (how slow a guess is) can: at least
 * {@code connector.beheer.min-kosten}.
 */
@Component
public class InstellingenControle implements InitializingBean {

    /** 32 characters: as long as the 256-bit HMAC key written in hex would be half of (openssl rand -hex 32 gives 64). */
    public static final int MIN_WEBHOOK_GEHEIM = 32;
    private static final int MIN_VERSCHILLENDE_TEKENS = 10;
    private static final Pattern BCRYPT_KOSTEN = Pattern.compile("\\A\\$2[aby]?\\$(\\d\\d)\\$");

    private final ConnectorInstellingen instellingen;
    private final BeheerInstellingen beheer;
    private final Environment omgeving;

    public InstellingenControle(ConnectorInstellingen instellingen, BeheerInstellingen beheer, Environment omgeving) {
        this.instellingen = instellingen;
        this.beheer = beheer;
        this.omgeving = omgeving;
    }

    @Override
    public void afterPropertiesSet() {
        List<OngeldigeInstellingen.Probleem> problemen = problemen();
        if (!problemen.isEmpty()) {
            throw new OngeldigeInstellingen(problemen);
        }
    }

    /** What is too weak, in words for the school; never the secret or hash itself. */
    static List<String> zwakkeGeheimen(String webhookGeheim, BeheerInstellingen beheer, int minKosten) {
        List<String> zwak = new ArrayList<>();
        if (webhookGeheim != null) {
            int lengte = webhookGeheim.codePointCount(0, webhookGeheim.length());
            long verschillend = webhookGeheim.codePoints().distinct().count();
            if (lengte < MIN_WEBHOOK_GEHEIM || verschillend < MIN_VERSCHILLENDE_TEKENS) {
                zwak.add("connector.ot.webhook-secret is " + lengte + " tekens met " + verschillend
                        + " verschillende; nodig zijn minstens " + MIN_WEBHOOK_GEHEIM + " tekens met "
                        + MIN_VERSCHILLENDE_TEKENS + " verschillende (maak er een met 'openssl rand -hex 32' en"
                        + " geef OT hetzelfde)");
            }
        }
        for (int i = 0; i < beheer.accounts().size(); i++) {
            String hash = beheer.accounts().get(i).hash();
            Matcher kosten = BCRYPT_KOSTEN.matcher(hash == null ? "" : hash.trim());
            if (kosten.find() && Integer.parseInt(kosten.group(1)) < minKosten) {
                zwak.add("connector.beheer.accounts[" + i + "].hash heeft bcrypt-kosten " + kosten.group(1)
                        + "; minstens " + minKosten + " (maak de hash opnieuw, bijvoorbeeld met 'htpasswd -bnBC 12"
                        + " \"\" wachtwoord')");
            }
        }
        return zwak;
    }

    /** What is missing or too weak; empty in the sandbox. */
    public List<OngeldigeInstellingen.Probleem> problemen() {
        List<OngeldigeInstellingen.Probleem> ontbrekend = new ArrayList<>();
        if (instellingen.sandbox()) {
            return ontbrekend;
        }
        controleer(ontbrekend, "connector.schools", instellingen.schools(),
                "het pad naar het scholenbestand (YAML, las-input.md §3)");
        controleer(ontbrekend, "connector.duo.endpoint", instellingen.duo().endpoint(),
                "de URL van DUO's verzuimmelding-service (SOAP)");
        controleer(ontbrekend, "connector.duo.ontvanger-oin", instellingen.duo().ontvangerOin(),
                "het OIN van DUO als ontvanger (staat in DUO's aansluitgegevens)");
        controleer(ontbrekend, "connector.ot.base-url", instellingen.ot().baseUrl(),
                "de basis-URL van de OT-API");
        controleer(ontbrekend, "connector.ot.client-id", instellingen.ot().clientId(),
                "de OAuth2 client-id die OT voor deze school gaf");
        controleer(ontbrekend, "connector.ot.client-secret", instellingen.ot().clientSecret(),
                "het OAuth2 client-secret dat OT gaf (bij voorkeur in de omgeving: CONNECTOR_OT_CLIENT_SECRET)");
        controleer(ontbrekend, "connector.ot.webhook-secret", instellingen.ot().webhookSecret(),
                "het gedeelde geheim van OT's webhook (CONNECTOR_OT_WEBHOOK_SECRET)");
        controleer(ontbrekend, "spring.mail.host", omgeving.getProperty("spring.mail.host"),
                "de SMTP-server voor de mails aan de school (en spring.mail.port)");
        controleer(ontbrekend, "connector.mail.from", instellingen.mail().from(),
                "het afzenderadres van de mails");
        if (beheer != null) {
            for (String zwak : zwakkeGeheimen(instellingen.ot().webhookSecret(), beheer, beheer.minKosten())) {
                int spatie = zwak.indexOf(' ');
                ontbrekend.add(new OngeldigeInstellingen.Probleem(zwak.substring(0, spatie),
                        "te zwak: " + zwak.substring(spatie + 1) + " (src/docs/operating.md, 'Security')"));
            }
        }
        return ontbrekend;
    }

    private static void controleer(List<OngeldigeInstellingen.Probleem> ontbrekend, String naam, Object waarde,
                                   String wat) {
        if (waarde == null || waarde.toString().isBlank()) {
            ontbrekend.add(new OngeldigeInstellingen.Probleem(naam, "ontbreekt: geef " + wat));
        }
    }
}
