package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Testschool.KALENDER;
import static nl.verzuim.connector.rules.Testschool.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Domain §2: "The LPA cannot judge a melding without the verzuimoverzicht (the registrations that prove the
 * absence)". What DUO receives with a melding, worked out from the pupil's registrations as stored. Calendar:
 * {@link Testschool} (herfstvakantie 17–25 October 2026; Wednesday 210 lesminuten, other days 330).
 */
class VerzuimoverzichtTest {

    /** In order of arrival, as stored: a late-arriving correction keeps its place at the end. */
    static final List<Registratie> REGISTRATIES = List.of(
            Registratie.heleDag(d("2026-10-14"), Afwezigheidscode.ONG),                          // before the melding
            Registratie.heleDag(d("2026-10-15"), Afwezigheidscode.LUX),
            Registratie.heleDag(d("2026-10-16"), Afwezigheidscode.LUX),
            Registratie.heleDag(d("2026-10-19"), Afwezigheidscode.ONG),                          // herfstvakantie
            new Registratie(d("2026-10-26"), LocalTime.of(8, 30), LocalTime.of(8, 55), null, Afwezigheidscode.TL, "bus"),
            Registratie.heleDag(d("2026-10-27"), Afwezigheidscode.ZK),                           // ziek: geoorloofd
            Registratie.heleDag(d("2026-10-28"), Afwezigheidscode.ONG),                          // Wednesday
            Registratie.minuten(d("2026-11-02"), 100, Afwezigheidscode.ONG),                     // after the einddatum
            Registratie.minuten(d("2026-10-26"), 50, Afwezigheidscode.ONG));

    @Test
    void eenZestienUurMeldingToontHetOngeoorloofdeVerzuimOpSchooldagenVanBeginTotEind() {
        List<Registratie> overzicht = Verzuimoverzicht.van(Verzuimsoort.RELATIEF_16_UUR, d("2026-10-15"),
                d("2026-10-30"), REGISTRATIES, KALENDER);
        assertThat(overzicht).extracting(Registratie::datum, Registratie::code, Registratie::minuten).containsExactly(
                tuple(d("2026-10-26"), Afwezigheidscode.TL, 25),
                tuple(d("2026-10-28"), Afwezigheidscode.ONG, 210),
                tuple(d("2026-10-26"), Afwezigheidscode.ONG, 50));
        assertThat(overzicht).as("de omschrijving uit het LAS gaat niet mee").allMatch(r -> r.omschrijving() == null);
    }

    @Test
    void eenLuxeMeldingToontAlleenDeDagenZonderVerlof() {
        assertThat(Verzuimoverzicht.van(Verzuimsoort.LUXE, d("2026-10-15"), d("2026-10-16"), REGISTRATIES, KALENDER))
                .extracting(Registratie::datum, Registratie::minuten).containsExactly(
                        tuple(d("2026-10-15"), 330),
                        tuple(d("2026-10-16"), 330));
    }

    @Test
    void zonderEinddatumTeltElkeLatereSchooldag() {
        assertThat(Verzuimoverzicht.van(Verzuimsoort.OVERIG, d("2026-10-28"), null, REGISTRATIES, KALENDER))
                .extracting(Registratie::datum).containsExactly(d("2026-10-28"), d("2026-11-02"));
    }
}
