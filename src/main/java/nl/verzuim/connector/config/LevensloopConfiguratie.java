package nl.verzuim.connector.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code connector.levensloop.*} and the privacy settings ({@code connector.bewaartermijn}, …). */
@Configuration
@EnableConfigurationProperties({LevensloopInstellingen.class, PrivacyInstellingen.class})
public class LevensloopConfiguratie {
}
