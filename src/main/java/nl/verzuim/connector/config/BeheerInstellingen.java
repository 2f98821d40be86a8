package nl.verzuim.connector.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the operator page and API ({@code connector.beheer.*}; src/docs/operating.md, "Operator page, API and
 * login").
 *
 * @param accounts               the accounts; none outside the sandbox means nobody can log in
 * @param waarschuwingenEmail    where alerts to IT go (through the mail outbox); unset: the page shows them only
 * @param exportSchooldagen      school days without a registraties export that make an alert
 * @param waarschuwingenInterval how often the alerts are looked at (route waarschuwingen reads the same key)
 */
@ConfigurationProperties(prefix = "connector.beheer")
public record BeheerInstellingen(@DefaultValue List<Account> accounts, String waarschuwingenEmail,
                                 int exportSchooldagen, java.time.Duration waarschuwingenInterval) {

    /**
     * @param gebruikersnaam the login name
     * @param hash           a bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$}); never the
     *                       password itself
     * @param rol            {@code beheerder} (reads and acts) or {@code lezer} (reads only)
     */
    public record Account(String gebruikersnaam, String hash, String rol) {
    }
}
