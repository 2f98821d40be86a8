/**
 * The schools this connector serves, read once at start-up from the schools file: each
 * {@link nl.verzuim.connector.school.School} with its calendar (laid out once, held for every pupil and route) and
 * the CSV profile ({@link nl.verzuim.connector.school.LasProfiel}) its LAS exports with.
 */
@ApplicationModule(allowedDependencies = {"rules"})
package nl.verzuim.connector.school;

import org.springframework.modulith.ApplicationModule;
