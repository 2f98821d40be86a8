/**
 * The {@code beoordeel} command: reads export files as the inbox would and prints the rules' decisions as JSON
 * lines, without starting the connector, storing or sending anything.
 */
@ApplicationModule(allowedDependencies = {"intake", "leerling", "school", "rules"})
package nl.verzuim.connector.beoordeel;

import org.springframework.modulith.ApplicationModule;
