package nl.verzuim.connector.config;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The settings as the connector would read them (command line, environment, application.yml beside the jar, the
 * packaged defaults and the sandbox profile), for the commands that do not start it: {@code controleer},
 * {@code backup}.
 */
public final class Opdrachtomgeving {

    private Opdrachtomgeving() {
    }

    public static ConfigurableEnvironment van(String[] args) {
        StandardEnvironment omgeving = new StandardEnvironment();
        omgeving.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        ConfigDataEnvironmentPostProcessor.applyTo(omgeving);
        ConfigurationPropertySources.attach(omgeving);
        return omgeving;
    }
}
