package nl.verzuim.connector.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.config.PrivacyInstellingen;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.persistence.Schoolbereik;

/**
 * The bewaartermijn (AVG opslagbeperking, domain §5): once a day, the personal data of every pupil with no open
 * melding and no registration, change or melding activity within {@code connector.bewaartermijn} is deleted
 * everywhere the connector holds it — the pupil and its verzorgers, registrations, meldingen with their delivery
 * work, the messages kept as sent, OT's events and the mails about them — and files in {@code processed/} and
 * {@code quarantaine/} older than the term. The audit trail stays, without personal data: the deleted meldingen's
 * lines keep when, what and to whom but lose their details, and one line per pupil names it by its
 * {@link Pseudoniem} with counts. What was deleted is reported per school (table bewaartermijn_opschoning, the
 * page, the log: counts only). The access log keeps itself for its own period.
 */
@Component
public class Bewaartermijn {

    private static final Logger LOG = LoggerFactory.getLogger(Bewaartermijn.class);

    /** Open: still to leave, a person must act, or OT's traject still runs. */
    static final String OPEN = """
            (m.status in ('ONVOLLEDIG', 'WACHT_OP_GOEDKEURING', 'WACHT_OP_AANVULLING', 'TE_VERZENDEN', 'MISLUKT')
             or (m.kanaal = 'OT' and m.status = 'VERZONDEN' and coalesce(m.ot_status, '') <> 'AFGEROND'))""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactie;
    private final Pseudoniem pseudoniem;
    private final Toegangslog toegangslog;
    private final PrivacyInstellingen privacy;
    private final ConnectorInstellingen connector;
    private final Clock klok;

    public Bewaartermijn(JdbcClient jdbc, TransactionTemplate transactie, Pseudoniem pseudoniem,
                         Toegangslog toegangslog, PrivacyInstellingen privacy, ConnectorInstellingen connector,
                         Clock klok) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.pseudoniem = pseudoniem;
        this.toegangslog = toegangslog;
        this.privacy = privacy;
        this.connector = connector;
        this.klok = klok;
    }

    /** What one run deleted for one school ({@code school} null: the files and mails of no school). */
    public record Telling(String school, int leerlingen, int meldingen, int registraties, int berichten, int mails,
                          int bestanden) {
        Telling plus(Telling t) {
            return new Telling(school, leerlingen + t.leerlingen, meldingen + t.meldingen,
                    registraties + t.registraties, berichten + t.berichten, mails + t.mails, bestanden + t.bestanden);
        }
    }

    /** A run as the page shows it. */
    public record Opschoning(Instant tijdstip, String brin, String vestiging, int leerlingen, int meldingen,
                             int registraties, int berichten, int mails, int bestanden) {
    }

    /** The route's call: runs when today's clean-up has not run yet (by the connector's clock). */
    public List<Telling> dagelijks() {
        LocalDate vandaag = LocalDate.now(klok);
        Instant begin = vandaag.atStartOfDay(klok.getZone()).toInstant();
        boolean gedaan = jdbc.sql("select count(*) from bewaartermijn_opschoning where tijdstip >= ?")
                .param(Dialect.tijd(begin)).query(Long.class).single() > 0;
        return gedaan ? List.of() : ruimOp();
    }

    /** Deletes what is past the term, now; returns the counts per school. */
    public List<Telling> ruimOp() {
        Instant nu = klok.instant();
        LocalDate grensDag = LocalDate.now(klok).minus(privacy.bewaartermijn());
        Instant grens = grensDag.atStartOfDay(klok.getZone()).toInstant();
        Map<String, Telling> perSchool = new TreeMap<>();
        for (Leerlingsleutel l : voorbijDeTermijn(grensDag, grens)) {
            Telling t = transactie.execute(s -> verwijder(l, nu));
            perSchool.merge(l.school(), t, Telling::plus);
        }
        Telling zonderSchool = transactie.execute(s -> verwijderZonderSchool(grens));
        int bestanden = verwijderBestanden(connector.processedDir(), grens)
                + verwijderBestanden(connector.quarantineDir(), grens);
        zonderSchool = zonderSchool.plus(new Telling(null, 0, 0, 0, 0, 0, bestanden));
        int log = toegangslog.vergeet(LocalDate.now(klok).minus(privacy.toegangslog().bewaartermijn())
                .atStartOfDay(klok.getZone()).toInstant());

        List<Telling> uitkomst = new ArrayList<>(perSchool.values());
        uitkomst.add(zonderSchool);
        for (Telling t : uitkomst) {
            jdbc.sql("""
                    insert into bewaartermijn_opschoning (tijdstip, brin, vestiging, leerlingen, meldingen, registraties,
                        berichten, mails, bestanden) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Dialect.tijd(nu), t.school() == null ? null : t.school().substring(0, 4),
                            t.school() == null ? null : t.school().substring(4), t.leerlingen(), t.meldingen(),
                            t.registraties(), t.berichten(), t.mails(), t.bestanden())
                    .update();
            LOG.info("Bewaartermijn ({} tot {}): {} — {} leerling(en), {} melding(en), {} registratie(s), {} verzonden"
                            + " bericht(en), {} mail(s), {} bestand(en) verwijderd", privacy.bewaartermijn(), grensDag,
                    t.school() == null ? "zonder school" : "school " + t.school(), t.leerlingen(), t.meldingen(),
                    t.registraties(), t.berichten(), t.mails(), t.bestanden());
        }
        if (log > 0) {
            LOG.info("Toegangslog: {} regel(s) ouder dan {} verwijderd", log, privacy.toegangslog().bewaartermijn());
        }
        return uitkomst;
    }

    record Leerlingsleutel(String brin, String vestiging, String leerlingId) {
        String school() {
            return brin + vestiging;
        }
    }

    /** Every pupil known anywhere with nothing open and nothing within the term. */
    List<Leerlingsleutel> voorbijDeTermijn(LocalDate grensDag, Instant grens) {
        OffsetDateTime tijd = Dialect.tijd(grens);
        return jdbc.sql("""
                select k.brin, k.vestiging, k.leerling_id from (
                    select brin, vestiging, leerling_id from leerling
                    union select brin, vestiging, leerling_id from registratie
                    union select brin, vestiging, leerling_id from melding) k
                where not exists (select 1 from leerling l where l.brin = k.brin and l.vestiging = k.vestiging
                        and l.leerling_id = k.leerling_id and l.bijgewerkt >= ?)
                  and not exists (select 1 from registratie r where r.brin = k.brin and r.vestiging = k.vestiging
                        and r.leerling_id = k.leerling_id and r.datum >= ?)
                  and not exists (select 1 from melding m where m.brin = k.brin and m.vestiging = k.vestiging
                        and m.leerling_id = k.leerling_id and (m.bijgewerkt >= ? or %s))
                order by k.brin, k.vestiging, k.leerling_id""".formatted(OPEN))
                .params(tijd, grensDag, tijd)
                .query((rs, n) -> new Leerlingsleutel(rs.getString("brin"), rs.getString("vestiging"),
                        rs.getString("leerling_id")))
                .list();
    }

    private Telling verwijder(Leerlingsleutel l, Instant nu) {
        Object[] sleutel = {l.brin(), l.vestiging(), l.leerlingId()};
        String vanMeldingen = "select id from melding where brin = ? and vestiging = ? and leerling_id = ?";
        int berichten = jdbc.sql("delete from verzonden_bericht where melding_id in (" + vanMeldingen + ")")
                .params(sleutel).update();
        int mails = jdbc.sql("delete from mail_outbox where melding_id in (" + vanMeldingen + ")")
                .params(sleutel).update();
        jdbc.sql("delete from ot_gebeurtenis where ot_id in (select ot_id from melding where brin = ? and vestiging = ?"
                + " and leerling_id = ? and ot_id is not null)").params(sleutel).update();
        jdbc.sql("delete from ot_opdracht where outbox_id in (select id from outbox where melding_id in ("
                + vanMeldingen + "))").params(sleutel).update();
        jdbc.sql("delete from outbox where melding_id in (" + vanMeldingen + ")").params(sleutel).update();
        jdbc.sql("delete from ot_percentage where melding_id in (" + vanMeldingen + ")").params(sleutel).update();
        jdbc.sql("delete from ot_traject_stand where melding_id in (" + vanMeldingen + ")").params(sleutel).update();
        jdbc.sql("delete from ot_aanvulling where melding_id in (" + vanMeldingen + ")").params(sleutel).update();
        // the audit keeps when, what and to whom; its details (references, a person's reasons) go
        jdbc.sql("update audit set details = null where melding_id in (" + vanMeldingen + ")").params(sleutel).update();
        int meldingen = jdbc.sql("delete from melding where brin = ? and vestiging = ? and leerling_id = ?")
                .params(sleutel).update();
        int registraties = jdbc.sql("delete from registratie where brin = ? and vestiging = ? and leerling_id = ?")
                .params(sleutel).update();
        int leerlingen = jdbc.sql("delete from leerling where brin = ? and vestiging = ? and leerling_id = ?")
                .params(sleutel).update();
        jdbc.sql("insert into audit (tijdstip, melding_id, actie, ontvanger, details, door) values (?, null,"
                        + " 'BEWAARTERMIJN', null, ?, 'connector')")
                .params(Dialect.tijd(nu), "leerling " + pseudoniem.van(l.brin(), l.vestiging(), l.leerlingId())
                        + " van school " + l.school() + ": " + meldingen + " melding(en), " + registraties
                        + " registratie(s), " + berichten + " verzonden bericht(en), " + mails
                        + " mail(s) verwijderd na de bewaartermijn " + privacy.bewaartermijn())
                .update();
        return new Telling(l.school(), 1, meldingen, registraties, berichten, mails, 0);
    }

    /** Mails about no melding and quarantine records older than the term. */
    private Telling verwijderZonderSchool(Instant grens) {
        int mails = jdbc.sql("delete from mail_outbox where melding_id is null and aangemaakt < ?")
                .param(Dialect.tijd(grens)).update();
        jdbc.sql("delete from quarantaine where tijdstip < ?").param(Dialect.tijd(grens)).update();
        // failed-login counts name a source address: kept a day after they last held anything back, no longer
        Instant gisteren = klok.instant().minus(java.time.Duration.ofDays(1));
        jdbc.sql("delete from inlog_poging where laatste < ? and (geblokkeerd_tot is null or geblokkeerd_tot < ?)")
                .params(Dialect.tijd(gisteren), Dialect.tijd(gisteren)).update();
        return new Telling(null, 0, 0, 0, 0, mails, 0);
    }

    /** Files (a pupil's export, a rejected file and its report) last changed before the term. */
    private static int verwijderBestanden(Path map, Instant grens) {
        if (map == null || !Files.isDirectory(map)) {
            return 0;
        }
        int weg = 0;
        try (Stream<Path> bestanden = Files.walk(map)) {
            for (Path bestand : bestanden.filter(Files::isRegularFile).toList()) {
                try {
                    if (Files.getLastModifiedTime(bestand).toInstant().isBefore(grens)) {
                        Files.delete(bestand);
                        weg++;
                    }
                } catch (IOException e) {
                    LOG.warn("Bewaartermijn: een bestand in {} kon niet weg ({})", map.getFileName(),
                            e.getClass().getSimpleName());
                }
            }
        } catch (IOException e) {
            LOG.warn("Bewaartermijn: map {} niet te lezen ({})", map.getFileName(), e.getClass().getSimpleName());
        }
        return weg;
    }

    /** The last run's counts, for the schools the page's account serves (board-wide: with the files and mails). */
    public List<Opschoning> laatste(Schoolbereik bereik) {
        List<Object> params = new ArrayList<>(bereik.parameters());
        String binnen = bereik.heelBestuur() ? "1 = 1" : bereik.sql("brin", "vestiging");
        return jdbc.sql("""
                select * from bewaartermijn_opschoning where tijdstip = (select max(tijdstip) from bewaartermijn_opschoning)
                and %s order by brin, vestiging""".formatted(binnen))
                .params(params)
                .query((rs, n) -> new Opschoning(Dialect.instant(rs.getObject("tijdstip", OffsetDateTime.class)),
                        rs.getString("brin"), rs.getString("vestiging"), rs.getInt("leerlingen"),
                        rs.getInt("meldingen"), rs.getInt("registraties"), rs.getInt("berichten"), rs.getInt("mails"),
                        rs.getInt("bestanden")))
                .list();
    }
}
