package nl.verzuim.connector.school;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import nl.verzuim.connector.config.ConnectorInstellingen;

/** The schools this connector serves: with the clock, the input every decision depends on besides the LAS data. */
@Configuration
public class SchoolConfiguratie {

    /**
     * Read once at start-up, with the CSV profiles the schools name: an error (an unknown key, a profile that does
     * not exist) names the file and line, and the connector does not start. After the check of the settings: a school
     * without connector.schools hears every missing setting at once (config.InstellingenControle).
     */
    @Bean
    @DependsOn("instellingenControle")
    public Scholen scholen(ConnectorInstellingen instellingen) {
        if (instellingen.schools() == null) {
            throw new SchoolconfiguratieFout("Instelling connector.schools ontbreekt: geef het pad van de"
                    + " schoolconfiguratie (zie src/docs/operating.md, 'Settings')");
        }
        return SchoolconfiguratieLezer.lees(instellingen.schools(), instellingen.lasProfielen());
    }
}
