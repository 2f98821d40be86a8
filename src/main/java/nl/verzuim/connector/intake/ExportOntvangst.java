package nl.verzuim.connector.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;

/**
 * When each school's last registraties export was read (table registratie_export), for the alert that the LAS export
 * stopped arriving. A school counts as exported when the file held at least one of its registrations, or when the
 * file's name names it (a registraties file with no absence in it).
 */
@Repository
public class ExportOntvangst {

    private final JdbcClient jdbc;

    public ExportOntvangst(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the intake's transaction: a rejected file leaves the last good export in place. */
    public void gelezen(String brin, String vestiging, String bestand, Instant nu) {
        int bijgewerkt = jdbc.sql("update registratie_export set laatst_gelezen = ?, bestand = ? where brin = ?"
                        + " and vestiging = ?")
                .params(Dialect.tijd(nu), bestand, brin, vestiging).update();
        if (bijgewerkt == 0) {
            jdbc.sql("insert into registratie_export (brin, vestiging, laatst_gelezen, bestand) values (?, ?, ?, ?)")
                    .params(brin, vestiging, Dialect.tijd(nu), bestand).update();
        }
    }

    /** BRIN+vestiging → the moment its last registraties export was read. */
    public Map<String, Instant> laatste() {
        Map<String, Instant> uit = new HashMap<>();
        jdbc.sql("select brin, vestiging, laatst_gelezen from registratie_export").query(rs -> {
            uit.put(rs.getString("brin") + rs.getString("vestiging"),
                    Dialect.instant(rs.getObject("laatst_gelezen", OffsetDateTime.class)));
        });
        return uit;
    }
}
