package nl.verzuim.connector.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nl.verzuim.connector.rules.Beleid002;
import nl.verzuim.connector.rules.Regelinstellingen;

class SchoolconfiguratieLezerTest {

    static final String GELDIG = """
            scholen:
              - brin: 12AB
                vestiging: "00"
                naam: Basisschool De Regenboog
                onderwijssoort: PO
                contactpersoon:
                  naam: J. de Vries
                  email: verzuim@regenboog.example
                melder:
                  naam: J. de Vries
                  email: verzuim@regenboog.example
                  telefoon: "0701234567"
                las_profiel: standaard
                lesminuten:
                  maandag: 330
                  dinsdag: 330
                  woensdag: 210
                  donderdag: 330
                  vrijdag: 330
                vakanties:
                  - {naam: herfstvakantie, van: 2026-10-17, tot: 2026-10-25}
                vrije_dagen: [2026-12-25]
                meld_18_plus_16_uur: false
                verzenden: na_goedkeuring
            """;

    @Test
    void leestHetVoorbeeldUitLasInput() {
        School school = SchoolconfiguratieLezer.lees(new StringReader(GELDIG), "scholen.yaml").scholen().get(0);
        assertThat(school.code()).isEqualTo("12AB00");
        assertThat(school.onderwijssoort()).isEqualTo(School.Onderwijssoort.PO);
        assertThat(school.verzenden()).isEqualTo(School.Verzenden.NA_GOEDKEURING);
        assertThat(school.lesminuten()).containsEntry(DayOfWeek.WEDNESDAY, 210);
        assertThat(school.kalender().isSchooldag(LocalDate.of(2026, 10, 19))).as("herfstvakantie").isFalse();
        assertThat(school.kalender().isSchooldag(LocalDate.of(2026, 12, 25))).as("vrije dag").isFalse();
        assertThat(school.kalender().lesminuten(LocalDate.of(2026, 10, 28))).isEqualTo(210);
    }

