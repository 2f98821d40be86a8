package nl.verzuim.connector.persistence;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;

/**
 * Absence registrations, one row per (pupil, datum, begintijd, code): the same registration in two overlapping
 * exports is stored once, and the later one replaces the earlier (its volgnummer moves up).
 */
@Repository
public class RegistratieRepository {

    private final JdbcClient jdbc;
    private final Dialect dialect;

    public RegistratieRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public void bewaar(String brin, String vestiging, String leerlingId, Registratie r, String bestand, int regel) {
        String begintijd = r.begintijd() == null ? "" : r.begintijd().toString();
        String eindtijd = r.eindtijd() == null ? null : r.eindtijd().toString();
        String omschrijving = r.omschrijving() == null ? null
                : r.omschrijving().length() > 500 ? r.omschrijving().substring(0, 500) : r.omschrijving();
        String sql = dialect.isPostgres() ? """
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
        jdbc.sql(sql).params(brin, vestiging, leerlingId, r.datum(), begintijd, r.code().name(), eindtijd, r.minuten(),
                omschrijving, bestand, regel).update();
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
