package nl.verzuim.connector.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins (page form and HTTP basic): each is logged with the account name and source address — never the
 * password — and counted per account and per address. After {@link #DREMPEL_ACCOUNT} failures of one account, or
 * {@link #DREMPEL_ADRES} from one address, within {@link #VENSTER}, further tries of that account or from that address
 * are refused ({@link InlogRem}, 429) for a period that doubles with each further failure, up to {@link #MAX_BLOK}:
 * guessing a password becomes hopelessly slow, and a locked-out operator waits minutes, not forever. A successful
 * login clears its account. Metrics count failures and refusals; their tags name no account or address.
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
    private static final int MAX_BIJGEHOUDEN = 10_000;

    private final Map<String, Stand> standen = new ConcurrentHashMap<>();
    private final Clock klok;
    private final Counter mislukt;
    private final Counter geweigerd;

    public InlogPogingen(Clock klok, MeterRegistry metrieken) {
        this.klok = klok;
        this.mislukt = Counter.builder("verzuim.inloggen.mislukt").description("Mislukte inlogpogingen")
                .register(metrieken);
        this.geweigerd = Counter.builder("verzuim.inloggen.geweigerd")
                .description("Inlogpogingen geweigerd na te veel mislukte pogingen (429)").register(metrieken);
    }

    private record Stand(int mislukt, Instant laatste, Instant geblokkeerdTot) {
    }

    @EventListener
    public void mislukt(AbstractAuthenticationFailureEvent gebeurtenis) {
        Authentication poging = gebeurtenis.getAuthentication();
        String account = poging.getName() == null ? "" : poging.getName();
        String adres = poging.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "?";
        mislukt.increment();
        int keer = tel("account:" + account, DREMPEL_ACCOUNT);
        tel("adres:" + adres, DREMPEL_ADRES);
        LOG.warn("Inloggen mislukt voor account '{}' vanaf {} ({}e keer binnen {} minuten)", Logtekst.veilig(account),
                adres, keer, VENSTER.toMinutes());
    }

    @EventListener
    public void gelukt(AuthenticationSuccessEvent gebeurtenis) {
        standen.remove("account:" + gebeurtenis.getAuthentication().getName());
    }

    /** Forgets every count and hold, as a restart does (the tests start each case from none). */
    public void vergeetAlles() {
        standen.clear();
    }

    /** How long tries of this account or from this address are still refused; zero when they are not. */
    public Duration geblokkeerd(String account, String adres) {
        Instant nu = klok.instant();
        Duration wacht = Duration.ZERO;
        for (String sleutel : new String[] {"account:" + account, "adres:" + adres}) {
            Stand stand = standen.get(sleutel);
            if (stand != null && stand.geblokkeerdTot() != null && stand.geblokkeerdTot().isAfter(nu)) {
                Duration rest = Duration.between(nu, stand.geblokkeerdTot());
                wacht = rest.compareTo(wacht) > 0 ? rest : wacht;
            }
        }
        if (!wacht.isZero()) {
            geweigerd.increment();
        }
        return wacht;
    }

    private int tel(String sleutel, int drempel) {
        Instant nu = klok.instant();
        if (standen.size() >= MAX_BIJGEHOUDEN) {
            standen.values().removeIf(s -> s.laatste().isBefore(nu.minus(VENSTER))
                    && (s.geblokkeerdTot() == null || s.geblokkeerdTot().isBefore(nu)));
        }
        Stand stand = standen.compute(sleutel, (k, oud) -> {
            int keer = oud == null || oud.laatste().isBefore(nu.minus(VENSTER)) ? 1 : oud.mislukt() + 1;
            Instant tot = null;
            if (keer >= drempel) {
                long factor = 1L << Math.min(20, keer - drempel);
                Duration blok = EERSTE_BLOK.multipliedBy(factor);
                tot = nu.plus(blok.compareTo(MAX_BLOK) > 0 ? MAX_BLOK : blok);
            }
            return new Stand(keer, nu, tot);
        });
        return stand.mislukt();
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
