package nl.verzuim.connector.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code connector.levensloop.*}. */
@Configuration
@EnableConfigurationProperties(LevensloopInstellingen.class)
public class LevensloopConfiguratie {
}
