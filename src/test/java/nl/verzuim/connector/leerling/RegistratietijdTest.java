package nl.verzuim.connector.leerling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A stored begintijd or eindtijd reads back as the time that was stored, whichever way it was written. */
class RegistratietijdTest {

    @ParameterizedTest
    @CsvSource({"08:30", "00:00", "23:59", "12:05:30", "07:15:00.250"})
    void eenOpgeslagenTijdLeestTerugAlsDezelfdeTijd(String tekst) {
        assertThat(RegistratieRepository.tijd(tekst)).isEqualTo(LocalTime.parse(tekst));
        assertThat(RegistratieRepository.tijd(LocalTime.parse(tekst).toString())).isEqualTo(LocalTime.parse(tekst));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "10:61", "8:30x", "ab:cd"})
    void eenOngeldigeTijdWordtGeweigerdZoalsLocalTimeParseDoet(String tekst) {
        assertThatThrownBy(() -> RegistratieRepository.tijd(tekst)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void geenTijdIsGeenTijd(String tekst) {
        assertThat(RegistratieRepository.tijd(tekst)).isNull();
        assertThat(RegistratieRepository.tijd(null)).isNull();
    }
}
