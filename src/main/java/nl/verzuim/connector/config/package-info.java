/**
 * What every module shares: the connector's settings ({@link nl.verzuim.connector.config.ConnectorInstellingen},
 * defaults in {@code application.yml}), the clock, the routes packaged in the jar or overridden beside it, and
 * {@link nl.verzuim.connector.config.Foutketen} for failures in logs. Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package nl.verzuim.connector.config;

import org.springframework.modulith.ApplicationModule;
