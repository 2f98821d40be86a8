package nl.verzuim.connector.config;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the routes refer to by name. */
@Configuration
public class CamelConfiguratie {

    /**
     * Files read from the inbox, remembered in the database (not Camel's 1,000-entry in-memory default), so that
     * the same file dropped again is not read twice, across restarts. The table is created by Flyway.
     */
    @Bean
    public JdbcMessageIdRepository verwerkteBestanden(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "inbox");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
