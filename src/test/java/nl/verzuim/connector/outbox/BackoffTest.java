package nl.verzuim.connector.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The back-off between attempts doubles from its start and stops growing at its maximum, as configured. */
class BackoffTest {

    @Test
    void deWachttijdVerdubbeltTotHetMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertThat(backoff.na(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.na(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.na(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.na(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.na(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.na(40)).isEqualTo(Duration.ofMinutes(5));
    }
}
