package nl.verzuim.connector.melding;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.rules.Beslissing;
import nl.verzuim.connector.rules.Kanaal;

@Repository
public class MeldingRepository {

    private static final String NIEUW = """
            insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, einddatum, uren, besloten_op,
                uiterste_melddatum, uitleg, status, ontbrekende_velden, aangemaakt, bijgewerkt)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public MeldingRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A new melding as decided: what {@link #nieuwAlle} stores. */
    public record Nieuw(String brin, String vestiging, String leerlingId, Beslissing beslissing, LocalDate uiterste,
                        MeldingStatus status, String ontbrekend, Instant nu) {
    }

    /**
     * Stores new meldingen in one JDBC batch (a region's file makes some 100,000: one statement each cost more than
     * judging them); returns their ids in the same order.
     */
    public List<Long> nieuwAlle(List<Nieuw> nieuw) {
        if (nieuw.isEmpty()) {
            return List.of();
        }
        KeyHolder sleutels = new GeneratedKeyHolder();
        batch.batchUpdate(verbinding -> verbinding.prepareStatement(NIEUW, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                        Nieuw n = nieuw.get(i);
                        Beslissing b = n.beslissing();
                        ps.setString(1, n.brin());
                        ps.setString(2, n.vestiging());
                        ps.setString(3, n.leerlingId());
                        ps.setString(4, b.kanaal().name());
                        ps.setString(5, b.soort().name());
                        ps.setObject(6, b.begindatum());
                        datum(ps, 7, b.einddatum());
                        ps.setBigDecimal(8, b.uren());
                        ps.setObject(9, b.beslotenOp());
                        datum(ps, 10, n.uiterste());
                        ps.setString(11, b.uitleg());
                        ps.setString(12, n.status().name());
                        ps.setString(13, n.ontbrekend());
                        ps.setObject(14, Dialect.tijd(n.nu()));
                        ps.setObject(15, Dialect.tijd(n.nu()));
                    }

                    @Override
                    public int getBatchSize() {
                        return nieuw.size();
                    }
                }, sleutels);
        List<Long> ids = new java.util.ArrayList<>(nieuw.size());
        for (java.util.Map<String, Object> rij : sleutels.getKeyList()) {
            ids.add(((Number) rij.values().iterator().next()).longValue());
        }
        if (ids.size() != nieuw.size()) {
            throw new IllegalStateException("the database gave " + ids.size() + " ids for " + nieuw.size()
                    + " new meldingen");
        }
        return ids;
    }

    private static void datum(java.sql.PreparedStatement ps, int i, LocalDate datum) throws SQLException {
        if (datum == null) {
            ps.setNull(i, java.sql.Types.DATE);
        } else {
            ps.setObject(i, datum);
        }
    }

    /** Stores one new melding as {@link #nieuwAlle} does; returns its id. */
    public long nieuw(Nieuw nieuw) {
        return nieuwAlle(List.of(nieuw)).get(0);
    }

    public List<Melding> voorLeerling(String brin, String vestiging, String leerlingId) {
        return jdbc.sql("select * from melding where brin = ? and vestiging = ? and leerling_id = ? order by id")
                .params(brin, vestiging, leerlingId).query(MeldingRepository::rij).list();
    }

    /** Every melding of a school by pupil, each pupil's in order of id (as {@link #voorLeerling}): one query. */
    public java.util.Map<String, List<Melding>> voorSchool(String brin, String vestiging) {
        java.util.Map<String, List<Melding>> perLeerling = new java.util.HashMap<>();
        jdbc.sql("select * from melding where brin = ? and vestiging = ? order by id").params(brin, vestiging)
                .query(rs -> {
                    Melding m = rij(rs, 0);
                    perLeerling.computeIfAbsent(m.leerlingId(), k -> new java.util.ArrayList<>()).add(m);
                });
        return perLeerling;
    }

    public Optional<Melding> vind(long id) {
        return jdbc.sql("select * from melding where id = ?").param(id).query(MeldingRepository::rij).optional();
    }

    /** The melding, its row locked for this transaction: two actions on one melding happen one after the other. */
    public Optional<Melding> vindVoorUpdate(long id) {
        return jdbc.sql("select * from melding where id = ? for update").param(id).query(MeldingRepository::rij)
                .optional();
    }

    public Optional<Melding> vindOpTraject(String trajectId) {
        return jdbc.sql("select * from melding where traject_id = ?").param(trajectId)
                .query(MeldingRepository::rij).optional();
    }

    public List<Melding> recent(int max) {
        return jdbc.sql("select * from melding order by id desc").query(MeldingRepository::rij).list()
                .stream().limit(max).toList();
    }

    public void werkBij(long id, LocalDate einddatum, String uitleg, Instant nu) {
        jdbc.sql("update melding set einddatum = ?, uitleg = ?, bijgewerkt = ? where id = ?")
                .params(einddatum, uitleg, Dialect.tijd(nu), id).update();
    }

    public void status(long id, MeldingStatus status, String ontbrekend, Instant nu) {
        jdbc.sql("update melding set status = ?, ontbrekende_velden = ?, bijgewerkt = ? where id = ?")
                .params(status.name(), ontbrekend, Dialect.tijd(nu), id).update();
    }

    /**
     * Moves the melding from {@code van} to {@code naar} only if it is still in {@code van}: of two people acting at
     * once, one wins. Returns whether this call made the change.
     */
    public boolean wissel(long id, MeldingStatus van, MeldingStatus naar, Instant nu) {
        return jdbc.sql("update melding set status = ?, ontbrekende_velden = null, bijgewerkt = ? where id = ? and status = ?")
                .params(naar.name(), Dialect.tijd(nu), id, van.name()).update() == 1;
    }

    public void duoOntvangen(long id, String meldingsnummer, String duoStatus, LocalDate verzondenOp, Instant nu) {
        jdbc.sql("""
                update melding set status = ?, meldingsnummer = ?, duo_status = ?, duo_verzonden_op = ?,
                    laatste_fout = null, bijgewerkt = ?
                where id = ?""")
                .params(MeldingStatus.VERZONDEN.name(), meldingsnummer, duoStatus, verzondenOp, Dialect.tijd(nu), id)
                .update();
    }

    public void trajectAangemaakt(long id, String trajectId, String otId, String otStatus, String link, Instant nu) {
        jdbc.sql("update melding set traject_id = ?, ot_id = ?, ot_status = ?, ot_link = ?, bijgewerkt = ? where id = ?")
                .params(trajectId, otId, otStatus, link, Dialect.tijd(nu), id).update();
    }

    public void otStatus(long id, MeldingStatus status, String otStatus, String terugzetReden, Instant nu) {
        jdbc.sql("""
                update melding set status = ?, ot_status = ?, terugzet_reden = ?, laatste_fout = null, bijgewerkt = ?
                where id = ?""")
                .params(status.name(), otStatus, terugzetReden, Dialect.tijd(nu), id).update();
    }

    public void fout(long id, MeldingStatus status, String fout, Instant nu) {
        jdbc.sql("update melding set status = ?, laatste_fout = ?, bijgewerkt = ? where id = ?")
                .params(status.name(), fout, Dialect.tijd(nu), id).update();
    }

    /** The uiterste melddatum of each DUO melding DUO does not have yet (for the alert to IT). */
    public List<LocalDate> openDuoTermijnen() {
        return jdbc.sql("select uiterste_melddatum from melding where kanaal = 'DUO' and status in (?, ?, ?, ?)"
                        + " and uiterste_melddatum is not null")
                .params(MeldingStatus.ONVOLLEDIG.name(), MeldingStatus.WACHT_OP_GOEDKEURING.name(),
                        MeldingStatus.TE_VERZENDEN.name(), MeldingStatus.MISLUKT.name())
                .query(LocalDate.class).list();
    }

    /** DUO-meldingen whose status at DUO may still change, least recently asked first. */
    public List<Melding> teVolgenBijDuo(int max) {
        return jdbc.sql("""
                select * from melding where kanaal = 'DUO' and status = ? and meldingsnummer is not null
                    and (duo_status is null or duo_status in ('GEREGISTREERD', 'IN_BEHANDELING'))
                order by duo_status_opgevraagd nulls first, id fetch first %d rows only""".formatted(max))
                .param(MeldingStatus.VERZONDEN.name()).query(MeldingRepository::rij).list();
    }

    public void duoStatus(long id, String duoStatus, Instant nu) {
        jdbc.sql("update melding set duo_status = ?, duo_status_opgevraagd = ?, bijgewerkt = ? where id = ?")
                .params(duoStatus, Dialect.tijd(nu), Dialect.tijd(nu), id).update();
    }

    public void duoStatusOpgevraagd(long id, String fout, Instant nu) {
        jdbc.sql("update melding set duo_status_opgevraagd = ?, laatste_fout = ? where id = ?")
                .params(Dialect.tijd(nu), fout, id).update();
    }

    public void ingetrokken(long id, String duoStatus, Instant nu) {
        jdbc.sql("""
                update melding set status = ?, duo_status = coalesce(?, duo_status), laatste_fout = null, bijgewerkt = ?
                where id = ?""")
                .params(MeldingStatus.INGETROKKEN.name(), duoStatus, Dialect.tijd(nu), id).update();
    }

    /**
     * OT refused a call (409, 422): the melding is MISLUKT with the refusal in laatste_fout. ot_status is left
     * alone: it holds only OT's Trajectstatus, which a refused call did not change.
     */
    public void otGeweigerd(long id, String fout, Instant nu) {
        jdbc.sql("update melding set status = ?, laatste_fout = ?, bijgewerkt = ? where id = ?")
                .params(MeldingStatus.MISLUKT.name(), fout, Dialect.tijd(nu), id).update();
    }

    public void laatsteFout(long id, String fout, Instant nu) {
        jdbc.sql("update melding set laatste_fout = ?, bijgewerkt = ? where id = ?")
                .params(fout, Dialect.tijd(nu), id).update();
    }

    /** Flags (or with null clears) a melding at its receiver whose basis a later export took away. */
    public void nietOnderbouwd(long id, String waarom, Instant nu) {
        jdbc.sql("update melding set niet_onderbouwd = ?, bijgewerkt = ? where id = ?")
                .params(waarom, Dialect.tijd(nu), id).update();
    }

    /** One row of table melding, for every query that returns meldingen (levensloop, the operator's searches). */
    public static Melding rij(ResultSet rs, int n) throws SQLException {
        return new Melding(rs.getLong("id"), rs.getString("brin"), rs.getString("vestiging"),
                rs.getString("leerling_id"), Kanaal.valueOf(rs.getString("kanaal")), rs.getString("soort"),
                rs.getObject("begindatum", LocalDate.class), rs.getObject("einddatum", LocalDate.class),
                (BigDecimal) rs.getObject("uren"), rs.getObject("besloten_op", LocalDate.class),
                rs.getObject("uiterste_melddatum", LocalDate.class), rs.getString("uitleg"),
                MeldingStatus.valueOf(rs.getString("status")), rs.getString("ontbrekende_velden"),
                rs.getString("meldingsnummer"), rs.getString("duo_status"), rs.getString("traject_id"),
                rs.getString("ot_id"), rs.getString("ot_status"), rs.getString("ot_link"),
                rs.getString("terugzet_reden"), rs.getString("laatste_fout"),
                Dialect.instant(rs.getObject("aangemaakt", OffsetDateTime.class)),
                Dialect.instant(rs.getObject("bijgewerkt", OffsetDateTime.class)),
                rs.getObject("duo_verzonden_op", LocalDate.class), rs.getString("niet_onderbouwd"));
    }
}
