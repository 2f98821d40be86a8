package nl.verzuim.connector.ot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.ot.model.OtModel;
import nl.verzuim.connector.persistence.Dialect;

/** OT events as received (webhook or poll). The eventId is the key: the same event twice is stored once. */
@Repository
public class GebeurtenisRepository {

    private final JdbcClient jdbc;

    public GebeurtenisRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event unless it is known; true when it was new. */
    public boolean bewaar(OtModel.Gebeurtenis g, String bron, Instant nu) {
        if (jdbc.sql("select count(*) from ot_gebeurtenis where event_id = ?").param(g.eventId()).query(Integer.class)
                .single() > 0) {
            return false;
        }
        try {
            jdbc.sql("""
                    insert into ot_gebeurtenis (event_id, type, traject_id, ot_id, reden, door, tijdstip, ontvangen, bron)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(g.eventId(), g.type(), g.trajectId(), g.otId(), g.reden(), g.door(), g.tijdstip(),
                            Dialect.tijd(nu), bron)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public List<String> openstaande(int max) {
        return jdbc.sql("select event_id from ot_gebeurtenis where verwerkt is null order by ontvangen, event_id")
                .query(String.class).list().stream().limit(max).toList();
    }

    public Optional<OtModel.Gebeurtenis> vind(String eventId) {
        return jdbc.sql("select * from ot_gebeurtenis where event_id = ? and verwerkt is null").param(eventId)
                .query((rs, n) -> new OtModel.Gebeurtenis(rs.getString("event_id"), rs.getString("type"),
                        rs.getString("traject_id"), rs.getString("ot_id"), rs.getString("reden"), rs.getString("door"),
                        rs.getObject("tijdstip", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Marks the event done, once: false when another round (or instance) already did, and the caller's
     * transaction must then not keep its effects.
     */
    public boolean verwerkt(String eventId, String resultaat, Instant nu) {
        return jdbc.sql("update ot_gebeurtenis set verwerkt = ?, resultaat = ? where event_id = ? and verwerkt is null")
                .params(Dialect.tijd(nu), resultaat, eventId).update() == 1;
    }

    /** The lifecycle refused the event: done, with the reason kept for the operator. */
    public boolean geweigerd(String eventId, String reden, Instant nu) {
        String kort = reden.length() > 480 ? reden.substring(0, 480) : reden;
        return jdbc.sql("update ot_gebeurtenis set verwerkt = ?, resultaat = ?, geweigerd = ? where event_id = ?"
                        + " and verwerkt is null")
                .params(Dialect.tijd(nu), "geweigerd: " + kort, kort, eventId).update() == 1;
    }

    public Optional<String> cursor() {
        return jdbc.sql("select cursor_waarde from ot_cursor where naam = 'gebeurtenissen'").query(String.class)
                .optional();
    }

    public void cursor(String waarde) {
        int bijgewerkt = jdbc.sql("update ot_cursor set cursor_waarde = ? where naam = 'gebeurtenissen'")
                .param(waarde).update();
        if (bijgewerkt == 0) {
            jdbc.sql("insert into ot_cursor (naam, cursor_waarde) values ('gebeurtenissen', ?)").param(waarde).update();
        }
    }
}
