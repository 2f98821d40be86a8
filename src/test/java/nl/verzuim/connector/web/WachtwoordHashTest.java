package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import nl.verzuim.connector.config.BeheerInstellingen.Account;

/** {@code wachtwoord-hash}: what it prints is a hash the connector takes as an account's password. */
class WachtwoordHashTest {

    @Test
    void deHashWerktAlsAccount() {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        ByteArrayOutputStream fout = new ByteArrayOutputStream();
        int status = WachtwoordHash.voerUit(new ByteArrayInputStream("Zomer-2026!\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(uit, true, StandardCharsets.UTF_8), new PrintStream(fout, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        String hash = uit.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("$2a$10$").hasSize(60).doesNotContain("Zomer");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        var gebruiker = Beveiliging.gebruikers(List.of(new Account("els", hash, "lezer")), false, bcrypt).get(0);
        assertThat(bcrypt.matches("Zomer-2026!", gebruiker.getPassword())).isTrue();
        assertThat(bcrypt.matches("zomer-2026!", gebruiker.getPassword())).isFalse();
    }

    @Test
    void zonderWachtwoordEenFout() {
        ByteArrayOutputStream fout = new ByteArrayOutputStream();
        assertThat(WachtwoordHash.voerUit(new ByteArrayInputStream(new byte[0]), System.out,
                new PrintStream(fout, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(fout.toString(StandardCharsets.UTF_8)).contains("geen wachtwoord");
    }
}
