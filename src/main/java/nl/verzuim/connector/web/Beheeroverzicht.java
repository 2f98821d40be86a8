package nl.verzuim.connector.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import nl.verzuim.connector.intake.Quarantaine;
import nl.verzuim.connector.intake.QuarantaineBestand;
import nl.verzuim.connector.intake.QuarantaineRepository;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.outbox.Doodloper;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.outbox.VerzondenBerichten;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.persistence.Schoolbereik;
import nl.verzuim.connector.rules.Kanaal;

/**
 * The one query service behind the operator's page, the API and the metrics: meldingen by school, kanaal, status and
 * deadline, a melding with its history and delivery work, dead letters, quarantined files with their report, the
 * mails, and the figures. Read-only; every query names its columns' meaning, and no personal data is read
 * (leerling_id is the LAS's key, not a name).
 */
@Service
public class Beheeroverzicht {

    /** A school on the page and in the API: BRIN ({@code 00YY}) or BRIN + vestiging ({@code 00YY00}). */
    static final Pattern SCHOOL = Pattern.compile("[0-9]{2}[A-Z]{2}([0-9]{2})?");
    /** Statuses in which DUO has (or had) the melding: its deadline no longer matters. */
    public static final List<String> BIJ_DUO = List.of(MeldingStatus.VERZONDEN.name(), MeldingStatus.INGETROKKEN.name());
    /** Statuses of a melding that should still leave: waiting for data, a person, the outbox, or a dead letter. */
    public static final List<String> ONVERZONDEN = List.of(MeldingStatus.ONVOLLEDIG.name(),
            MeldingStatus.WACHT_OP_GOEDKEURING.name(), MeldingStatus.WACHT_OP_AANVULLING.name(),
            MeldingStatus.TE_VERZENDEN.name(), MeldingStatus.MISLUKT.name());

    private final JdbcClient jdbc;
    private final MeldingRepository meldingen;
    private final OutboxRepository outbox;
    private final QuarantaineRepository quarantaine;
    private final VerzondenBerichten verzonden;

    public Beheeroverzicht(JdbcClient jdbc, MeldingRepository meldingen, OutboxRepository outbox,
                        QuarantaineRepository quarantaine, VerzondenBerichten verzonden) {
        this.verzonden = verzonden;
        this.jdbc = jdbc;
        this.meldingen = meldingen;
        this.outbox = outbox;
        this.quarantaine = quarantaine;
    }

    /**
     * @param brin              null: every school
     * @param vestiging         null: every vestiging of the brin
     * @param kanaal            null: every kanaal
     * @param status            null: every status
     * @param termijnVerstreken only DUO meldingen past their uiterste melddatum (before {@code vandaag}) that DUO
     *                          does not have yet
     * @param teruggezet        only OT meldingen SPPOH returned and that were not submitted again
     * @param bereik            the schools the asking account serves; nothing outside it is read
     */
    public record Zoekvraag(String brin, String vestiging, Kanaal kanaal, MeldingStatus status,
                            boolean termijnVerstreken, boolean teruggezet, LocalDate vandaag, int max,
                            Schoolbereik bereik) {
    }

