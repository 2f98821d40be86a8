package nl.verzuim.connector.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.rules.Kanaal;

/**
 * What the operator page, the API and the metrics read: meldingen by school, kanaal, status and deadline, a
 * melding's history and quarantined files (its delivery work and dead letters: {@link OutboxRepository}). Read-only; every query names its columns' meaning, no
 * personal data is read (leerling_id is the LAS's key, not a name).
 */
@Repository
public class BeheerRepository {

    /** Statuses in which DUO has (or had) the melding: its deadline no longer matters. */
    public static final List<String> BIJ_DUO = List.of(MeldingStatus.VERZONDEN.name(), MeldingStatus.INGETROKKEN.name());
    /** Statuses of a melding that should still leave: waiting for data, a person, the outbox, or a dead letter. */
    public static final List<String> ONVERZONDEN = List.of(MeldingStatus.ONVOLLEDIG.name(),
            MeldingStatus.WACHT_OP_GOEDKEURING.name(), MeldingStatus.TE_VERZENDEN.name(), MeldingStatus.MISLUKT.name());

    private final JdbcClient jdbc;

    public BeheerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param brin              null: every school
     * @param vestiging         null: every vestiging of the brin
     * @param kanaal            null: every kanaal
     * @param status            null: every status
     * @param termijnVerstreken only DUO meldingen past their uiterste melddatum (before {@code vandaag}) that DUO
     *                          does not have yet
     * @param teruggezet        only OT meldingen SPPOH returned and that were not submitted again
     */
    public record Zoekvraag(String brin, String vestiging, Kanaal kanaal, MeldingStatus status,
                            boolean termijnVerstreken, boolean teruggezet, LocalDate vandaag, int max) {
    }

    public List<Melding> zoek(Zoekvraag vraag) {
        StringBuilder sql = new StringBuilder("select * from melding where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (vraag.brin() != null) {
            sql.append(" and brin = ?");
            params.add(vraag.brin());
        }
        if (vraag.vestiging() != null) {
            sql.append(" and vestiging = ?");
            params.add(vraag.vestiging());
        }
        if (vraag.kanaal() != null) {
            sql.append(" and kanaal = ?");
            params.add(vraag.kanaal().name());
        }
        if (vraag.status() != null) {
            sql.append(" and status = ?");
            params.add(vraag.status().name());
        }
        if (vraag.termijnVerstreken()) {
            sql.append(" and kanaal = 'DUO' and uiterste_melddatum < ? and meldingsnummer is null and status not in (?, ?)");
            params.add(vraag.vandaag());
            params.addAll(BIJ_DUO);
        }
        if (vraag.teruggezet()) {
            sql.append(" and kanaal = 'OT' and ot_status = 'TERUGGEZET'");
        }
        sql.append(" order by brin, vestiging, id desc fetch first ").append(Math.max(1, vraag.max())).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(MeldingRepository::rij).list();
    }

    /** The same test as {@link Zoekvraag#termijnVerstreken()}, for one melding already read. */
    public static boolean termijnVerstreken(Melding m, LocalDate vandaag) {
        return m.kanaal() == Kanaal.DUO && m.uitersteMelddatum() != null && m.uitersteMelddatum().isBefore(vandaag)
                && m.meldingsnummer() == null && !BIJ_DUO.contains(m.status().name());
    }

    /** Returned by SPPOH and not yet submitted again (a resubmission changes ot_status). */
    public static boolean teruggezet(Melding m) {
        return m.kanaal() == Kanaal.OT && "TERUGGEZET".equals(m.otStatus());
    }

    /** One line of the audit trail: what was done, sent or received, when, by whom. */
    public record AuditRegel(Instant tijdstip, String actie, String ontvanger, String details, String door) {
    }

    public List<AuditRegel> geschiedenis(long meldingId) {
        return jdbc.sql("select tijdstip, actie, ontvanger, details, door from audit where melding_id = ? order by id")
                .param(meldingId)
                .query((rs, n) -> new AuditRegel(Dialect.instant(rs.getObject("tijdstip", OffsetDateTime.class)),
                        rs.getString("actie"), rs.getString("ontvanger"), rs.getString("details"), rs.getString("door")))
                .list();
    }

