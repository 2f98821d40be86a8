package nl.verzuim.connector.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class RegistratieTest {

    @Test
    void deOmschrijvingUitHetLasKomtNietInLogregels() {
        Registratie r = new Registratie(LocalDate.of(2026, 11, 16), LocalTime.of(8, 30), null, 330,
                Afwezigheidscode.ZK, "ziek gemeld door moeder, mevrouw Jansen");
        assertThat(r.toString()).isEqualTo("Registratie[2026-11-16 08:30 ZK 330 min]").doesNotContain("Jansen");
    }
}
