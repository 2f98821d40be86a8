package nl.verzuim.connector.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.outbox.Backoff;
import nl.verzuim.connector.outbox.OutboxWerk;
import nl.verzuim.connector.persistence.Dialect;

/**
 * The mail route's view of the mail outbox: claim due mails for a lease, mark them sent, or try again later with
 * back-off when the SMTP server is away. A mail is never dropped for that: it waits until SMTP is back.
 */
@Component
public class MailAflevering {

    private static final Logger LOG = LoggerFactory.getLogger(MailAflevering.class);

    private final JdbcClient jdbc;
    private final ConnectorInstellingen.Outbox instellingen;
    private final Backoff backoff;
    private final Clock klok;

    public MailAflevering(JdbcClient jdbc, ConnectorInstellingen instellingen, Clock klok) {
        this.jdbc = jdbc;
        this.instellingen = instellingen.outbox();
        this.backoff = Backoff.van(instellingen.outbox());
        this.klok = klok;
    }

    @Transactional
    public List<MailBericht> claim() {
        Instant nu = klok.instant();
        List<Long> ids = jdbc.sql("""
                select id from mail_outbox where status = 'TE_VERZENDEN' and volgende_poging <= ?
                    and (geclaimd_tot is null or geclaimd_tot < ?)
                order by id fetch first %d rows only for update skip locked""".formatted(instellingen.batch()))
                .params(Dialect.tijd(nu), Dialect.tijd(nu)).query(Long.class).list();
        for (Long id : ids) {
            // Mails are not renewed while a batch is sent (a slow SMTP server may take long over ten): they keep the
            // longest hold renewed delivery work gets, so a live instance's mails are not sent twice by another.
            jdbc.sql("update mail_outbox set geclaimd_tot = ? where id = ?")
                    .params(Dialect.tijd(nu.plus(instellingen.lease().multipliedBy(OutboxWerk.MAX_LEASES))), id)
                    .update();
        }
        return ids.stream().map(id -> jdbc.sql("select * from mail_outbox where id = ?").param(id)
                .query((rs, n) -> new MailBericht(rs.getLong("id"), rs.getString("sleutel"), rs.getString("soort"),
                        rs.getString("ontvanger"), rs.getString("onderwerp"), rs.getString("html"),
                        rs.getString("tekst"), rs.getInt("pogingen")))
                .single()).toList();
    }

    public void verzonden(MailBericht mail) {
        jdbc.sql("""
                update mail_outbox set status = 'VERZONDEN', verzonden = ?, pogingen = pogingen + 1, geclaimd_tot = null,
                    laatste_fout = null where id = ?""")
                .params(Dialect.tijd(klok.instant()), mail.id()).update();
        LOG.info("Mail {} ({}) verzonden", mail.id(), mail.soort());
    }

    public void mislukt(MailBericht mail, Throwable fout) {
        Duration wacht = backoff.na(mail.pogingen() + 1);
        jdbc.sql("""
                update mail_outbox set pogingen = pogingen + 1, volgende_poging = ?, geclaimd_tot = null, laatste_fout = ?
                where id = ?""")
                .params(Dialect.tijd(klok.instant().plus(wacht)), Foutketen.van(fout), mail.id()).update();
        LOG.warn("Mail {} ({}) niet verzonden ({}), opnieuw over {}", mail.id(), mail.soort(), Foutketen.van(fout),
                wacht);
    }
}
