package nl.verzuim.connector.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the sandbox every endpoint and secret must be set by the school: the connector will not guess where DUO
 * or OT live. All missing settings are named at once, each with what to do ({@link OngeldigeInstellingen}). The same
 * check runs before the context starts ({@link VroegeInstellingenControle}), so a school sees one message only.
 */
@Component
public class InstellingenControle implements InitializingBean {

    private final ConnectorInstellingen instellingen;
    private final Environment omgeving;

    public InstellingenControle(ConnectorInstellingen instellingen, Environment omgeving) {
        this.instellingen = instellingen;
        this.omgeving = omgeving;
    }

    @Override
    public void afterPropertiesSet() {
        List<OngeldigeInstellingen.Probleem> problemen = problemen();
        if (!problemen.isEmpty()) {
            throw new OngeldigeInstellingen(problemen);
        }
    }

    /** What is missing; empty in the sandbox. */
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
        return ontbrekend;
    }

    private static void controleer(List<OngeldigeInstellingen.Probleem> ontbrekend, String naam, Object waarde,
                                   String wat) {
        if (waarde == null || waarde.toString().isBlank()) {
            ontbrekend.add(new OngeldigeInstellingen.Probleem(naam, "ontbreekt: geef " + wat));
        }
    }
}
