package nl.verzuim.connector.melding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import nl.verzuim.connector.config.ConnectorInstellingen;

/** The back-off between attempts doubles from its start and stops growing at its maximum, as configured. */
class OutboxWerkTest {

    @Test
    void deWachttijdVerdubbeltTotHetMaximum() {
        ConnectorInstellingen instellingen = new Binder(new MapConfigurationPropertySource(Map.of(
                "connector.outbox.backoff-start", "30s", "connector.outbox.backoff-max", "5m")))
                .bind("connector", ConnectorInstellingen.class).get();
        OutboxWerk werk = new OutboxWerk(null, null, null, instellingen, Clock.systemUTC(), "test");
        assertThat(werk.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(werk.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(werk.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(werk.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(werk.backoff(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(werk.backoff(40)).isEqualTo(Duration.ofMinutes(5));
    }
}
