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
 * Absence registrations, one row per key within a school: the LAS's registratie_id where it gives one, else (pupil,
 * datum, begintijd, code). The same registration in two overlapping exports is stored once, and the later one
 * replaces the earlier (its volgnummer moves up); what a file no longer holds for its period goes
 * ({@link #vervangPeriode}). Large files are stored
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
            ps.setString(3, sleutel(rij.leerlingId(), r));
            ps.setString(4, r.registratieId());
            ps.setString(5, rij.leerlingId());
            ps.setDate(6, Date.valueOf(r.datum()));
            ps.setString(7, r.begintijd() == null ? "" : r.begintijd().toString());
            ps.setString(8, r.code().name());
            ps.setString(9, r.eindtijd() == null ? null : r.eindtijd().toString());
            if (r.minuten() == null) {
                ps.setNull(10, Types.INTEGER);
            } else {
                ps.setInt(10, r.minuten());
            }
            ps.setString(11, r.omschrijving() == null ? null
                    : r.omschrijving().length() > 500 ? r.omschrijving().substring(0, 500) : r.omschrijving());
            ps.setString(12, rij.bestand().length() > 255 ? rij.bestand().substring(0, 255) : rij.bestand());
            ps.setInt(13, rij.regel());
        });
    }

    /**
     * A registration's key within its school (V5_1): {@code i} and the LAS's registratie_id, or {@code n} and the
     * domain's identity (datum, begintijd, code at fixed widths, then the pupil's LAS key).
     */
    static String sleutel(String leerlingId, Registratie r) {
        if (r.registratieId() != null) {
            return "i" + r.registratieId();
        }
        String begintijd = r.begintijd() == null ? "" : r.begintijd().toString();
        return "n" + r.datum() + (begintijd + "_____").substring(0, 5) + (r.code().name() + "___").substring(0, 3)
                + leerlingId;
    }

    private String upsert() {
        return dialect.isPostgres() ? """
                insert into registratie (brin, vestiging, sleutel, registratie_id, leerling_id, datum, begintijd, code,
                    eindtijd, minuten, omschrijving, volgnummer, bron_bestand, bron_regel)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('registratie_volgnummer'), ?, ?)
                on conflict (brin, vestiging, sleutel) do update set
                    leerling_id = excluded.leerling_id, datum = excluded.datum, begintijd = excluded.begintijd,
                    code = excluded.code, eindtijd = excluded.eindtijd, minuten = excluded.minuten,
                    omschrijving = excluded.omschrijving, volgnummer = excluded.volgnummer,
                    bron_bestand = excluded.bron_bestand, bron_regel = excluded.bron_regel
                """ : """
                merge into registratie (brin, vestiging, sleutel, registratie_id, leerling_id, datum, begintijd, code,
                    eindtijd, minuten, omschrijving, volgnummer, bron_bestand, bron_regel)
                key (brin, vestiging, sleutel)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, next value for registratie_volgnummer, ?, ?)
                """;
    }

    /**
     * The boundary of a file about to be stored: every registration it stores gets a higher volgnummer, everything
     * held before a lower one (step 2 of {@link nl.verzuim.connector.rules.Exportperiode}).
     */
    public long volgnummerGrens() {
        return jdbc.sql(dialect.isPostgres() ? "select nextval('registratie_volgnummer')"
                        : "select next value for registratie_volgnummer")
                .query(Long.class).single();
    }

    /**
     * Step 2 of {@link nl.verzuim.connector.rules.Exportperiode}, one statement per school: drops what was held
     * before the file (volgnummer below {@code grens}) for the school's days van..tot — for every pupil of the
     * school, or with {@code alleenLeerlingenVanBestand} only for the pupils the file stored lines for. Returns the
     * pupils whose registrations were dropped (they are to be judged again), found by the same condition.
     */
    public List<String> vervangPeriode(String brin, String vestiging, LocalDate van, LocalDate tot, long grens,
                                       boolean alleenLeerlingenVanBestand) {
        String waar = " where brin = :brin and vestiging = :vestiging and datum between :van and :tot"
                + " and volgnummer < :grens" + (alleenLeerlingenVanBestand
                ? " and leerling_id in (select b.leerling_id from registratie b where b.brin = :brin"
                        + " and b.vestiging = :vestiging and b.volgnummer >= :grens)" : "");
        List<String> geraakt = jdbc.sql("select distinct leerling_id from registratie" + waar)
                .param("brin", brin).param("vestiging", vestiging).param("van", Date.valueOf(van))
                .param("tot", Date.valueOf(tot)).param("grens", grens)
                .query(String.class).list();
        if (!geraakt.isEmpty()) {
            jdbc.sql("delete from registratie" + waar)
                    .param("brin", brin).param("vestiging", vestiging).param("van", Date.valueOf(van))
                    .param("tot", Date.valueOf(tot)).param("grens", grens)
                    .update();
        }
        return geraakt;
    }

    /** A pupil's registrations in order of arrival. */
    public List<Registratie> voorLeerling(String brin, String vestiging, String leerlingId) {
        return jdbc.sql("""
                select datum, begintijd, eindtijd, minuten, code, omschrijving, registratie_id from registratie
                where brin = ? and vestiging = ? and leerling_id = ? order by volgnummer""")
                .params(brin, vestiging, leerlingId)
                .query((rs, n) -> new Registratie(rs.getObject("datum", LocalDate.class),
                        tijd(rs.getString("begintijd")), tijd(rs.getString("eindtijd")),
                        (Integer) rs.getObject("minuten"), Afwezigheidscode.valueOf(rs.getString("code")),
                        rs.getString("omschrijving"), rs.getString("registratie_id")))
                .list();
    }

    private static LocalTime tijd(String waarde) {
        return waarde == null || waarde.isEmpty() ? null : LocalTime.parse(waarde);
    }
}
