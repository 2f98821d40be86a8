package nl.verzuim.connector.leerling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentificatieTest {

    @ParameterizedTest(name = "BSN {0} → {1} ({2})")
    @CsvSource({
            "111222333, true, testnummer",
            "269326728, true, OSO-voorbeeld OV POVO",
            "210191879, true, OSO-voorbeeld OV VOVO",
            "133456785, false, EDEXML-voorbeeld: faalt de elfproef",
            "269326729, false, laatste cijfer fout",
            "000000000, false, nul",
            "12345678, false, acht cijfers",
            "12345678a, false, letter"})
    void bsnElfproef(String bsn, boolean geldig, String waarom) {
        assertThat(Identificatie.isGeldigBsn(bsn)).as(waarom).isEqualTo(geldig);
    }

    @ParameterizedTest(name = "onderwijsnummer {0} → {1} ({2})")
    @CsvSource({
            "100000004, true, begint met 10 en rest 5 (gewichten 9..2 en -1)",
            "101234567, false, rest 2",
            "100000009, false, rest 0: een BSN-achtig nummer",
            "200000002, false, rest 5 maar begint niet met 10"})
    void onderwijsnummer(String nummer, boolean geldig, String waarom) {
        assertThat(Identificatie.isGeldigOnderwijsnummer(nummer)).as(waarom).isEqualTo(geldig);
    }
}
