package nl.verzuim.connector.beoordeel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;

class RegistratieopslagTest {

    @Test
    void geeftElkeLeerlingZijnRegistratiesTerugInVolgordeVanAankomstZonderOmschrijving() {
        Registratieopslag opslag = new Registratieopslag();
        Registratie heleDag = new Registratie(LocalDate.of(2026, 11, 2), null, null, null, Afwezigheidscode.ZK, "ziek");
        Registratie metTijden = new Registratie(LocalDate.of(2026, 11, 3), LocalTime.of(8, 30), LocalTime.of(12, 0, 30),
                null, Afwezigheidscode.ONG, null);
        Registratie nulMinuten = new Registratie(LocalDate.of(2026, 11, 4), LocalTime.of(23, 59, 59), null, 0,
                Afwezigheidscode.UIT, null);
        Registratie laatste = new Registratie(LocalDate.of(1999, 1, 1), null, null, 1440, Afwezigheidscode.REL, null);
        for (int i = 0; i < 40; i++) {
            opslag.voegToe("B-" + i, heleDag);
        }
        opslag.voegToe("A", metTijden);
        opslag.voegToe("A", heleDag);
        opslag.voegToe("A", nulMinuten);
        opslag.voegToe("A", laatste);

        assertThat(opslag.registraties("A")).containsExactly(metTijden,
                new Registratie(heleDag.datum(), null, null, null, Afwezigheidscode.ZK, null), nulMinuten, laatste);
        assertThat(opslag.registraties("B-39")).hasSize(1);
        assertThat(opslag.registraties("onbekend")).isEmpty();
        assertThat(opslag.sleutels()).hasSize(41).startsWith("B-0").endsWith("A");
        assertThat(opslag.aantalRegistraties()).isEqualTo(44);
    }
}
