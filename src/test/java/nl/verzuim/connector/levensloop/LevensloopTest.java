package nl.verzuim.connector.levensloop;

import static nl.verzuim.connector.levensloop.Levensloop.Stap.ACCEPTEREN;
import static nl.verzuim.connector.levensloop.Levensloop.Stap.AFRONDEN;
import static nl.verzuim.connector.levensloop.Levensloop.Stap.INDIENEN;
import static nl.verzuim.connector.levensloop.Levensloop.Stap.OPNIEUW_INDIENEN;
import static nl.verzuim.connector.levensloop.Levensloop.Stap.TERUGZETTEN;
import static nl.verzuim.connector.levensloop.Levensloop.Status.AFGEROND;
import static nl.verzuim.connector.levensloop.Levensloop.Status.INGEDIEND;
import static nl.verzuim.connector.levensloop.Levensloop.Status.LOPEND;
import static nl.verzuim.connector.levensloop.Levensloop.Status.NIEUW;
import static nl.verzuim.connector.levensloop.Levensloop.Status.TERUGGEZET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.verzuim.connector.levensloop.Levensloop.Gevolg;
import nl.verzuim.connector.levensloop.Levensloop.Overgang;
import nl.verzuim.connector.levensloop.Levensloop.Terugzetreden;
import nl.verzuim.connector.levensloop.Levensloop.Uitkomst;
import nl.verzuim.connector.melding.ActieGeweigerd;

/** The lifecycle of domain §4, every step from every state, read off the diagram and its notes. */
class LevensloopTest {