    @Test
    void kanalenEnMeldingenVanafZoalsLasInputParagraaf3() {
        School standaard = SchoolconfiguratieLezer.lees(new StringReader(GELDIG), "s.yaml").scholen().get(0);
        assertThat(standaard.kanalen()).as("standaard beide").containsExactlyInAnyOrder(
                nl.verzuim.connector.rules.Kanaal.DUO, nl.verzuim.connector.rules.Kanaal.OT);
        assertThat(standaard.meldingenVanaf()).isNull();
        assertThat(standaard.voorMeldingenVanaf(LocalDate.of(2000, 1, 1))).isFalse();

        School eigen = SchoolconfiguratieLezer.lees(new StringReader(GELDIG.replace("    verzenden: na_goedkeuring",
                "    verzenden: na_goedkeuring\n    kanalen: [OT]\n    meldingen_vanaf: 2027-01-04")), "s.yaml")
                .scholen().get(0);
        assertThat(eigen.bedient(nl.verzuim.connector.rules.Kanaal.DUO)).isFalse();
        assertThat(eigen.bedient(nl.verzuim.connector.rules.Kanaal.OT)).isTrue();
        assertThat(eigen.voorMeldingenVanaf(LocalDate.of(2027, 1, 3))).isTrue();
        assertThat(eigen.voorMeldingenVanaf(LocalDate.of(2027, 1, 4))).isFalse();

        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(new StringReader(GELDIG.replace(
                "    verzenden: na_goedkeuring", "    verzenden: na_goedkeuring\n    kanalen: [LAS]")), "s.yaml"))
                .hasMessageContaining("regel 25").hasMessageContaining("kies DUO en/of OT");
    }

    @Test
    void eenOnbekendeSleutelNoemtBestandEnRegel() {
        String fout = GELDIG.replace("    meld_18_plus_16_uur: false", "    meld_18_plus_16_uur: false\n    meld_18: ja");
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(new StringReader(fout), "scholen.yaml"))
                .isInstanceOf(SchoolconfiguratieFout.class)
                .hasMessage("scholen.yaml regel 24: onbekende sleutel 'scholen[].meld_18'");
    }

    @Test
    void eenOngeldigeWaardeNoemtDeRegel() {
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(new StringReader(GELDIG.replace("12AB", "12ab")), "s.yaml"))
                .hasMessageContaining("s.yaml regel 2").hasMessageContaining("brin '12ab'");
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(new StringReader(GELDIG.replace("verzuim@regenboog.example\n    melder",
                "geen-adres\n    melder")), "s.yaml"))
                .hasMessageContaining("regel 8").hasMessageContaining("geen e-mailadres");
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(new StringReader(GELDIG.replace("tot: 2026-10-25", "tot: 2026-10-15")), "s.yaml"))
                .hasMessageContaining("'tot' ligt voor 'van'");
    }

    @Test
    void eenOntbrekendeVerplichteSleutelWordtGenoemd() {
        String zonder = GELDIG.replace("    onderwijssoort: PO\n", "");
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(new StringReader(zonder), "s.yaml"))
                .hasMessageContaining("sleutel 'onderwijssoort' ontbreekt");
    }

    // ---- signalen: (issue 15, src/docs/rules.md "The school's own signals") ----

    /** The test school with {@code signalen:} (indented as a school's key) after its last key. */
    static String metSignalen(String signalen) {
        return GELDIG + signalen.indent(4);
    }

    @Test
    void hetVoorbeeldVanDeReadmeIsHetBeleidVanSeed002() {
        School school = SchoolconfiguratieLezer.lees(new StringReader(metSignalen(Beleid002.YAML)), "scholen.yaml")
                .scholen().get(0);
        assertThat(school.signalen()).isEqualTo(Beleid002.REGELS);
        assertThat(school.regelinstellingen().signalen()).isEqualTo(Beleid002.REGELS);
    }

    @Test
    void eenSchoolZonderSignalenHeeftDeRegelinstellingenVanVandaag() {
        School school = SchoolconfiguratieLezer.lees(new StringReader(GELDIG), "scholen.yaml").scholen().get(0);
        assertThat(school.signalen()).isEmpty();
        assertThat(school.regelinstellingen()).isEqualTo(new Regelinstellingen(false));
    }

    @Test
    void eenOnbekendeSleutelInEenSignaalNoemtBestandRegelSchoolEnSleutel() {
        String fout = metSignalen("""
                signalen:
                  - {naam: TE_LAAT, codes: [TL], telt: registraties, stappen: [3], venster: schooljaar}
                  - naam: SPIJBELEN
                    codes: [ONG]
                    telt: dagen
                    drempel: [3]
                    venster: schooljaar
                """);
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(new StringReader(fout), "scholen.yaml"))
                .isInstanceOf(SchoolconfiguratieFout.class)
                .hasMessageStartingWith("scholen.yaml regel 30: school 12AB00, signalen[2]: onbekende sleutel 'drempel'");
    }

    @Test
    void eenVerkeerdeWaardeInEenSignaalNoemtSchoolEnSleutel() {
        assertThatThrownBy(() -> lees("{naam: TE_LAAT, codes: [TL], telt: keren, stappen: [3], venster: schooljaar}"))
                .hasMessageContaining("regel 26: school 12AB00, signalen[1].telt: 'keren' is niet toegestaan; kies"
                        + " registraties | dagen | minuten | ziekmeldingen | ziektedagen | weekdagpatroon");
        assertThatThrownBy(() -> lees("{naam: TE_LAAT, codes: [XX], telt: dagen, stappen: [3], venster: schooljaar}"))
                .hasMessageContaining("school 12AB00, signalen[1].codes: 'XX' is niet toegestaan");
        assertThatThrownBy(() -> lees("{naam: TE_LAAT, codes: [TL], telt: dagen, stappen: [3, 2], venster: schooljaar}"))
                .hasMessageContaining("school 12AB00, signalen[1]: signaal TE_LAAT, stappen [3, 2]: moeten positief"
                        + " zijn en oplopen");
        assertThatThrownBy(() -> lees("{naam: TE_LAAT, codes: [TL], telt: dagen, stappen: [drie], venster: schooljaar}"))
                .hasMessageContaining("school 12AB00, signalen[1].stappen: 'drie' is geen geheel getal");
        assertThatThrownBy(() -> lees("{naam: TE_LAAT, codes: [TL], telt: dagen, stappen: [3], venster: {weken: 4}}"))
                .hasMessageContaining("school 12AB00, signalen[1].venster: onbekende sleutel 'weken'");
        assertThatThrownBy(() -> lees("{naam: TE_LAAT, codes: [TL], telt: dagen, stappen: [3], venster: {lesweken: 60}}"))
                .hasMessageContaining("school 12AB00, signalen[1].venster: venster lesweken: 60 ligt niet tussen 1 en 52");
        assertThatThrownBy(() -> lees("{naam: TE_LAAT, codes: [TL], stappen: [3], venster: schooljaar}"))
                .hasMessageContaining("school 12AB00, signalen[1]: sleutel 'telt' ontbreekt");
        assertThatThrownBy(() -> lees("{naam: ZAS_EIGEN, codes: [ZK], telt: dagen, stappen: [3], venster: schooljaar}"))
                .hasMessageContaining("school 12AB00, signalen[1]: signaal ZAS_EIGEN: naam is al een landelijke soort");
    }

    @Test
    void eenNaamTweeKeerIsEenFout() {
        String regel = "{naam: TE_LAAT, codes: [TL], telt: registraties, stappen: [3], venster: schooljaar}";
        assertThatThrownBy(() -> lees(regel + "\n  - " + regel))
                .hasMessageContaining("regel 27: school 12AB00, signalen[2].naam: TE_LAAT staat er twee keer in");
    }

    // ---- ot_indienen: (issue 15, src/docs/lifecycle.md "OT forms a person completes") ----

    @Test
    void otIndienenIsStandaardAutomatischEnNaAanvullingAlsDeSchoolDatKiest() {
        School standaard = SchoolconfiguratieLezer.lees(new StringReader(GELDIG), "scholen.yaml").scholen().get(0);
        assertThat(standaard.otIndienen()).as("zonder de sleutel: als vandaag").isEqualTo(School.OtIndienen.AUTOMATISCH);
        School naAanvulling = SchoolconfiguratieLezer.lees(new StringReader(metSignalen("ot_indienen: na_aanvulling\n")),
                "scholen.yaml").scholen().get(0);
        assertThat(naAanvulling.otIndienen()).isEqualTo(School.OtIndienen.NA_AANVULLING);
        assertThat(naAanvulling).isNotEqualTo(standaard);
        assertThat(SchoolconfiguratieLezer.lees(new StringReader(metSignalen("ot_indienen: automatisch\n")),
                "scholen.yaml").scholen().get(0)).isEqualTo(standaard);
    }

    @Test
    void eenOnbekendeWaardeVanOtIndienenNoemtBestandRegelSchoolEnSleutel() {
        assertThatThrownBy(() -> SchoolconfiguratieLezer.lees(new StringReader(metSignalen("ot_indienen: later\n")),
                "scholen.yaml"))
                .hasMessage("scholen.yaml regel 25: school 12AB00, ot_indienen: 'later' is niet toegestaan; kies"
                        + " automatisch | na_aanvulling");
    }

    private static Scholen lees(String eenRegel) {
        return SchoolconfiguratieLezer.lees(new StringReader(metSignalen("signalen:\n  - " + eenRegel + "\n")),
                "scholen.yaml");
    }
}
