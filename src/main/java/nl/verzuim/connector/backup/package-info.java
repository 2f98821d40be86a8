/**
 * The {@code backup} command: a consistent copy of the embedded H2 database (H2's {@code BACKUP TO}, taken while the
 * connector runs) and of the data folders. PostgreSQL is backed up with {@code pg_dump} (src/docs/operating.md).
 */
@ApplicationModule(allowedDependencies = {})
package nl.verzuim.connector.backup;

import org.springframework.modulith.ApplicationModule;
