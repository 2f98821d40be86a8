package nl.verzuim.connector.levensloop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.persistence.Dialect;

/**
 * What the connector keeps about an OT melding after it was filed: its stand (what OT was last told), the
 * percentages onderwijs as OT keeps them, and OT calls for a running melding waiting in the outbox (kanaal
 * {@value #KANAAL}) with their bodies.
 */
@Repository
public class LevensloopRepository {

    /**
     * Outbox kanaal of the calls that keep a running melding current; claimed in order per melding
     * ({@link OutboxRepository.Volgorde#PER_MELDING}).
     */
    public static final String KANAAL = "OTLOOP";

    private final JdbcClient jdbc;
    private final OutboxRepository outbox;
    private final ObjectMapper json;

    public LevensloopRepository(JdbcClient jdbc, OutboxRepository outbox, ObjectMapper json) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
    }

    /** The stand of one melding in OT as the connector last made it. */
    public record Stand(long meldingId, Integer percentage, LocalDate percentageVanaf, LocalDate beoordeeldTot,
                        String statusperiodeId, String categorie, String hoofdoorzaak, LocalDate statusperiodeStart,
                        LocalDate statusperiodeEind, String afrondingReden, LocalDate afrondingDatum,
                        String ontbrakBijTerugzetten, Instant opnieuwIngediend) {

        public Stand metBeoordeeldTot(LocalDate dag) {
            return new Stand(meldingId, percentage, percentageVanaf, dag, statusperiodeId, categorie, hoofdoorzaak,
                    statusperiodeStart, statusperiodeEind, afrondingReden, afrondingDatum, ontbrakBijTerugzetten,
                    opnieuwIngediend);
        }

        public Stand metPercentage(int nieuw, LocalDate vanaf) {
            return new Stand(meldingId, nieuw, vanaf, beoordeeldTot, statusperiodeId, categorie, hoofdoorzaak,
                    statusperiodeStart, statusperiodeEind, afrondingReden, afrondingDatum, ontbrakBijTerugzetten,
                    opnieuwIngediend);
        }

        public Stand metAfronding(String reden, LocalDate datum) {
            return new Stand(meldingId, percentage, percentageVanaf, beoordeeldTot, statusperiodeId, categorie,
                    hoofdoorzaak, statusperiodeStart, statusperiodeEind, reden, datum, ontbrakBijTerugzetten,
                    opnieuwIngediend);
        }

        public Stand metStatusperiode(String id, String nieuweCategorie, String nieuweHoofdoorzaak, LocalDate start,
                                      LocalDate eind) {
            return new Stand(meldingId, percentage, percentageVanaf, beoordeeldTot, id, nieuweCategorie,
                    nieuweHoofdoorzaak, start, eind, afrondingReden, afrondingDatum, ontbrakBijTerugzetten,
                    opnieuwIngediend);
        }

        public Stand metTeruggezet(String ontbrak) {
            return new Stand(meldingId, percentage, percentageVanaf, beoordeeldTot, statusperiodeId, categorie,
                    hoofdoorzaak, statusperiodeStart, statusperiodeEind, afrondingReden, afrondingDatum, ontbrak,
                    null);
        }

        public Stand metOpnieuwIngediend(Instant wanneer) {
            return new Stand(meldingId, percentage, percentageVanaf, beoordeeldTot, statusperiodeId, categorie,
                    hoofdoorzaak, statusperiodeStart, statusperiodeEind, afrondingReden, afrondingDatum,
                    ontbrakBijTerugzetten, wanneer);
        }
    }

    /** One period of a percentage onderwijs. */
    public record Percentage(int percentage, LocalDate startdatum, LocalDate einddatum) {
    }

    /** The stand, locked for this transaction (two connectors on one PostgreSQL do not judge one melding twice). */
    public Optional<Stand> standVoorUpdate(long meldingId) {
        return jdbc.sql("select * from ot_traject_stand where melding_id = ? for update").param(meldingId)
                .query(LevensloopRepository::stand).optional();
    }

    public Optional<Stand> stand(long meldingId) {
        return jdbc.sql("select * from ot_traject_stand where melding_id = ?").param(meldingId)
                .query(LevensloopRepository::stand).optional();
    }

    public void bewaar(Stand s, Instant nu) {
        Object[] waarden = {s.percentage(), s.percentageVanaf(), s.beoordeeldTot(), s.statusperiodeId(), s.categorie(),
                s.hoofdoorzaak(), s.statusperiodeStart(), s.statusperiodeEind(), s.afrondingReden(),
                s.afrondingDatum(), s.ontbrakBijTerugzetten(), Dialect.tijd(s.opnieuwIngediend()), Dialect.tijd(nu),
                s.meldingId()};
        int bijgewerkt = jdbc.sql("""
                update ot_traject_stand set percentage = ?, percentage_vanaf = ?, beoordeeld_tot = ?,
                    statusperiode_id = ?, categorie = ?, hoofdoorzaak = ?, statusperiode_start = ?,
                    statusperiode_eind = ?, afronding_reden = ?, afronding_datum = ?, ontbrak_bij_terugzetten = ?,
                    opnieuw_ingediend = ?, bijgewerkt = ? where melding_id = ?""").params(waarden).update();
        if (bijgewerkt == 0) {
            jdbc.sql("""
                    insert into ot_traject_stand (percentage, percentage_vanaf, beoordeeld_tot, statusperiode_id,
                        categorie, hoofdoorzaak, statusperiode_start, statusperiode_eind, afronding_reden,
                        afronding_datum, ontbrak_bij_terugzetten, opnieuw_ingediend, bijgewerkt, melding_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(waarden).update();
        }
    }

    /** The id OT gave the running statusperiode; touches nothing else of the stand. */
    public void statusperiodeId(long meldingId, String statusperiodeId, Instant nu) {
        jdbc.sql("update ot_traject_stand set statusperiode_id = ?, bijgewerkt = ? where melding_id = ?")
                .params(statusperiodeId, Dialect.tijd(nu), meldingId).update();
    }

    /** As OT does it: a new percentage from {@code start} ends the running one on the day before. */
    public void nieuwPercentage(long meldingId, int percentage, LocalDate start) {
        jdbc.sql("update ot_percentage set einddatum = ? where melding_id = ? and einddatum is null")
                .params(start.minusDays(1), meldingId).update();
        jdbc.sql("insert into ot_percentage (melding_id, percentage, startdatum) values (?, ?, ?)")
                .params(meldingId, percentage, start).update();
    }

    public List<Percentage> percentages(long meldingId) {
        return jdbc.sql("select percentage, startdatum, einddatum from ot_percentage where melding_id = ? order by id")
                .param(meldingId).query((rs, n) -> new Percentage(rs.getInt("percentage"),
                        rs.getObject("startdatum", LocalDate.class), rs.getObject("einddatum", LocalDate.class)))
                .list();
    }

    /** Puts an OT call for a running melding in the outbox, with its body; in the caller's transaction. */
    public long opdracht(long meldingId, OutboxItem.Operatie operatie, Object inhoud, Instant nu) {
        long id = outbox.plaats(meldingId, KANAAL, operatie, nu);
        try {
            jdbc.sql("insert into ot_opdracht (outbox_id, inhoud) values (?, ?)")
                    .params(id, json.writeValueAsString(inhoud)).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("OT-opdracht niet te schrijven: " + e.getClass().getSimpleName());
        }
        return id;
    }

    public <T> T inhoud(long outboxId, Class<T> soort) {
        String tekst = jdbc.sql("select inhoud from ot_opdracht where outbox_id = ?").param(outboxId)
                .query(String.class).single();
        try {
            return json.readValue(tekst, soort);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("OT-opdracht " + outboxId + " niet te lezen");
        }
    }

    /**
     * Outbox work of this operatie still on its way for the melding (waiting or retrying). A dead letter or a
     * cancelled item is not: nothing more will come of it unless a person retries it.
     */
    public int open(long meldingId, OutboxItem.Operatie operatie) {
        return jdbc.sql("select count(*) from outbox where melding_id = ? and operatie = ? and status = 'TE_VERZENDEN'")
                .params(meldingId, operatie.name()).query(Integer.class).single();
    }

    /** OT meldingen with a traject in one of these OT statuses. */
    public List<Melding> otMeldingen(List<String> otStatussen) {
        return jdbc.sql("select * from melding where kanaal = 'OT' and traject_id is not null and ot_status in (:s)"
                        + " order by id")
                .param("s", otStatussen).query(MeldingRepository::rij).list();
    }

    /** What a person added to a melding before its traject was opened (ot_indienen: na_aanvulling). */
    public void bewaarAanvulling(long meldingId, OtOpdracht.Aanvulling a, Instant nu) {
        jdbc.sql("delete from ot_aanvulling where melding_id = ?").param(meldingId).update();
        jdbc.sql("""
                insert into ot_aanvulling (melding_id, hoofdoorzaak, sppoh_adviseur, wachtlijst, toelichting, aangevuld)
                values (?, ?, ?, ?, ?, ?)""")
                .params(meldingId, a.hoofdoorzaak(), a.sppohAdviseur(), a.wachtlijst(), a.toelichting(),
                        Dialect.tijd(nu)).update();
    }

    public Optional<OtOpdracht.Aanvulling> aanvulling(long meldingId) {
        return jdbc.sql("select * from ot_aanvulling where melding_id = ?").param(meldingId)
                .query((rs, n) -> new OtOpdracht.Aanvulling(rs.getString("hoofdoorzaak"),
                        rs.getString("sppoh_adviseur"), rs.getString("wachtlijst"), rs.getString("toelichting")))
                .optional();
    }

    /** The last day with any registration of this school: how far its LAS exports reach. */
    public Optional<LocalDate> laatsteRegistratiedag(String brin, String vestiging) {
        return jdbc.sql("select max(datum) from registratie where brin = ? and vestiging = ?")
                .params(brin, vestiging).query(LocalDate.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    /** When the traject was opened in OT (the day its first percentage onderwijs was judged). */
    public Optional<Instant> trajectAangemaakt(long meldingId) {
        return jdbc.sql("select min(tijdstip) from audit where melding_id = ? and actie = 'TRAJECT_AANGEMAAKT'")
                .param(meldingId).query(OffsetDateTime.class).list().stream().filter(Objects::nonNull)
                .findFirst().map(Dialect::instant);
    }

    static Stand stand(ResultSet rs, int n) throws SQLException {
        return new Stand(rs.getLong("melding_id"), (Integer) rs.getObject("percentage"),
                rs.getObject("percentage_vanaf", LocalDate.class), rs.getObject("beoordeeld_tot", LocalDate.class),
                rs.getString("statusperiode_id"), rs.getString("categorie"), rs.getString("hoofdoorzaak"),
                rs.getObject("statusperiode_start", LocalDate.class),
                rs.getObject("statusperiode_eind", LocalDate.class), rs.getString("afronding_reden"),
                rs.getObject("afronding_datum", LocalDate.class), rs.getString("ontbrak_bij_terugzetten"),
                Dialect.instant(rs.getObject("opnieuw_ingediend", OffsetDateTime.class)));
    }
}
