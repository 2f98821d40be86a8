package nl.verzuim.connector.config;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept (AVG opslagbeperking; src/docs/privacy.md). Defaults in {@code application.yml}.
 *
 * @param bewaartermijn          personal data of a pupil with no open melding and no registration or change within
 *                               this period is deleted ({@code connector.bewaartermijn}, ISO-8601, e.g. {@code P1Y})
 * @param bewaartermijnControle  how often the job looks whether today's clean-up has run (it runs once a day)
 * @param toegangslog            the access log's own period
 */
@ConfigurationProperties(prefix = "connector")
public record PrivacyInstellingen(Period bewaartermijn, Duration bewaartermijnControle,
                                  @DefaultValue Toegangslog toegangslog) {

    /** @param bewaartermijn how long a line of the access log is kept */
    public record Toegangslog(Period bewaartermijn) {
    }
}
