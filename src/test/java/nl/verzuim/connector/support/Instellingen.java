package nl.verzuim.connector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * The connector's settings as it binds them, without starting it: the packaged {@code application.yml} (where every
 * default lives) with a test's own settings on top.
 */
public final class Instellingen {

    private Instellingen() {
    }

    public static ConnectorInstellingen van(Map<String, Object> eigen) {
        List<ConfigurationPropertySource> bronnen = new ArrayList<>();
        bronnen.add(new MapConfigurationPropertySource(eigen));
        try {
            for (PropertySource<?> bron : new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"))) {
                bronnen.add(ConfigurationPropertySource.from(bron));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(bronnen).bind("connector", ConnectorInstellingen.class).get();
    }
}
