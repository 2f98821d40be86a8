package nl.verzuim.connector.leerling;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;

/**
 * Absence registrations, one row per key within a school: the LAS's registratie_id where it gives one, else (pupil,
 * datum, begintijd, code). The same registration in two overlapping exports is stored once, and the later one
 * replaces the earlier (its volgnummer moves up). Stored here row by row or in batches ({@link #bewaarAlle}) and read
 * back per pupil; a registraties file from the inbox is stored by {@link RegistratieLading}, in bulk.
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
            ps.setString(11, omschrijving(r));
            ps.setString(12, bestand(rij.bestand()));
            ps.setInt(13, rij.regel());
        });
    }

    static String omschrijving(Registratie r) {
        return r.omschrijving() == null ? null
                : r.omschrijving().length() > 500 ? r.omschrijving().substring(0, 500) : r.omschrijving();
    }

    static String bestand(String bestand) {
        return bestand.length() > 255 ? bestand.substring(0, 255) : bestand;
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

    /** Receives one pupil's registrations in order of arrival. */
    @FunctionalInterface
    public interface PerLeerling {
        void registraties(String leerlingId, List<Registratie> registraties);
    }

    /**
     * Every registration of a school in one ordered pass (by pupil, then order of arrival, as {@link #voorLeerling}
     * gives them one pupil at a time), handed on pupil by pupil; only one pupil's are held at a time. The index
     * {@code ix_registratie_leerling} serves the order: ordered by all its columns, so that H2 reads it in index
     * order too (with only {@code leerling_id, volgnummer} H2 sorts the school's rows in a temporary result first).
     * With {@code alleen} only the registrations of those pupils (null: all of the school's): a daily EDEXML export of
     * 500 pupils of a school of thousands need not read all their registrations.
     */
    public void perLeerling(String brin, String vestiging, java.util.Collection<String> alleen, PerLeerling ontvanger) {
        java.util.List<Registratie> huidige = new java.util.ArrayList<>();
        String[] leerling = {null};
        batch.query(verbinding -> {
            java.sql.PreparedStatement ps = verbinding.prepareStatement("""
                    select leerling_id, datum, begintijd, eindtijd, minuten, code, omschrijving, registratie_id
                    from registratie where brin = ? and vestiging = ?"""
                    + (alleen == null ? "" : " and leerling_id in (" + String.join(", ",
                            java.util.Collections.nCopies(alleen.size(), "?")) + ")")
                    + " order by brin, vestiging, leerling_id, volgnummer");
            ps.setFetchSize(10_000);
            ps.setString(1, brin);
            ps.setString(2, vestiging);
            if (alleen != null) {
                int i = 3;
                for (String id : alleen) {
                    ps.setString(i++, id);
                }
            }
            return ps;
        }, rs -> {
            String id = rs.getString(1);
            if (!id.equals(leerling[0])) {
                if (leerling[0] != null) {
                    ontvanger.registraties(leerling[0], new java.util.ArrayList<>(huidige));
                }
                leerling[0] = id;
                huidige.clear();
            }
            huidige.add(new Registratie(rs.getObject(2, LocalDate.class), tijd(rs.getString(3)), tijd(rs.getString(4)),
                    (Integer) rs.getObject(5), Afwezigheidscode.valueOf(rs.getString(6)), rs.getString(7),
                    rs.getString(8)));
        });
        if (leerling[0] != null) {
            ontvanger.registraties(leerling[0], huidige);
        }
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

    /**
     * A time as stored (LocalTime's own text, {@code HH:mm} nearly always): read without a formatter, as it is once
     * per row of a school's pass (millions for a region); anything else through {@link LocalTime#parse}.
     */
    static LocalTime tijd(String waarde) {
        if (waarde == null || waarde.isEmpty()) {
            return null;
        }
        if (waarde.length() == 5 && waarde.charAt(2) == ':') {
            int uur = tweeCijfers(waarde, 0);
            int minuut = tweeCijfers(waarde, 3);
            if (uur >= 0 && minuut >= 0) {
                return LocalTime.of(uur, minuut); // refuses 24:00 or 10:61 as parse does
            }
        }
        return LocalTime.parse(waarde);
    }

    private static int tweeCijfers(String tekst, int vanaf) {
        char a = tekst.charAt(vanaf);
        char b = tekst.charAt(vanaf + 1);
        return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
    }
}