    /**
     * The search of page and API alike, checked: {@code school} is a BRIN or BRIN+vestiging, {@code max} 1–1000;
     * otherwise 400.
     */
    public static Zoekvraag zoekvraag(String school, Kanaal kanaal, MeldingStatus status, boolean termijnVerstreken,
                                      boolean teruggezet, int max, LocalDate vandaag, Schoolbereik bereik) {
        String brin = null;
        String vestiging = null;
        if (school != null && !school.isBlank()) {
            if (!SCHOOL.matcher(school).matches()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "school: BRIN (00YY) of BRIN+vestiging (00YY00)");
            }
            brin = school.substring(0, 4);
            vestiging = school.length() == 6 ? school.substring(4) : null;
        }
        return new Zoekvraag(brin, vestiging, kanaal, status, termijnVerstreken, teruggezet, vandaag, perPagina(max),
                bereik);
    }

    /** How many a page of the API holds, from a request: 1–1000, otherwise 400. */
    public static int perPagina(int max) {
        if (max < 1 || max > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "max: 1 tot en met 1000");
        }
        return max;
    }

    /** The newest {@code vraag.max()} meldingen of a search (the first page). */
    public List<Melding> zoek(Zoekvraag vraag) {
        return zoek(vraag, 0);
    }

    /**
     * {@code vraag.max()} meldingen of a search from the {@code vanaf}-th on, in the one order of page and API:
     * per school, newest first (index ix_melding_school_id).
     */
    public List<Melding> zoek(Zoekvraag vraag, long vanaf) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from melding where ").append(waar(vraag, params));
        sql.append(" order by brin, vestiging, id desc offset ").append(Math.max(0, vanaf))
                .append(" rows fetch next ").append(Math.max(1, vraag.max())).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(MeldingRepository::rij).list();
    }

    /** How many meldingen a search finds: exact, however many (no list is cut off silently). */
    public long tel(Zoekvraag vraag) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from melding where " + waar(vraag, params)).params(params)
                .query(Long.class).single();
    }

    /** One page of a search: {@code vraag.max()} per page, pages counted from 1. */
    public Pagina<BeheerModel.MeldingOverzicht> pagina(Zoekvraag vraag, int pagina) {
        return pagina(tel(vraag), pagina, vraag.max(), vanaf -> zoek(vraag, vanaf).stream()
                .map(m -> BeheerModel.MeldingOverzicht.van(m, vraag.vandaag())).toList());
    }

    /**
     * One page of a list of {@code totaal}: {@code lees} reads the page's rows from the given offset (counted from
     * 0) in SQL; a page past the end is empty and not read.
     */
    static <T> Pagina<T> pagina(long totaal, int pagina, int perPagina, LongFunction<List<T>> lees) {
        long vanaf = (long) (pagina - 1) * perPagina;
        return new Pagina<>(vanaf >= totaal ? List.of() : lees.apply(vanaf), totaal, pagina, perPagina);
    }

    /**
     * One page of a list, with the exact total.
     *
     * @param pagina    counted from 1
     * @param perPagina at most this many on a page
     */
    public record Pagina<T>(List<T> inhoud, long totaal, int pagina, int perPagina) {
        /** At least 1: an empty list is one empty page. */
        public int paginas() {
            return (int) Math.max(1, (totaal + perPagina - 1) / perPagina);
        }

        /** The same page with each row shown another way. */
        public <U> Pagina<U> map(Function<? super T, U> weergave) {
            return new Pagina<>(inhoud.stream().<U>map(weergave).toList(), totaal, pagina, perPagina);
        }
    }

    /** A page number from a request: 1 or more, otherwise 400. */
    public static int paginanummer(int pagina) {
        if (pagina < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "pagina: 1 of meer");
        }
        return pagina;
    }

    private static String waar(Zoekvraag vraag, List<Object> params) {
        StringBuilder sql = new StringBuilder(vraag.bereik().sql("brin", "vestiging"));
        params.addAll(vraag.bereik().parameters());
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
        return sql.toString();
    }

    /** The meldingen of a search as the page and the API list them. */
    public List<BeheerModel.MeldingOverzicht> overzicht(Zoekvraag vraag) {
        return zoek(vraag).stream().map(m -> BeheerModel.MeldingOverzicht.van(m, vraag.vandaag())).toList();
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

    /**
     * One melding with its uitleg, its history (audit) and its delivery work; empty when there is none, or when it
     * belongs to a school outside {@code bereik}.
     */
    public Optional<BeheerModel.MeldingDetail> melding(long id, LocalDate vandaag, Schoolbereik bereik) {
        return vind(id, bereik).map(m -> detail(m, vandaag));
    }

    /** A melding within reach; empty for an unknown id and for another school's alike. */
    public Optional<Melding> vind(long id, Schoolbereik bereik) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(bereik.parameters());
        return jdbc.sql("select * from melding where id = ? and " + bereik.sql("brin", "vestiging")).params(params)
                .query(MeldingRepository::rij).optional();
    }

    /**
     * Before any action on a melding: 404 unless it exists and is within reach, so another school's melding is
     * refused exactly like one that does not exist.
     */
    public void vereisBinnenBereik(long id, Schoolbereik bereik) {
        if (vind(id, bereik).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "geen melding " + id);
        }
    }

    BeheerModel.MeldingDetail detail(Melding m, LocalDate vandaag) {
        return new BeheerModel.MeldingDetail(BeheerModel.MeldingOverzicht.van(m, vandaag), m.uitleg(), m.trajectId(),
                m.otLink(), m.terugzetReden(), m.aangemaakt(), geschiedenis(m.id()),
                outbox.voorMelding(m.id()).stream().map(BeheerModel.Aflevering::van).toList(),
                verzonden.voorMelding(m.id()).stream().map(BeheerModel.VerzondenKop::van).toList());
    }

    /** One page of the dead letters within reach, oldest first (the API), with their exact number. */
    public Pagina<Doodloper> doodlopers(int perPagina, int pagina, Schoolbereik bereik) {
        return pagina(aantalDoodlopers(bereik), pagina, perPagina,
                vanaf -> outbox.doodlopers(false, vanaf, perPagina, bereik));
    }

    /** How many dead letters there are within reach: exact. */
    public long aantalDoodlopers(Schoolbereik bereik) {
        return outbox.aantalDoodlopers(bereik);
    }

    /** How many files are in quarantine as this account sees them (the board's only, see below). */
    public long aantalInQuarantaine(Schoolbereik bereik) {
        return bereik.heelBestuur() ? quarantaine.aantal() : 0;
    }

    /** At most {@code max} dead letters within reach, the newest first (the page). */
    public List<Doodloper> nieuwsteDoodlopers(int max, Schoolbereik bereik) {
        return outbox.doodlopers(true, max, bereik);
    }

    /**
     * Quarantined files are the board's: a file the intake could not read names no school it can be trusted for, so
     * an account that serves some schools only sees none of them.
     */
    public List<QuarantaineBestand> quarantaine(int max, Schoolbereik bereik) {
        return bereik.heelBestuur() ? quarantaine.recent(max) : List.of();
    }

    /** One page of the quarantined files as this account sees them, newest first, with their exact number. */
    public Pagina<QuarantaineBestand> quarantaine(int perPagina, int pagina, Schoolbereik bereik) {
        return pagina(aantalInQuarantaine(bereik), pagina, perPagina, vanaf -> quarantaine.recent(vanaf, perPagina));
    }

    public Optional<QuarantaineBestand> quarantaineBestand(long id, Schoolbereik bereik) {
        return bereik.heelBestuur() ? quarantaine.vind(id) : Optional.empty();
    }

    /** The report beside a quarantined file; null when it is gone. */
    public String rapport(QuarantaineBestand q) {
        return Quarantaine.rapport(q);
    }

    /**
     * The newest mails of the mail outbox within reach, for the page: kind, receiver, subject and state, never the
     * body. A mail about no melding is the board's.
     */
    public List<Map<String, Object>> mails(int max, Schoolbereik bereik) {
        String binnen = bereik.heelBestuur() ? "1 = 1"
                : "melding_id in (select id from melding where " + bereik.sql("brin", "vestiging") + ")";
        return jdbc.sql("""
                select id, soort, ontvanger, onderwerp, status, pogingen, aangemaakt, verzonden from mail_outbox
                where %s order by id desc fetch first %d rows only""".formatted(binnen, Math.max(1, max)))
                .params(bereik.parameters()).query().listOfRows();
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
        Map<String, Long> diepte = outboxPerKanaal(OutboxRepository.TE_VERZENDEN);
        diepte.put("MAIL", jdbc.sql("select count(*) from mail_outbox where status = 'TE_VERZENDEN'")
                .query(Long.class).single());
        return diepte;
    }

    /** Dead letters per kanaal. */
    public Map<String, Long> doodlopersPerKanaal() {
        return outboxPerKanaal(OutboxRepository.MISLUKT);
    }

    private Map<String, Long> outboxPerKanaal(String status) {
        Map<String, Long> aantal = new LinkedHashMap<>();
        jdbc.sql("select kanaal, count(*) as aantal from outbox where status = ? group by kanaal")
                .param(status)
                .query(rs -> {
                    aantal.put(rs.getString("kanaal"), rs.getLong("aantal"));
                });
        return aantal;
    }

    /** When the oldest DUO or OT melding that has not left yet was made, per kanaal. */
    public Map<String, Instant> oudsteOnverzonden() {
        Map<String, Instant> oudste = new LinkedHashMap<>();
        jdbc.sql("""
                select kanaal, min(aangemaakt) as oudste from melding where kanaal in ('DUO', 'OT') and status in (:s)
                group by kanaal""")
                .param("s", ONVERZONDEN)
                .query(rs -> {
                    oudste.put(rs.getString("kanaal"), Dialect.instant(rs.getObject("oudste", OffsetDateTime.class)));
                });
        return oudste;
    }

    public long aantalInQuarantaine() {
        return quarantaine.aantal();
    }
}
