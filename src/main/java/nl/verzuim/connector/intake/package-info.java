/**
 * Reading what the LAS exports: OSO dossiers and EDEXML (who the pupils are; {@code intake.xml}, validated in one
 * streaming pass) and verzuimregistraties CSV (when they were absent; {@code intake.csv}, by per-LAS profiles).
 * Readers are plain Java and stream their input; {@link nl.verzuim.connector.intake.Exportlezer} is what the inbox and
 * the {@code beoordeel} command read a file with, and {@link nl.verzuim.connector.intake.IntakeService} stores what
 * it accepts and has it judged, in one transaction. Rejected input goes to the
 * {@link nl.verzuim.connector.intake.Quarantaine} with a report.
 */
@ApplicationModule(allowedDependencies = {"melding", "leerling", "school", "rules"})
package nl.verzuim.connector.intake;

import org.springframework.modulith.ApplicationModule;
