/**
 * The pupils as the LAS exports describe them, merged from all files ({@link nl.verzuim.connector.leerling.LeerlingGegevens},
 * stored by {@link nl.verzuim.connector.leerling.LeerlingRepository}), and their absence registrations
 * ({@link nl.verzuim.connector.leerling.RegistratieRepository}). Personal data lives here and in what is sent to DUO
 * and OT, nowhere else.
 */
@ApplicationModule(allowedDependencies = {"rules", "school"})
package nl.verzuim.connector.leerling;

import org.springframework.modulith.ApplicationModule;
