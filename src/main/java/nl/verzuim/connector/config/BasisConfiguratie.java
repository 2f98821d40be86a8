package nl.verzuim.connector.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.verzuim.connector.sandbox.SandboxBestanden;
import nl.verzuim.connector.school.SchoolconfiguratieFout;
import nl.verzuim.connector.school.SchoolconfiguratieLezer;
import nl.verzuim.connector.school.Scholen;

/** The clock and the schools: the two inputs every decision depends on besides the LAS data. */
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

    /**
     * Read once at start-up, with the CSV profiles the schools name: an error (an unknown key, a profile that does
     * not exist) names the file and line, and the connector does not start.
     */
    @Bean
    public Scholen scholen(ConnectorInstellingen instellingen, ObjectProvider<SandboxBestanden> sandbox) {
        sandbox.ifAvailable(SandboxBestanden::klaar);
        if (instellingen.schools() == null) {
            throw new SchoolconfiguratieFout("Instelling connector.schools ontbreekt: geef het pad van de"
                    + " schoolconfiguratie (zie README, 'Instellingen')");
        }
        return SchoolconfiguratieLezer.lees(instellingen.schools(), instellingen.lasProfielen());
    }
}
