package nl.verzuim.connector.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the operator page and API ({@code connector.beheer.*}; src/docs/operating.md, "Operator page, API and
 * login").
 *
 * @param accounts               the accounts; none outside the sandbox means nobody can log in
 * @param minKosten              outside the sandbox, the lowest bcrypt cost an account's hash may have (each step
 *                               doubles the work of guessing a password)
 * @param waarschuwingenEmail    where alerts to IT go (through the mail outbox); unset: the page shows them only
 * @param exportSchooldagen      school days without a registraties export that make an alert
 * @param waarschuwingenInterval how often the alerts are looked at (route waarschuwingen reads the same key)
 */
@ConfigurationProperties(prefix = "connector.beheer")
public record BeheerInstellingen(@DefaultValue List<Account> accounts, int minKosten, String waarschuwingenEmail,
                                 int exportSchooldagen, java.time.Duration waarschuwingenInterval) {

    /**
     * Each school an account names that {@code geconfigureerd} does not know (a typo, or a school not in the schools
     * file yet), as {@code 'naam' noemt school 12AB01}: such an account sees nothing of it, which nobody would notice
     * from the page. Checked by {@code controleer} and warned of at the start.
     */
    public List<String> onbekendeScholen(java.util.function.Predicate<String> geconfigureerd) {
        List<String> onbekend = new java.util.ArrayList<>();
        for (Account account : accounts) {
            if (account.scholen() == null) {
                continue;
            }
            account.scholen().stream().filter(java.util.Objects::nonNull)
                    .map(school -> school.trim().toUpperCase(java.util.Locale.ROOT))
                    .filter(school -> !geconfigureerd.test(school))
                    .forEach(school -> onbekend.add("'" + account.gebruikersnaam() + "' noemt school " + school));
        }
        return onbekend;
    }

    /**
     * @param gebruikersnaam the login name
     * @param hash           a bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$}); never the
     *                       password itself
     * @param rol            {@code beheerder} (reads and acts) or {@code lezer} (reads only)
     * @param scholen        the schools this account serves (BRIN + vestiging, {@code 12AB00}); none: the whole board
     */
    public record Account(String gebruikersnaam, String hash, String rol, List<String> scholen) {

        @ConstructorBinding
        public Account {
            scholen = scholen == null ? null : List.copyOf(scholen);
        }

        /** An account for the whole board. */
        public Account(String gebruikersnaam, String hash, String rol) {
            this(gebruikersnaam, hash, rol, null);
        }
    }
}