    /** The diagram's five arrows: Nieuw → Ingediend → Lopend → Afgerond, and Ingediend ⇄ Teruggezet. */
    static Stream<Arguments> toegestaan() {
        return Stream.of(
                Arguments.of(NIEUW, INDIENEN, INGEDIEND),          // "Nieuw (nog indienen) --indienen-->"
                Arguments.of(INGEDIEND, ACCEPTEREN, LOPEND),       // SPPOH accepteert: lopende melding
                Arguments.of(INGEDIEND, TERUGZETTEN, TERUGGEZET),  // SPPOH zet terug, b.v. informatie ontbreekt
                Arguments.of(TERUGGEZET, OPNIEUW_INDIENEN, INGEDIEND), // "opnieuw indienen"
                Arguments.of(LOPEND, AFRONDEN, AFGEROND));         // school of SPPOH rondt af
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("toegestaan")
    void elkePijlVanHetSchemaMag(Levensloop.Status van, Levensloop.Stap stap, Levensloop.Status naar) {
        assertThat(Levensloop.mag(van, stap)).isTrue();
        assertThat(Levensloop.na(van, stap)).isEqualTo(naar);
    }

    /** Refused steps with the words the reason must carry. */
    static Stream<Arguments> geweigerd() {
        return Stream.of(
                Arguments.of(AFGEROND, ACCEPTEREN, "afgerond"),      // GEACCEPTEERD for a closed melding
                Arguments.of(AFGEROND, TERUGZETTEN, "afgerond"),
                Arguments.of(AFGEROND, AFRONDEN, "afgerond"),        // closed twice
                Arguments.of(AFGEROND, OPNIEUW_INDIENEN, "afgerond"),
                Arguments.of(AFGEROND, INDIENEN, "afgerond"),
                Arguments.of(NIEUW, ACCEPTEREN, "nieuw (nog niet ingediend)"),  // SPPOH never saw it
                Arguments.of(NIEUW, TERUGZETTEN, "nieuw (nog niet ingediend)"),
                Arguments.of(NIEUW, AFRONDEN, "alleen een lopende"),
                Arguments.of(NIEUW, OPNIEUW_INDIENEN, "alleen een teruggezette"),
                Arguments.of(INGEDIEND, INDIENEN, "ingediend bij SPPOH"),       // submitted twice
                Arguments.of(INGEDIEND, OPNIEUW_INDIENEN, "ingediend bij SPPOH"),
                Arguments.of(INGEDIEND, AFRONDEN, "alleen een lopende"),      // not yet accepted
                Arguments.of(TERUGGEZET, ACCEPTEREN, "teruggezet door SPPOH"), // must be resubmitted first
                Arguments.of(TERUGGEZET, TERUGZETTEN, "teruggezet door SPPOH"),
                Arguments.of(TERUGGEZET, AFRONDEN, "alleen een lopende"),
                Arguments.of(TERUGGEZET, INDIENEN, "opnieuw ingediend, niet voor het eerst"),
                Arguments.of(LOPEND, ACCEPTEREN, "lopend (door SPPOH geaccepteerd)"),                // accepted twice
                Arguments.of(LOPEND, TERUGZETTEN, "lopend (door SPPOH geaccepteerd)"),
                Arguments.of(LOPEND, INDIENEN, "lopend (door SPPOH geaccepteerd)"),
                Arguments.of(LOPEND, OPNIEUW_INDIENEN, "lopend (door SPPOH geaccepteerd)"));
    }

    @ParameterizedTest(name = "{0} --{1}--> geweigerd")
    @MethodSource("geweigerd")
    void eenOnmogelijkeStapWordtGeweigerdMetReden(Levensloop.Status van, Levensloop.Stap stap, String reden) {
        assertThat(Levensloop.mag(van, stap)).isFalse();
        assertThatThrownBy(() -> Levensloop.na(van, stap))
                .isInstanceOfSatisfying(Levensloop.OngeldigeStap.class, fout -> {
                    assertThat(fout.van()).isEqualTo(van);
                    assertThat(fout.stap()).isEqualTo(stap);
                    assertThat(fout.reden()).contains(reden);
                    assertThat(fout.getMessage()).contains(van.name()).contains(stap.name()).contains(reden);
                });
    }

    @Test
    void deTabellenDekkenAlle25Combinaties() {
        long toegestaan = toegestaan().count();
        long geweigerd = geweigerd().count();
        assertThat(toegestaan + geweigerd).isEqualTo(
                (long) Levensloop.Status.values().length * Levensloop.Stap.values().length);
    }

    @Test
    void eenOtStatusDieGeenTrajectstatusIsWordtDuidelijkGeweigerd() {
        assertThat(Levensloop.Status.van(null)).isEqualTo(NIEUW);
        assertThat(Levensloop.Status.van("TERUGGEZET")).isEqualTo(TERUGGEZET);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Levensloop.Status.van("ONVOLLEDIG"))
                .isInstanceOf(ActieGeweigerd.class).hasMessageContaining("ONVOLLEDIG")
                .hasMessageContaining("geen status van de levensloop");
        assertThat(EnumSet.allOf(Levensloop.Status.class).stream().map(Levensloop.Status::tekst).distinct())
                .as("one Dutch text per state").hasSize(Levensloop.Status.values().length);
    }

    @Test
    void alleenEenLopendeMeldingWordtBijgewerkt() {
        Set<Levensloop.Status> mag = EnumSet.noneOf(Levensloop.Status.class);
        for (Levensloop.Status s : Levensloop.Status.values()) {
            if (Levensloop.waaromNietBijwerken(s) == null) {
                mag.add(s);
                assertThat(Levensloop.waaromNietBijwerken(s)).isNull();
            } else {
                assertThat(Levensloop.waaromNietBijwerken(s)).isNotBlank();
            }
        }
        assertThat(mag).containsExactly(LOPEND);
        assertThat(Levensloop.waaromNietBijwerken(INGEDIEND)).contains("nog niet geaccepteerd");
    }

    @Test
    void otStatusEnGebeurtenissen() {
        assertThat(Levensloop.Status.van(null)).isEqualTo(NIEUW);
        assertThat(Levensloop.Status.van("LOPEND")).isEqualTo(LOPEND);
        assertThat(Levensloop.Stap.vanGebeurtenis("GEACCEPTEERD")).isEqualTo(ACCEPTEREN);
        assertThat(Levensloop.Stap.vanGebeurtenis("TERUGGEZET")).isEqualTo(TERUGZETTEN);
        assertThat(Levensloop.Stap.vanGebeurtenis("AFGEROND")).isEqualTo(AFRONDEN);
        assertThat(Levensloop.Stap.vanGebeurtenis("GEWIJZIGD")).isNull();
    }

