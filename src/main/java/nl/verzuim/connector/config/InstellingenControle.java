package nl.verzuim.connector.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the sandbox every endpoint and secret must be set by the school: the connector will not guess where DUO
 * or OT live. All missing settings are named at once.
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
        if (instellingen.sandbox()) {
            return;
        }
        List<String> ontbrekend = new ArrayList<>();
        controleer(ontbrekend, "connector.schools", instellingen.schools());
        controleer(ontbrekend, "connector.duo.endpoint", instellingen.duo().endpoint());
        controleer(ontbrekend, "connector.duo.ontvanger-oin", instellingen.duo().ontvangerOin());
        controleer(ontbrekend, "connector.ot.base-url", instellingen.ot().baseUrl());
        controleer(ontbrekend, "connector.ot.client-id", instellingen.ot().clientId());
        controleer(ontbrekend, "connector.ot.client-secret", instellingen.ot().clientSecret());
        controleer(ontbrekend, "connector.ot.webhook-secret", instellingen.ot().webhookSecret());
        controleer(ontbrekend, "spring.mail.host", omgeving.getProperty("spring.mail.host"));
        controleer(ontbrekend, "connector.mail.from", instellingen.mail().from());
        if (!ontbrekend.isEmpty()) {
            throw new IllegalStateException("connector.sandbox=false, maar deze instellingen ontbreken: "
                    + String.join(", ", ontbrekend) + " (zie src/docs/operating.md, 'Settings')");
        }
    }

    private static void controleer(List<String> ontbrekend, String naam, Object waarde) {
        if (waarde == null || waarde.toString().isBlank()) {
            ontbrekend.add(naam);
        }
    }
}
