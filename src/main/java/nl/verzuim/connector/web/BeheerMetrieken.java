package nl.verzuim.connector.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.rules.Kanaal;

/**
 * Prometheus gauges read from the database ({@code /actuator/prometheus}), so they hold across restarts and
 * several instances: meldingen per kanaal and status, outbox depth and dead letters per kanaal, the age of the
 * oldest melding not yet delivered, files in quarantine. Tags are kanaal and status only — never a pupil or school.
 * One scrape reads the database once: the figures are taken together and kept for a few seconds.
 */
@Component
public class BeheerMetrieken implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(BeheerMetrieken.class);
    private static final Duration GELDIG = Duration.ofSeconds(5);
    /** Every outbox kanaal: OTLOOP carries the OT calls that keep a running melding current. */
    static final List<String> AFLEVERKANALEN = List.of("DUO", "OT", "OTLOOP", "MAIL");

    private final Beheeroverzicht beheer;
    private final Clock klok;

    private Momentopname laatste;
    private long gelezenOp = Long.MIN_VALUE;

    public BeheerMetrieken(Beheeroverzicht beheer, Clock klok) {
        this.beheer = beheer;
        this.klok = klok;
    }

    record Momentopname(Map<String, Map<String, Long>> meldingen, Map<String, Long> outbox,
                        Map<String, Long> doodlopers, Map<String, Instant> oudste, long quarantaine, Instant op) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Kanaal kanaal : Kanaal.values()) {
            for (MeldingStatus status : MeldingStatus.values()) {
                Gauge.builder("verzuim.meldingen", this, m -> m.meldingen(kanaal.name(), status.name()))
                        .description("Meldingen per kanaal en status")
                        .tag("kanaal", kanaal.name()).tag("status", status.name())
                        .register(registry);
            }
        }
        for (String kanaal : AFLEVERKANALEN) {
            Gauge.builder("verzuim.outbox.diepte", this, m -> m.getal(s -> s.outbox().getOrDefault(kanaal, 0L)))
                    .description("Werk in de outbox dat nog niet is afgeleverd (ook wat wacht op een nieuwe poging)")
                    .tag("kanaal", kanaal).register(registry);
            if (!kanaal.equals("MAIL")) {
                Gauge.builder("verzuim.outbox.doodlopers", this,
                                m -> m.getal(s -> s.doodlopers().getOrDefault(kanaal, 0L)))
                        .description("Aflevering die het opgaf: een mens moet handelen")
                        .tag("kanaal", kanaal).register(registry);
            }
            if (kanaal.equals("DUO") || kanaal.equals("OT")) { // a melding's own kanaal
                Gauge.builder("verzuim.melding.oudste.onverzonden.leeftijd", this, m -> m.leeftijd(kanaal))
                        .description("Hoe lang de oudste melding die nog weg moet al bestaat (onvolledig, wacht op"
                                + " goedkeuring of aanvulling, in de outbox of mislukt); 0 als er geen is")
                        .baseUnit("seconds").tag("kanaal", kanaal).register(registry);
            }
        }
        Gauge.builder("verzuim.quarantaine.bestanden", this, m -> m.getal(Momentopname::quarantaine))
                .description("Bestanden in quarantaine").register(registry);
    }

    double meldingen(String kanaal, String status) {
        return getal(s -> s.meldingen().getOrDefault(kanaal, Map.of()).getOrDefault(status, 0L));
    }

    double leeftijd(String kanaal) {
        Momentopname s = opname();
        if (s == null) {
            return Double.NaN;
        }
        Instant oudste = s.oudste().get(kanaal);
        return oudste == null ? 0 : Math.max(0, Duration.between(oudste, s.op()).toMillis() / 1000.0);
    }

    private double getal(java.util.function.ToLongFunction<Momentopname> waarde) {
        Momentopname s = opname();
        return s == null ? Double.NaN : waarde.applyAsLong(s);
    }

    /** The figures, read at most once per {@link #GELDIG}; NaN in every gauge while the database cannot answer. */
    synchronized Momentopname opname() {
        long nu = System.nanoTime(); // how fresh a cache is: elapsed time, not the connector's (settable) clock
        if (laatste != null && nu - gelezenOp < GELDIG.toNanos()) {
            return laatste;
        }
        try {
            laatste = new Momentopname(beheer.meldingenPerKanaalEnStatus(), beheer.outboxDiepte(),
                    beheer.doodlopersPerKanaal(), beheer.oudsteOnverzonden(), beheer.aantalInQuarantaine(),
                    klok.instant());
            gelezenOp = nu;
            return laatste;
        } catch (RuntimeException e) {
            LOG.warn("Metrieken: de database antwoordt niet ({})", e.getClass().getSimpleName());
            laatste = null;
            return null;
        }
    }

    /** Tests: read the database again on the next scrape. */
    synchronized void vergeet() {
        laatste = null;
    }
}
