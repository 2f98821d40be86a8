package nl.verzuim.connector.leerling;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;

/**
 * Absence registrations, one row per (pupil, datum, begintijd, code): the same registration in two overlapping
 * exports is stored once, and the later one replaces the earlier (its volgnummer moves up). Large files are stored
 * in JDBC batches, inside the intake's one transaction per file.
 */
@Repository
public class RegistratieRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Dialect dialect;

    public RegistratieRepository(JdbcClient jdbc, JdbcTemplate batch, Dialect dialect) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dialect = dialect;
    }

    /** One registration to store: whose, what, and the file and line it came from. */
    public record Rij(String brin, String vestiging, String leerlingId, Registratie registratie, String bestand,
                      int regel) {
        @Override
        public String toString() {
            return "Rij[" + brin + vestiging + "/" + leerlingId + " " + bestand + ":" + regel + "]";
        }
    }

    public void bewaar(String brin, String vestiging, String leerlingId, Registratie r, String bestand, int regel) {
        bewaarAlle(List.of(new Rij(brin, vestiging, leerlingId, r, bestand, regel)));
    }

    /** Stores registrations in one JDBC batch, in order: of two with the same key the later one stays. */
    public void bewaarAlle(List<Rij> rijen) {
        if (rijen.isEmpty()) {
            return;
        }
        batch.batchUpdate(upsert(), rijen, rijen.size(), (ps, rij) -> {
            Registratie r = rij.registratie();
            ps.setString(1, rij.brin());
            ps.setString(2, rij.vestiging());
            ps.setString(3, rij.leerlingId());
            ps.setDate(4, Date.valueOf(r.datum()));
            ps.setString(5, r.begintijd() == null ? "" : r.begintijd().toString());
            ps.setString(6, r.code().name());
            ps.setString(7, r.eindtijd() == null ? null : r.eindtijd().toString());
            if (r.minuten() == null) {
                ps.setNull(8, Types.INTEGER);
            } else {
                ps.setInt(8, r.minuten());
            }
            ps.setString(9, r.omschrijving() == null ? null
                    : r.omschrijving().length() > 500 ? r.omschrijving().substring(0, 500) : r.omschrijving());
            ps.setString(10, rij.bestand().length() > 255 ? rij.bestand().substring(0, 255) : rij.bestand());
            ps.setInt(11, rij.regel());
        });
    }

    private String upsert() {
        return dialect.isPostgres() ? """
                insert into registratie (brin, vestiging, leerling_id, datum, begintijd, code, eindtijd, minuten,
                    omschrijving, volgnummer, bron_bestand, bron_regel)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('registratie_volgnummer'), ?, ?)
                on conflict (brin, vestiging, leerling_id, datum, begintijd, code) do update set
                    eindtijd = excluded.eindtijd, minuten = excluded.minuten, omschrijving = excluded.omschrijving,
                    volgnummer = excluded.volgnummer, bron_bestand = excluded.bron_bestand, bron_regel = excluded.bron_regel
                """ : """
                merge into registratie (brin, vestiging, leerling_id, datum, begintijd, code, eindtijd, minuten,
                    omschrijving, volgnummer, bron_bestand, bron_regel)
                key (brin, vestiging, leerling_id, datum, begintijd, code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, next value for registratie_volgnummer, ?, ?)
                """;
    }

    /** A pupil's registrations in order of arrival. */
    public List<Registratie> voorLeerling(String brin, String vestiging, String leerlingId) {
        return jdbc.sql("""
                select datum, begintijd, eindtijd, minuten, code, omschrijving from registratie
                where brin = ? and vestiging = ? and leerling_id = ? order by volgnummer""")
                .params(brin, vestiging, leerlingId)
                .query((rs, n) -> new Registratie(rs.getObject("datum", LocalDate.class),
                        tijd(rs.getString("begintijd")), tijd(rs.getString("eindtijd")),
                        (Integer) rs.getObject("minuten"), Afwezigheidscode.valueOf(rs.getString("code")),
                        rs.getString("omschrijving")))
                .list();
    }

    private static LocalTime tijd(String waarde) {
        return waarde == null || waarde.isEmpty() ? null : LocalTime.parse(waarde);
    }
}
