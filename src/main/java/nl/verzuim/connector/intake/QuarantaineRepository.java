package nl.verzuim.connector.intake;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;

/** The quarantined files the operator sees (table quarantaine): what the intake rejected, and its report. */
@Repository
public class QuarantaineRepository {

    private final JdbcClient jdbc;

    public QuarantaineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void bewaar(IntakeRapport rapport, Path rapportPad, Instant nu) {
        jdbc.sql("""
                insert into quarantaine (bestand, pad, rapport_pad, samenvatting, aantal_fouten, aantal_geaccepteerd, tijdstip)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(rapport.bestand(), rapport.bestemming().toString(), rapportPad.toString(),
                        rapport.samenvatting(), rapport.fouten().size(), rapport.geaccepteerd(), Dialect.tijd(nu))
                .update();
    }

    /** The newest {@code max} files, newest first. */
    public List<QuarantaineBestand> recent(int max) {
        return recent(0, max);
    }

    /** {@code max} files, newest first, from the {@code vanaf}-th on (counted from 0): one page. */
    public List<QuarantaineBestand> recent(long vanaf, int max) {
        return jdbc.sql("select * from quarantaine order by id desc offset %d rows fetch next %d rows only"
                        .formatted(Math.max(0, vanaf), Math.max(1, max)))
                .query(QuarantaineRepository::rij).list();
    }

    public Optional<QuarantaineBestand> vind(long id) {
        return jdbc.sql("select * from quarantaine where id = ?").param(id).query(QuarantaineRepository::rij)
                .optional();
    }

    /** The file went back into the inbox: no longer in quarantine. */
    public void vergeet(long id) {
        jdbc.sql("delete from quarantaine where id = ?").param(id).update();
    }

    public long aantal() {
        return jdbc.sql("select count(*) from quarantaine").query(Long.class).single();
    }

    private static QuarantaineBestand rij(ResultSet rs, int n) throws SQLException {
        return new QuarantaineBestand(rs.getLong("id"), rs.getString("bestand"), rs.getString("pad"),
                rs.getString("rapport_pad"), rs.getString("samenvatting"), rs.getInt("aantal_fouten"),
                rs.getInt("aantal_geaccepteerd"), Dialect.instant(rs.getObject("tijdstip", OffsetDateTime.class)));
    }
}
