/**
 * The connector's state in a relational database (H2 embedded by default, PostgreSQL supported), through plain
 * Spring JDBC. One set of Flyway migrations serves both; the few statements that differ are chosen by
 * {@link nl.verzuim.connector.persistence.Dialect}.
 */
package nl.verzuim.connector.persistence;
