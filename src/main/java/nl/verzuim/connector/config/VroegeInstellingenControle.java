package nl.verzuim.connector.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the {@code connector.*} settings as soon as they are read, before anything starts: a school then gets one
 * message naming every missing setting and every value that cannot be read ({@link InstellingenFoutanalyse}) rather
 * than the first of them buried in the failure of a bean. Registered in {@code META-INF/spring.factories}; runs once
 * the configuration is read and before any bean is made.
 */
public class VroegeInstellingenControle implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent gebeurtenis) {
        controleer(gebeurtenis.getApplicationContext().getEnvironment());
    }

    public static void controleer(ConfigurableEnvironment omgeving) {
        List<OngeldigeInstellingen.Probleem> problemen = new ArrayList<>();
        Verzamelaar verzamelaar = new Verzamelaar(problemen);
        Binder binder = Binder.get(omgeving);
        ConnectorInstellingen instellingen = null;
        BeheerInstellingen beheer = null;
        try {
            instellingen = binder.bindOrCreate("connector", Bindable.of(ConnectorInstellingen.class), verzamelaar);
            beheer = binder.bindOrCreate("connector.beheer", Bindable.of(BeheerInstellingen.class), verzamelaar);
        } catch (RuntimeException e) {
            // a value left unread made a record impossible to build: the unreadable values are already collected
            if (problemen.isEmpty()) {
                throw e;
            }
        }
        if (instellingen != null) {
            problemen.addAll(0, new InstellingenControle(instellingen, beheer, omgeving).problemen());
        }
        if (!problemen.isEmpty()) {
            throw new OngeldigeInstellingen(problemen);
        }
    }

    /** Goes on after a value that cannot be read, so that every such value is named, not only the first. */
    private static final class Verzamelaar extends AbstractBindHandler {
        private final List<OngeldigeInstellingen.Probleem> problemen;

        Verzamelaar(List<OngeldigeInstellingen.Probleem> problemen) {
            this.problemen = problemen;
        }

        @Override
        public Object onFailure(ConfigurationPropertyName naam, Bindable<?> doel, BindContext context, Exception fout) {
            String bron = context.getConfigurationProperty() == null
                    || context.getConfigurationProperty().getOrigin() == null ? ""
                    : " (gezet in " + context.getConfigurationProperty().getOrigin() + ")";
            problemen.add(new OngeldigeInstellingen.Probleem(naam.toString(),
                    "onleesbare waarde" + bron + ": verwacht " + verwacht(doel.getType().resolve(Object.class))));
            return null;
        }

        private static String verwacht(Class<?> type) {
            if (type == java.time.Duration.class) {
                return "een duur, bv. 30s, 15m, 1h of PT15M";
            }
            if (type == org.springframework.util.unit.DataSize.class) {
                return "een grootte, bv. 500MB of 1GB";
            }
            if (type == java.time.OffsetDateTime.class) {
                return "een tijdstip, bv. 2026-09-01T08:00:00+02:00";
            }
            if (type == int.class || type == Integer.class || type == long.class) {
                return "een geheel getal";
            }
            if (type == boolean.class || type == Boolean.class) {
                return "true of false";
            }
            return "een waarde van de soort " + type.getSimpleName();
        }
    }
}
