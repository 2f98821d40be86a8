/**
 * Privacy by design (AVG, domain §5): the access log of who opened which pupil's data
 * ({@link nl.verzuim.connector.privacy.Toegangslog}, pupils as a keyed-hash {@link nl.verzuim.connector.privacy.Pseudoniem}),
 * and the bewaartermijn: the daily clean-up that deletes a pupil's personal data everywhere once the term has passed
 * ({@link nl.verzuim.connector.privacy.Bewaartermijn}). It is the one place that knows every table and folder holding
 * personal data, and works on them with SQL and the file system only.
 */
@ApplicationModule(allowedDependencies = {})
package nl.verzuim.connector.privacy;

import org.springframework.modulith.ApplicationModule;
