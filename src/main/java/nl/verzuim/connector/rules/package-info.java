/**
 * The law and the region's rules on verzuim, as plain Java: the school calendar, leerplicht and age,
 * the DUO decision tree (16 uur in 4 lesweken, LRV, luxe, RMC), illness signals (ZAS), the OT
 * categories, and the signals of a school's own attendance policy ({@link nl.verzuim.connector.rules.Signaalregel}). No framework import lives here: the same code judges the running connector's exports and
 * the {@code beoordeel} command, and its tests are tables of cases from the domain reference.
 */
package nl.verzuim.connector.rules;