    /**
     * SPPOH's answers (domain §4: "SPPOH accepteert", "SPPOH zet terug", afronden) as OT events, through the step
     * function the event handler applies: OT status as stored, event type, our (re)submission still on its way.
     */
    static Stream<Arguments> gebeurtenissen() {
        return Stream.of(
                Arguments.of("INGEDIEND", "GEACCEPTEERD", false,
                        Overgang.naar(LOPEND, Terugzetreden.WISSEN, "melding lopend; mail aan contactpersoon",
                                Gevolg.MAIL_GEACCEPTEERD)),
                Arguments.of("INGEDIEND", "TERUGGEZET", false,
                        Overgang.naar(TERUGGEZET, Terugzetreden.VAN_GEBEURTENIS,
                                "melding teruggezet; mail aan contactpersoon", Gevolg.LEGE_VELDEN_ONTHOUDEN,
                                Gevolg.MAIL_TERUGGEZET)),
                Arguments.of("LOPEND", "AFGEROND", false,
                        Overgang.naar(AFGEROND, Terugzetreden.HOUDEN, "melding afgerond")),
                Arguments.of("LOPEND", "GEWIJZIGD", false,
                        Overgang.naar(null, Terugzetreden.HOUDEN, "gewijzigd; geen actie")),
                // SPPOH answers our submission before we recorded it: wait for the next round
                Arguments.of(null, "GEACCEPTEERD", true, Overgang.wachten()),
                Arguments.of("TERUGGEZET", "GEACCEPTEERD", true, Overgang.wachten()),
                // none of ours on its way: the school submitted in OT itself, OT is the source of truth
                Arguments.of(null, "GEACCEPTEERD", false,
                        Overgang.naar(LOPEND, Terugzetreden.WISSEN, "melding lopend; mail aan contactpersoon",
                                Gevolg.MAIL_GEACCEPTEERD)),
                Arguments.of("TERUGGEZET", "TERUGGEZET", false,
                        Overgang.naar(TERUGGEZET, Terugzetreden.VAN_GEBEURTENIS,
                                "melding teruggezet; mail aan contactpersoon", Gevolg.LEGE_VELDEN_ONTHOUDEN,
                                Gevolg.MAIL_TERUGGEZET)));
    }

    @ParameterizedTest(name = "{0} + {1} (indienen onderweg: {2})")
    @MethodSource("gebeurtenissen")
    void eenGebeurtenisGeeftDeNieuweStatusEnWatErVerderGebeurt(String otStatus, String type, boolean onderweg,
                                                                Overgang verwacht) {
        assertThat(Levensloop.bijGebeurtenis(otStatus, type, onderweg)).isEqualTo(verwacht);
    }

    /** Impossible steps change nothing and carry the lifecycle's reason. */
    static Stream<Arguments> geweigerdeGebeurtenissen() {
        return Stream.of(
                Arguments.of("AFGEROND", "GEACCEPTEERD", "stap ACCEPTEREN kan niet vanuit AFGEROND: de melding is"
                        + " afgerond (klaar om te archiveren); er volgt geen stap meer"),
                Arguments.of("INGEDIEND", "AFGEROND", "stap AFRONDEN kan niet vanuit INGEDIEND: alleen een lopende"),
                Arguments.of("LOPEND", "TERUGGEZET", "stap TERUGZETTEN kan niet vanuit LOPEND"),
                Arguments.of("ONVOLLEDIG", "GEACCEPTEERD", "geen status van de levensloop"));
    }

    @ParameterizedTest(name = "{0} + {1}: geweigerd")
    @MethodSource("geweigerdeGebeurtenissen")
    void eenOnmogelijkeGebeurtenisVerandertNiets(String otStatus, String type, String reden) {
        Overgang overgang = Levensloop.bijGebeurtenis(otStatus, type, false);
        assertThat(overgang.uitkomst()).isEqualTo(Uitkomst.GEWEIGERD);
        assertThat(overgang.naar()).isNull();
        assertThat(overgang.gevolgen()).isEqualTo(List.of());
        assertThat(overgang.reden()).contains(reden);
    }
}