    /** A file the intake rejected in whole or in part; {@code pad} and {@code rapportPad} are on this machine. */
    public record QuarantaineBestand(long id, String bestand, String pad, String rapportPad, String samenvatting,
                                     int aantalFouten, int aantalGeaccepteerd, Instant tijdstip) {
    }

    public List<QuarantaineBestand> quarantaine(int max) {
        return jdbc.sql("select * from quarantaine order by id desc fetch first %d rows only".formatted(Math.max(1, max)))
                .query(BeheerRepository::quarantaineBestand).list();
    }

    public Optional<QuarantaineBestand> quarantaineBestand(long id) {
        return jdbc.sql("select * from quarantaine where id = ?").param(id)
                .query(BeheerRepository::quarantaineBestand).optional();
    }

    public void vergeetQuarantaine(long id) {
        jdbc.sql("delete from quarantaine where id = ?").param(id).update();
    }

    private static QuarantaineBestand quarantaineBestand(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new QuarantaineBestand(rs.getLong("id"), rs.getString("bestand"), rs.getString("pad"),
                rs.getString("rapport_pad"), rs.getString("samenvatting"), rs.getInt("aantal_fouten"),
                rs.getInt("aantal_geaccepteerd"), Dialect.instant(rs.getObject("tijdstip", OffsetDateTime.class)));
    }

    // ---- figures for the metrics (counts only, never a pupil) ----

    /** Meldingen per kanaal and status: "DUO" → {"TE_VERZENDEN" → 3, …}. */
    public Map<String, Map<String, Long>> meldingenPerKanaalEnStatus() {
        Map<String, Map<String, Long>> telling = new LinkedHashMap<>();
        jdbc.sql("select kanaal, status, count(*) as aantal from melding group by kanaal, status")
                .query(rs -> {
                    telling.computeIfAbsent(rs.getString("kanaal"), k -> new LinkedHashMap<>())
                            .put(rs.getString("status"), rs.getLong("aantal"));
                });
        return telling;
    }

    /** Outbox work not yet delivered (due or backing off), per kanaal; mails as kanaal MAIL. */
    public Map<String, Long> outboxDiepte() {
        Map<String, Long> diepte = new LinkedHashMap<>();
        jdbc.sql("select kanaal, count(*) as aantal from outbox where status = ? group by kanaal")
                .param(OutboxRepository.TE_VERZENDEN)
                .query(rs -> {
                    diepte.put(rs.getString("kanaal"), rs.getLong("aantal"));
                });
        diepte.put("MAIL", jdbc.sql("select count(*) from mail_outbox where status = 'TE_VERZENDEN'")
                .query(Long.class).single());
        return diepte;
    }

    /** Dead letters per kanaal. */
    public Map<String, Long> doodlopersPerKanaal() {
        Map<String, Long> aantal = new LinkedHashMap<>();
        jdbc.sql("select kanaal, count(*) as aantal from outbox where status = ? group by kanaal")
                .param(OutboxRepository.MISLUKT)
                .query(rs -> {
                    aantal.put(rs.getString("kanaal"), rs.getLong("aantal"));
                });
        return aantal;
    }

    /** When the oldest DUO or OT melding that has not left yet was made, per kanaal. */
    public Map<String, Instant> oudsteOnverzonden() {
        Map<String, Instant> oudste = new LinkedHashMap<>();
        jdbc.sql("""
                select kanaal, min(aangemaakt) as oudste from melding where kanaal in ('DUO', 'OT') and status in (?, ?, ?, ?)
                group by kanaal""")
                .params(ONVERZONDEN)
                .query(rs -> {
                    oudste.put(rs.getString("kanaal"), Dialect.instant(rs.getObject("oudste", OffsetDateTime.class)));
                });
        return oudste;
    }

    public long aantalInQuarantaine() {
        return jdbc.sql("select count(*) from quarantaine").query(Long.class).single();
    }
}
