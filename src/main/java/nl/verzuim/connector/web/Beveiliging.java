package nl.verzuim.connector.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import nl.verzuim.connector.config.BeheerInstellingen;
import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.persistence.Schoolbereik;
import nl.verzuim.connector.school.Scholen;

/**
 * Who may see and do what. Two filter chains:
 * <ul>
 * <li><b>API</b> ({@code /api/**}, {@code /actuator/**}): HTTP basic on every request, no session, no CSRF token.
 * CSRF abuses credentials a browser sends by itself (a session cookie); this chain accepts none — it ignores the
 * page's session cookie and creates no session — so a forged cross-site request carries no credentials. Scripts
 * and monitoring (curl, Prometheus) can then call it without first fetching a token. The OT webhook (its own
 * HMAC signature) and health are open.</li>
 * <li><b>Page</b> (everything else): form login with a session, CSRF tokens on every form; HTTP basic is accepted
 * too, for a quick {@code curl -u}.</li>
 * </ul>
 * In both, failed logins are logged and throttled per account and per address ({@link InlogPogingen}), and GET
 * and HEAD need the role {@code lezer} or {@code beheerder}; any other method {@code beheerder}. So a new endpoint
 * is protected without naming it here. An account with {@code scholen} serves those schools only ({@link #bereik});
 * what shows every school at once (metrics, the access log, the sandbox's mails) needs an account of the whole board.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(BeheerInstellingen.class)
public class Beveiliging {

    private static final Logger LOG = LoggerFactory.getLogger(Beveiliging.class);

    public static final String BEHEERDER = "BEHEERDER";
    public static final String LEZER = "LEZER";
    /** The authority of an account without {@code scholen}: it serves the whole board. */
    public static final String BESTUUR = "BEREIK_BESTUUR";
    /** The prefix of an authority naming one school a school-scoped account serves ({@code SCHOOL_00YY00}). */
    static final String SCHOOL = "SCHOOL_";
    private static final Pattern SCHOOLCODE = Pattern.compile("[0-9]{2}[A-Z]{2}([0-9]{2})?");
    /** The sandbox's account when none is configured: documented in the README ("Run it"), printed at start-up. */
    public static final String SANDBOX_GEBRUIKER = "beheerder";
    public static final String SANDBOX_WACHTWOORD = "sandbox";

    private static final Pattern BCRYPT = Pattern.compile("\\A\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}\\z");

    @Bean
    @Order(1)
    public SecurityFilterChain apiBeveiliging(HttpSecurity http, InlogPogingen pogingen) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .addFilterBefore(new InlogRem(pogingen), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/ot/gebeurtenissen").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // figures of every school, and who looked at which pupil: for board-wide accounts only
                        .requestMatchers("/actuator/prometheus", "/actuator/prometheus/**", "/api/toegangslog")
                        .hasAuthority(BESTUUR)
                        .requestMatchers(HttpMethod.GET).hasAnyRole(LEZER, BEHEERDER)
                        .requestMatchers(HttpMethod.HEAD).hasAnyRole(LEZER, BEHEERDER)
                        .anyRequest().hasRole(BEHEERDER))
                .httpBasic(b -> b.realmName("Verzuimconnector"))
                .csrf(c -> c.disable())
                .headers(h -> kopregels(h, CSP_API))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain paginaBeveiliging(HttpSecurity http, InlogPogingen pogingen) throws Exception {
        http.addFilterBefore(new InlogRem(pogingen), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // the error page of a request that was itself allowed (its own request was checked)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/login", "/verzuim.css", "/inloggen.css", "/fout.css")
                        .permitAll()
                        // the sandbox's mail view shows every school's mails
                        .requestMatchers("/sandbox/**").hasAuthority(BESTUUR)
                        .requestMatchers(HttpMethod.GET).hasAnyRole(LEZER, BEHEERDER)
                        .requestMatchers(HttpMethod.HEAD).hasAnyRole(LEZER, BEHEERDER)
                        .anyRequest().hasRole(BEHEERDER))
                .formLogin(f -> f.loginPage("/login").usernameParameter("gebruikersnaam")
                        .passwordParameter("wachtwoord").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(b -> b.realmName("Verzuimconnector"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?uitgelogd"))
                .headers(h -> kopregels(h, null))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    /**
     * The schools the logged-in account serves: the one place the scope is decided; every query of page and API
     * takes it.
     */
    public static Schoolbereik bereik(Authentication wie) {
        if (wie == null) {
            return Schoolbereik.van(List.of());
        }
        List<String> scholen = new ArrayList<>();
        for (GrantedAuthority recht : wie.getAuthorities()) {
            if (recht.getAuthority().equals(BESTUUR)) {
                return Schoolbereik.BESTUUR;
            }
            if (recht.getAuthority().startsWith(SCHOOL)) {
                scholen.add(recht.getAuthority().substring(SCHOOL.length()));
            }
        }
        return Schoolbereik.van(scholen);
    }

    /**
     * The page needs no script at all: styles come from its own files, images may be inline data, forms post only to
     * itself, and no other site may frame it. An injected script would not run.
     */
    static final String CSP_PAGINA = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    /** Swagger UI (springdoc) is a script application of files from 'self'; still nothing from elsewhere or inline. */
    static final String CSP_SWAGGER = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** JSON and metrics: nothing in them is to be run or shown as a page. */
    static final String CSP_API = "default-src 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(),"
            + " interest-cohort=()";

    /**
     * Security headers on every answer: CSP (for the page's chain, Swagger UI's own), no referrer (a URL can carry a
     * melding id), no browser features, and Spring Security's defaults (nosniff, X-Frame-Options DENY, no caching,
     * HSTS over HTTPS).
     */
    private static void kopregels(HeadersConfigurer<HttpSecurity> koppen, String csp) {
        koppen.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
        if (csp != null) {
            koppen.contentSecurityPolicy(c -> c.policyDirectives(csp));
        } else {
            RequestMatcher swagger = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                    PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
            koppen.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger,
                    new StaticHeadersWriter("Content-Security-Policy", CSP_SWAGGER)));
            koppen.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swagger),
                    new StaticHeadersWriter("Content-Security-Policy", CSP_PAGINA)));
        }
    }

    @Bean
    public PasswordEncoder wachtwoorden() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public UserDetailsService accounts(BeheerInstellingen beheer, ConnectorInstellingen connector,
                                       PasswordEncoder wachtwoorden, Scholen scholen) {
        List<String> onbekend = beheer.onbekendeScholen(code -> scholen.vind(code).isPresent());
        if (!onbekend.isEmpty()) {
            // not a stop: a school may be added to the schools file later; controleer reports it as a fault
            LOG.warn("Accounts voor scholen die niet in het scholenbestand staan (connector.beheer.accounts[].scholen):"
                    + " {}; zo'n account ziet daar niets van", String.join(", ", onbekend));
        }
        return new InMemoryUserDetailsManager(gebruikers(beheer.accounts(), connector.sandbox(), wachtwoorden));
    }

    /**
     * The configured accounts, checked: a missing name, a hash that is not bcrypt, an unknown role or a name twice
     * stops the start, naming the setting (never the hash). Nothing configured: in the sandbox the documented
     * sandbox account, else nobody — said in the log.
     */
    static List<UserDetails> gebruikers(List<BeheerInstellingen.Account> accounts, boolean sandbox,
                                        PasswordEncoder wachtwoorden) {
        if (accounts.isEmpty()) {
            if (sandbox) {
                LOG.warn("Sandbox: inloggen op de pagina en de API als '{}' met wachtwoord '{}' (rol beheerder)."
                        + " Alleen in de sandbox; stel connector.beheer.accounts in voor echt gebruik.",
                        SANDBOX_GEBRUIKER, SANDBOX_WACHTWOORD);
                return List.of(User.withUsername(SANDBOX_GEBRUIKER).password(wachtwoorden.encode(SANDBOX_WACHTWOORD))
                        .authorities("ROLE_" + BEHEERDER, BESTUUR).build());
            }
            LOG.warn("Geen accounts ingesteld (connector.beheer.accounts): niemand kan inloggen op de pagina en de"
                    + " API. De OT-webhook en /actuator/health werken wel. Zie src/docs/operating.md, 'Operator page,"
                    + " API and login'.");
            return List.of();
        }
        List<String> fouten = new ArrayList<>();
        List<UserDetails> gebruikers = new ArrayList<>();
        Set<String> namen = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            BeheerInstellingen.Account account = accounts.get(i);
            String plek = "connector.beheer.accounts[" + i + "]";
            String naam = account.gebruikersnaam() == null ? "" : account.gebruikersnaam().trim();
            if (naam.isEmpty()) {
                fouten.add(plek + ".gebruikersnaam ontbreekt");
                continue;
            }
            if (!namen.add(naam)) {
                fouten.add(plek + ".gebruikersnaam '" + naam + "' staat er twee keer in");
            }
            String hash = account.hash() == null ? "" : account.hash().trim();
            if (!BCRYPT.matcher(hash).matches()) {
                fouten.add(plek + ".hash (van '" + naam + "') is geen bcrypt-hash ($2a$/$2b$/$2y$, 60 tekens)");
            }
            String rol = account.rol() == null ? "" : account.rol().trim().toLowerCase(Locale.ROOT);
            if (!rol.equals("beheerder") && !rol.equals("lezer")) {
                fouten.add(plek + ".rol (van '" + naam + "') moet 'beheerder' of 'lezer' zijn");
                continue;
            }
            List<String> rechten = new ArrayList<>();
            rechten.add("ROLE_" + (rol.equals("beheerder") ? BEHEERDER : LEZER));
            if (account.scholen() == null) {
                rechten.add(BESTUUR);
            } else {
                for (int j = 0; j < account.scholen().size(); j++) {
                    String school = account.scholen().get(j) == null ? ""
                            : account.scholen().get(j).trim().toUpperCase(Locale.ROOT);
                    if (!SCHOOLCODE.matcher(school).matches()) {
                        fouten.add(plek + ".scholen[" + j + "] (van '" + naam + "') is geen BRIN+vestiging (12AB00)");
                    }
                    rechten.add(SCHOOL + school);
                }
                if (account.scholen().isEmpty()) {
                    fouten.add(plek + ".scholen (van '" + naam + "') is leeg: laat het weg voor het hele bestuur");
                }
            }
            gebruikers.add(User.withUsername(naam).password(hash).authorities(rechten.toArray(String[]::new)).build());
        }
        if (!fouten.isEmpty()) {
            throw new IllegalStateException("Accounts voor de beheerpagina kloppen niet: " + String.join("; ", fouten)
                    + " (zie src/docs/operating.md, 'Operator page, API and login')");
        }
        LOG.info("Beheer: {} account(s) ingesteld ({} beheerder, {} lezer)", gebruikers.size(),
                gebruikers.stream().filter(g -> g.getAuthorities().stream()
                        .anyMatch(r -> r.getAuthority().equals("ROLE_" + BEHEERDER))).count(),
                gebruikers.stream().filter(g -> g.getAuthorities().stream()
                        .anyMatch(r -> r.getAuthority().equals("ROLE_" + LEZER))).count());
        return gebruikers;
    }
}
