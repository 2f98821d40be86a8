/**
 * The life of an OT melding after it was filed (domain §4): the state machine and its pure step function for OT's
 * events ({@link nl.verzuim.connector.levensloop.Levensloop}), resubmitting and changing a running melding
 * ({@link nl.verzuim.connector.levensloop.LevensloopService}), keeping it current from the LAS
 * ({@link nl.verzuim.connector.levensloop.LopendeMeldingBijhouden}), and the OT calls this decides, waiting in the
 * outbox as the lifecycle's own records ({@link nl.verzuim.connector.levensloop.OtOpdracht}). It does not know the OT
 * client: the OT module delivers and applies.
 */
@ApplicationModule(allowedDependencies = {"melding", "outbox", "school", "leerling", "rules"})
package nl.verzuim.connector.levensloop;

import org.springframework.modulith.ApplicationModule;
