package nl.verzuim.connector.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.rules.Signaalregel;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * The daily digest of signals to the contactpersoon of each school with {@code signalen:} (route
 * {@code signaaloverzicht}): how many new signals per name — the school's own and ZAS — and a link to the page; no
 * pupil data (no name, BSN or LAS key). A signal is counted in the first digest after it was made
 * ({@code melding.in_signaaloverzicht}); no new signal, no mail. At most one a school a day, from
 * {@code connector.mail.signaaloverzicht-vanaf} on the connector's clock: the mail's key names school and day, and the
 * mail outbox takes a key once, so of two instances one places it and the other's transaction is rolled back.
 * A school without {@code signalen:} gets no digest: its mails are what they were.
 */
@Component
public class Signaaloverzicht {

    private static final Logger LOG = LoggerFactory.getLogger(Signaaloverzicht.class);
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", new Locale("nl", "NL"));
    static final String SOORT = "signaaloverzicht";

    private final JdbcClient jdbc;
    private final Scholen scholen;
    private final MailService mail;
    private final TransactionTemplate transactie;
    private final Clock klok;
    private final LocalTime vanaf;
    private final String pagina;

    public Signaaloverzicht(JdbcClient jdbc, Scholen scholen, MailService mail, TransactionTemplate transactie,
                            Clock klok, @Value("${connector.mail.signaaloverzicht-vanaf}") String vanaf,
                            @Value("${connector.beheer.basis-url}") String basisUrl) {
        this.jdbc = jdbc;
        this.scholen = scholen;
        this.mail = mail;
        this.transactie = transactie;
        this.klok = klok;
        this.vanaf = LocalTime.parse(vanaf);
        this.pagina = (basisUrl.endsWith("/") ? basisUrl : basisUrl + "/") + "#signalen";
    }

    /** Today's digests on the connector's clock; returns how many mails were new. */
    public int mail() {
        return mail(LocalDateTime.now(klok));
    }

    public synchronized int mail(LocalDateTime nu) {
        if (nu.toLocalTime().isBefore(vanaf)) {
            return 0;
        }
        int nieuw = 0;
        for (School school : scholen.scholen()) {
            if (school.signalen().isEmpty()) {
                continue;
            }
            try {
                Boolean geplaatst = transactie.execute(s -> plaats(school, nu));
                nieuw += Boolean.TRUE.equals(geplaatst) ? 1 : 0;
            } catch (RuntimeException e) {
                // another instance placed today's digest at the same moment (the key is taken), or the database is
                // away: the next round looks again
                LOG.warn("Signaaloverzicht voor school {} niet klaargezet ({}); volgende ronde opnieuw", school.code(),
                        Foutketen.van(e));
            }
        }
        if (nieuw > 0) {
            LOG.info("{} signaaloverzicht(en) klaargezet voor {}", nieuw, nu.toLocalDate());
        }
        return nieuw;
    }

    /** One school's digest of the day, if it has new signals and none was placed today. */
    private boolean plaats(School school, LocalDateTime nu) {
        LocalDate dag = nu.toLocalDate();
        String sleutel = "signalen:" + school.code() + ":" + dag;
        if (jdbc.sql("select count(*) from mail_outbox where sleutel = ?").param(sleutel).query(Integer.class)
                .single() > 0) {
            return false;
        }
        Map<String, Long> perSoort = new LinkedHashMap<>();
        jdbc.sql("""
                        select soort, count(*) as aantal from melding
                        where brin = ? and vestiging = ? and kanaal = 'SIGNAAL' and in_signaaloverzicht is null
                        group by soort order by soort""")
                .params(school.brin(), school.vestiging())
                .query(rs -> {
                    perSoort.put(rs.getString("soort"), rs.getLong("aantal"));
                });
        if (perSoort.isEmpty()) {
            return false;
        }
        int gemarkeerd = jdbc.sql("""
                        update melding set in_signaaloverzicht = ?
                        where brin = ? and vestiging = ? and kanaal = 'SIGNAAL' and in_signaaloverzicht is null""")
                .params(Dialect.tijd(klok.instant()), school.brin(), school.vestiging()).update();
        if (gemarkeerd == 0) {
            return false; // another instance counted them a moment ago
        }
        long open = jdbc.sql("""
                        select count(*) from melding
                        where brin = ? and vestiging = ? and kanaal = 'SIGNAAL' and status = 'GESIGNALEERD'""")
                .params(school.brin(), school.vestiging()).query(Long.class).single();
        List<Map<String, Object>> regels = new ArrayList<>();
        long totaal = 0;
        for (Map.Entry<String, Long> soort : perSoort.entrySet()) {
            Map<String, Object> regel = new LinkedHashMap<>();
            regel.put("naam", soort.getKey());
            regel.put("titel", titel(school, soort.getKey()));
            regel.put("aantal", soort.getValue());
            regels.add(regel);
            totaal += soort.getValue();
        }
        Map<String, Object> gegevens = new LinkedHashMap<>();
        gegevens.put("school", school.naam());
        gegevens.put("contactpersoon", school.contactpersoon().naam());
        gegevens.put("datum", DATUM.format(dag));
        gegevens.put("signalen", regels);
        gegevens.put("totaal", totaal);
        gegevens.put("open", open);
        gegevens.put("link", pagina);
        return mail.plaats(sleutel, SOORT, null, school.contactpersoon().email(),
                "Signalen voor " + school.naam() + ": " + totaal + " nieuw" + " (" + DATUM.format(dag) + ")",
                gegevens);
    }

    /** The title the school gave its rule; ZAS signals in words. */
    private static String titel(School school, String soort) {
        for (Signaalregel regel : school.signalen()) {
            if (regel.naam().equals(soort)) {
                return regel.titel() == null ? soort : regel.titel();
            }
        }
        return switch (soort) {
            case "ZAS_4E_ZIEKMELDING_IN_12_WEKEN" -> "ZAS: 4e ziekmelding in 12 weken";
            case "ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN" -> "ZAS: 7e ziektedag aaneengesloten";
            default -> soort;
        };
    }
}
