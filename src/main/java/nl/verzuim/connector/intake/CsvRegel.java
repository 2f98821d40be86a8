package nl.verzuim.connector.intake;

import nl.verzuim.connector.rules.Registratie;

/** One accepted line of a verzuimregistraties CSV: whose registration, and where it came from. */
public record CsvRegel(String leerlingId, Registratie registratie, int regel) {

    @Override
    public String toString() {
        return "CsvRegel[" + leerlingId + " regel " + regel + "]";
    }
}
