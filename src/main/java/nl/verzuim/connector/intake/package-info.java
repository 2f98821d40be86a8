/**
 * Reading what the LAS exports: OSO dossiers and EDEXML (who the pupils are) and verzuimregistraties CSV (when
 * they were absent), validated and mapped by per-LAS profiles. Readers are plain Java and stream their input; the
 * {@link nl.verzuim.connector.intake.IntakeService} stores what they accept and has it judged, in one transaction.
 */
package nl.verzuim.connector.intake;
