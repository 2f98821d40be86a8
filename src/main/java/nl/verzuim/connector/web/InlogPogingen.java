package nl.verzuim.connector.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.persistence.Dialect;

/**
 * Failed logins (page form and HTTP basic): each is logged with the account name and source address — never the
 * password — and counted per account and per address. After {@link #DREMPEL_ACCOUNT} failures of one account, or
 * {@link #DREMPEL_ADRES} from one address, within {@link #VENSTER}, further tries of that account or from that address
 * are refused ({@link InlogRem}, 429) for a period that doubles with each further failure, up to {@link #MAX_BLOK}:
 * guessing a password becomes hopelessly slow, and a locked-out operator waits minutes, not forever. A successful
 * login clears its account. Metrics count failures and refusals; their tags name no account or address.
 *
 * <p>The counts live in the database (table {@code inlog_poging}), so that instances behind one load balancer count
 * together and a restart does not reset a hold. Two instances counting the same failure at the same moment may
 * miss one: for a throttle that is enough. A row goes once its window has passed and it holds nothing back.
 */
@Component
public class InlogPogingen {

    private static final Logger LOG = LoggerFactory.getLogger(InlogPogingen.class);
    static final int DREMPEL_ACCOUNT = 5;
    static final int DREMPEL_ADRES = 20;
    static final Duration VENSTER = Duration.ofMinutes(15);
    static final Duration EERSTE_BLOK = Duration.ofSeconds(30);
    static final Duration MAX_BLOK = Duration.ofMinutes(15);
    /** Bounds the memory an attacker can fill with made-up names or addresses. */
    private final JdbcClient jdbc;
    private final Clock klok;
    private final Counter mislukt;
    private final Counter geweigerd;

    public InlogPogingen(JdbcClient jdbc, Clock klok, MeterRegistry metrieken) {
        this.jdbc = jdbc;
        this.klok = klok;
        this.mislukt = Counter.builder("verzuim.inloggen.mislukt").description("Mislukte inlogpogingen")
                .register(metrieken);
        this.geweigerd = Counter.builder("verzuim.inloggen.geweigerd")
                .description("Inlogpogingen geweigerd na te veel mislukte pogingen (429)").register(metrieken);
    }

    @EventListener
    public void mislukt(AbstractAuthenticationFailureEvent gebeurtenis) {
        Authentication poging = gebeurtenis.getAuthentication();
        String account = poging.getName() == null ? "" : poging.getName();
        String adres = poging.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "?";
        mislukt.increment();
        Instant nu = klok.instant();
        // what has passed its window and holds nothing back goes first: the table stays small whatever is typed
        jdbc.sql("delete from inlog_poging where laatste < ? and (geblokkeerd_tot is null or geblokkeerd_tot < ?)")
                .params(Dialect.tijd(nu.minus(VENSTER)), Dialect.tijd(nu)).update();
        int keer = tel(sleutel("account:", account), DREMPEL_ACCOUNT, nu);
        tel(sleutel("adres:", adres), DREMPEL_ADRES, nu);
        LOG.warn("Inloggen mislukt voor account '{}' vanaf {} ({}e keer binnen {} minuten)", Logtekst.veilig(account),
                adres, keer, VENSTER.toMinutes());
    }

    @EventListener
    public void gelukt(AuthenticationSuccessEvent gebeurtenis) {
        jdbc.sql("delete from inlog_poging where sleutel = ?")
                .param(sleutel("account:", gebeurtenis.getAuthentication().getName())).update();
    }

    /** Forgets every count and hold (the tests start each case from none). */
    public void vergeetAlles() {
        jdbc.sql("delete from inlog_poging").update();
    }

    /** How long tries of this account or from this address are still refused; zero when they are not. */
    public Duration geblokkeerd(String account, String adres) {
        Instant nu = klok.instant();
        List<Instant> tot = jdbc.sql("select geblokkeerd_tot from inlog_poging where sleutel in (?, ?)"
                        + " and geblokkeerd_tot > ? order by geblokkeerd_tot desc")
                .params(sleutel("account:", account), sleutel("adres:", adres), Dialect.tijd(nu))
                .query((rs, n) -> Dialect.instant(rs.getObject(1, OffsetDateTime.class))).list();
        if (tot.isEmpty()) {
            return Duration.ZERO;
        }
        geweigerd.increment();
        return Duration.between(nu, tot.get(0));
    }

    /** A key of the table: what someone typed is cut to fit (the limits below count it all the same). */
    private static String sleutel(String soort, String waarde) {
        String sleutel = soort + waarde;
        return sleutel.length() <= 200 ? sleutel : sleutel.substring(0, 200);
    }

    /** Counts one failure for the key; from {@code drempel} on it holds the key back, doubling each time. */
    private int tel(String sleutel, int drempel, Instant nu) {
        Object venstergrens = Dialect.tijd(nu.minus(VENSTER));
        String verhoog = "update inlog_poging set mislukt = case when laatste < ? then 1 else mislukt + 1 end,"
                + " laatste = ? where sleutel = ?";
        if (jdbc.sql(verhoog).params(venstergrens, Dialect.tijd(nu), sleutel).update() == 0) {
            try {
                jdbc.sql("insert into inlog_poging (sleutel, mislukt, laatste) values (?, 1, ?)")
                        .params(sleutel, Dialect.tijd(nu)).update();
            } catch (DuplicateKeyException e) {
                // another instance counted this key's first failure at the same moment: count on its row
                jdbc.sql(verhoog).params(venstergrens, Dialect.tijd(nu), sleutel).update();
            }
        }
        int keer = jdbc.sql("select mislukt from inlog_poging where sleutel = ?").param(sleutel)
                .query(Integer.class).single();
        if (keer >= drempel) {
            long factor = 1L << Math.min(20, keer - drempel);
            Duration blok = EERSTE_BLOK.multipliedBy(factor);
            jdbc.sql("update inlog_poging set geblokkeerd_tot = ? where sleutel = ?")
                    .params(Dialect.tijd(nu.plus(blok.compareTo(MAX_BLOK) > 0 ? MAX_BLOK : blok)), sleutel).update();
        }
        return keer;
    }

    /** What is logged of a name someone typed: printable, short, so that it cannot forge log lines. */
    static final class Logtekst {
        private Logtekst() {
        }

        static String veilig(String tekst) {
            StringBuilder uit = new StringBuilder();
            tekst.codePoints().limit(64).forEach(c -> uit.appendCodePoint(Character.isISOControl(c) ? '?' : c));
            return uit.toString();
        }
    }
}
