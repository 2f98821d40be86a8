package nl.verzuim.connector.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (the login form's POST, or HTTP basic credentials) for an account or from an address that
 * {@link InlogPogingen} holds back: 429 with Retry-After, before the password is even checked. Placed in the security
 * chains by {@link Beveiliging}; not a bean of its own, so that Spring Boot does not register it a second time.
 */
final class InlogRem extends OncePerRequestFilter {

    private final InlogPogingen pogingen;

    InlogRem(InlogPogingen pogingen) {
        this.pogingen = pogingen;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest verzoek, HttpServletResponse antwoord, FilterChain keten)
            throws ServletException, IOException {
        String account = account(verzoek);
        if (account != null) {
            Duration wacht = pogingen.geblokkeerd(account, verzoek.getRemoteAddr());
            if (!wacht.isZero()) {
                long seconden = Math.max(1, wacht.toSeconds());
                antwoord.setStatus(429);
                antwoord.setHeader("Retry-After", Long.toString(seconden));
                antwoord.setContentType("text/plain;charset=UTF-8");
                antwoord.getWriter().write("Te veel mislukte inlogpogingen; probeer het over " + seconden
                        + " seconden opnieuw.");
                return;
            }
        }
        keten.doFilter(verzoek, antwoord);
    }

    /** The account a request tries to log in as: the login form's name, or that of its HTTP basic credentials. */
    private static String account(HttpServletRequest verzoek) {
        if (HttpMethod.POST.matches(verzoek.getMethod()) && "/login".equals(verzoek.getServletPath())) {
            String naam = verzoek.getParameter("gebruikersnaam");
            return naam == null ? "" : naam.trim();
        }
        String kop = verzoek.getHeader("Authorization");
        if (kop != null && kop.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String paar = new String(Base64.getDecoder().decode(kop.substring(6).trim()), StandardCharsets.UTF_8);
                int dubbelepunt = paar.indexOf(':');
                return dubbelepunt < 0 ? paar : paar.substring(0, dubbelepunt);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
