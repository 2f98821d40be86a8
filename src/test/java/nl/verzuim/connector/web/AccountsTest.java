package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import nl.verzuim.connector.config.BeheerInstellingen.Account;

/** Accounts from {@code connector.beheer.accounts}: checked at start-up, the sandbox's default only in the sandbox. */
class AccountsTest {

    static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    /** As {@code htpasswd -bnBC 10 "" geheim} prints it ($2y$): Apache's variant must work too. */
    static final String HTPASSWD_HASH = "$2y$10$" + BCRYPT.encode("geheim").substring(7);

    @Test
    void ingesteldeAccountsMetHunRol() {
        List<UserDetails> gebruikers = Beveiliging.gebruikers(List.of(
                new Account("jan", BCRYPT.encode("w8woord"), "beheerder"),
                new Account("els", HTPASSWD_HASH, "Lezer")), false, BCRYPT);
        assertThat(gebruikers).extracting(UserDetails::getUsername).containsExactly("jan", "els");
        assertThat(gebruikers.get(0).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_BEHEERDER", Beveiliging.BESTUUR);
        assertThat(gebruikers.get(1).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_LEZER", Beveiliging.BESTUUR);
        assertThat(BCRYPT.matches("w8woord", gebruikers.get(0).getPassword())).isTrue();
    }

    @Test
    void eenFoutIsEenFoutBijHetStartenZonderDeHashTeNoemen() {
        String geenBcrypt = "{noop}geheimpje";
        assertThatThrownBy(() -> Beveiliging.gebruikers(List.of(
                new Account("jan", geenBcrypt, "beheerder"),
                new Account("els", BCRYPT.encode("x"), "admin"),
                new Account(" ", BCRYPT.encode("x"), "lezer"),
                new Account("jan", BCRYPT.encode("x"), "lezer")), false, BCRYPT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connector.beheer.accounts[0].hash")
                .hasMessageContaining("connector.beheer.accounts[1].rol")
                .hasMessageContaining("connector.beheer.accounts[2].gebruikersnaam ontbreekt")
                .hasMessageContaining("connector.beheer.accounts[3].gebruikersnaam 'jan' staat er twee keer in")
                .message().doesNotContain("geheimpje");
    }

    @Test
    void zonderAccountsInDeSandboxHetGedocumenteerdeAccount() {
        List<UserDetails> gebruikers = Beveiliging.gebruikers(List.of(), true, BCRYPT);
        assertThat(gebruikers).hasSize(1);
        assertThat(gebruikers.get(0).getUsername()).isEqualTo("beheerder");
        assertThat(BCRYPT.matches("sandbox", gebruikers.get(0).getPassword())).isTrue();
        assertThat(gebruikers.get(0).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_BEHEERDER", Beveiliging.BESTUUR);
    }

    @Test
    void eenAccountMetScholenBedientAlleenDieScholen() {
        List<UserDetails> gebruikers = Beveiliging.gebruikers(List.of(
                new Account("piet", BCRYPT.encode("x"), "lezer", List.of("12ab00", "34CD01"))), false, BCRYPT);
        assertThat(gebruikers.get(0).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_LEZER", "SCHOOL_12AB00", "SCHOOL_34CD01");
        var bereik = Beveiliging.bereik(new org.springframework.security.authentication.TestingAuthenticationToken(
                "piet", null, List.copyOf(gebruikers.get(0).getAuthorities())));
        assertThat(bereik.heelBestuur()).isFalse();
        assertThat(bereik.dekt("12AB", "00")).isTrue();
        assertThat(bereik.dekt("12AB", "01")).isFalse();
        assertThat(bereik.dekt("00YY", "00")).isFalse();
    }

    @Test
    void eenOngeldigeOfLegeScholenlijstStoptDeStart() {
        assertThatThrownBy(() -> Beveiliging.gebruikers(List.of(
                new Account("piet", BCRYPT.encode("x"), "lezer", List.of("Verrekijker")),
                new Account("kees", BCRYPT.encode("x"), "lezer", List.of())), false, BCRYPT))
                .hasMessageContaining("connector.beheer.accounts[0].scholen[0]")
                .hasMessageContaining("connector.beheer.accounts[1].scholen");
    }

    @Test
    void zonderAccountsBuitenDeSandboxKanNiemandInloggen() {
        assertThat(Beveiliging.gebruikers(List.of(), false, BCRYPT)).isEmpty();
    }

    @Test
    void ingesteldeAccountsVervangenHetSandboxaccount() {
        assertThat(Beveiliging.gebruikers(List.of(new Account("els", BCRYPT.encode("x"), "lezer")), true, BCRYPT))
                .extracting(UserDetails::getUsername).containsExactly("els");
    }
}
