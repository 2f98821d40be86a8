package nl.verzuim.connector.rules;

/**
 * What a registraties file replaces of the registrations held from earlier files (las-input.md §2, profile key
 * {@code vervangt}; domain §3 "An export speaks for its period"). See {@link Exportperiode}.
 */
public enum Vervangt {
    /** The default: for each school with lines in the file, everything held from its earliest to its latest datum. */
    SCHOOL,
    /** The same period, only for the pupils that have lines in the file. */
    LEERLINGEN,
    /** Nothing by period: a LAS that exports only changes, identified by their registratie_id. */
    NIETS
}
