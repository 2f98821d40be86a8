/**
 * What every module's repository shares: the SQL dialect. The connector's state lives in a relational database (H2
 * embedded by default, PostgreSQL supported) through plain Spring JDBC, with one set of Flyway migrations for both;
 * the few statements that differ are chosen by {@link nl.verzuim.connector.persistence.Dialect}. Each repository
 * lives with its feature (leerling, melding, outbox, levensloop, ot, intake).
 */
@ApplicationModule(allowedDependencies = {})
package nl.verzuim.connector.persistence;

import org.springframework.modulith.ApplicationModule;
