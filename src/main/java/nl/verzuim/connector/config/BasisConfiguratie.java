package nl.verzuim.connector.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock: with the schools ({@code school.SchoolConfiguratie}) one of the two inputs every decision depends on
 * besides the LAS data.
 */
@Configuration
@EnableConfigurationProperties(ConnectorInstellingen.class)
public class BasisConfiguratie {

    /**
     * The connector's clock. Time is an input: rules take a peildatum from this clock, never the system date
     * directly; {@code connector.klok-start} lets a demo or test start the clock at a chosen moment.
     */
    @Bean
    public Clock klok(ConnectorInstellingen instellingen) {
        Clock systeem = Clock.system(ZoneId.of(instellingen.tijdzone()));
        if (instellingen.klokStart() == null) {
            return systeem;
        }
        return Clock.offset(systeem, Duration.between(systeem.instant(), instellingen.klokStart().toInstant()));
    }
}
