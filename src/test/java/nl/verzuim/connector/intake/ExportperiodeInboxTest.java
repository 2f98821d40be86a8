package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.support.CorrectieschoolTestBasis;
import nl.verzuim.connector.support.Database;

/**
 * "An export speaks for its period" (domain §3, las-input.md §2) through the real inbox: what the rules are given
 * for a pupil after a series of files. The same cases, in memory, are the tables of {@code ExportperiodeTest}.
 * School 00YY00 reads the {@code standaard} profile (vervangt: school), 11AA00 a profile with registratie_id and
 * {@code vervangt: leerlingen}, 11BB00 one with registratie_id and {@code vervangt: niets}.
 */
@Tag("database")
class ExportperiodeInboxTest extends CorrectieschoolTestBasis {

    static final String KOP = "leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n";
    static final String KOP_ID = "registratie_id;leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n";

    @Autowired
    RegistratieRepository registraties;

    @Test
    void eenHercodeDagTeltAlleenNogMetZijnNieuweCode() throws Exception {
        lees("00YY00_maandag.csv", KOP + """
                LN1;2026-11-02;;;;ONG;
                LN1;2026-11-03;;;;ONG;
                LN1;2026-11-04;;;;ONG;
                """);
        lees("00YY00_dinsdag.csv", KOP + """
                LN1;2026-11-02;;;;ZK;ouder belde achteraf
                LN1;2026-11-03;;;;ZK;
                LN1;2026-11-04;;;;ZK;
                """);

        assertThat(dagen("00YY", "LN1")).containsExactly("2026-11-02 ZK", "2026-11-03 ZK", "2026-11-04 ZK");
    }

    @Test
    void eenVerwijderdeRegistratieVerdwijntMetDeVolgendeExportDieZijnDagDekt() throws Exception {
        lees("00YY00_maandag.csv", KOP + """
                LN1;2026-11-02;;;;ONG;
                LN1;2026-11-03;;;;ONG;
                LN1;2026-11-04;;;;ONG;
                LN2;2026-11-03;;;60;TL;
                """);
        // LN2's line was deleted in the LAS: the school's period 2–4 November no longer holds it, for any pupil
        lees("00YY00_dinsdag.csv", KOP + """
                LN1;2026-11-02;;;;ONG;
                LN1;2026-11-04;;;;ONG;
                """);

        assertThat(dagen("00YY", "LN1")).containsExactly("2026-11-02 ONG", "2026-11-04 ONG");
        assertThat(dagen("00YY", "LN2")).isEmpty();
    }

    @Test
    void eenLaatIngevoerdeRegistratieKomtErBijEnBuitenDePeriodeBlijftAllesStaan() throws Exception {
        lees("00YY00_week1.csv", KOP + """
                LN1;2026-10-26;;;;ONG;
                LN1;2026-11-02;;;;ONG;
                LN1;2026-11-06;;;;ONG;
                """);
        lees("00YY00_week2.csv", KOP + """
                LN1;2026-11-02;;;;ONG;
                LN3;2026-11-03;08:30;;45;ONG;later ingevoerd
                LN1;2026-11-06;;;;ONG;
                """);

        assertThat(dagen("00YY", "LN1")).containsExactly("2026-10-26 ONG", "2026-11-02 ONG", "2026-11-06 ONG");
        assertThat(dagen("00YY", "LN3")).containsExactly("2026-11-03 ONG");
    }

    @Test
    void eenHerexportVanEenOudeWeekVanEenSchoolRaaktAlleenDieWeekVanDieSchool() throws Exception {
        lees("00YY00_drie-weken.csv", KOP + """
                LN1;2026-11-02;;;;ONG;
                LN1;2026-11-09;;;;ONG;
                LN1;2026-11-16;;;;ONG;
                """);
        lees("11AA00_drie-weken.csv", KOP_ID + """
                A1;LN1;2026-11-02;;;;ONG;
                A2;LN1;2026-11-03;;;;ONG;
                """);
        // the LAS of 00YY00 exports the week of 2 November again, after a correction on the Tuesday
        lees("00YY00_oude-week.csv", KOP + """
                LN1;2026-11-02;;;;ONG;
                LN1;2026-11-03;;;60;TL;
                """);

        assertThat(dagen("00YY", "LN1")).containsExactly("2026-11-02 ONG", "2026-11-03 TL", "2026-11-09 ONG",
                "2026-11-16 ONG");
        assertThat(dagen("11AA", "LN1")).as("de andere school met dezelfde LAS-sleutel")
                .containsExactly("2026-11-02 ONG", "2026-11-03 ONG");
    }

    @Test
    void vervangtLeerlingenLaatLeerlingenZonderRegelsInHetBestandStaan() throws Exception {
        lees("11AA00_eerste.csv", KOP_ID + """
                A1;LN1;2026-11-02;;;;ONG;
                A2;LN1;2026-11-03;;;;ONG;
                B1;LN2;2026-11-03;;;;ONG;
                """);
        lees("11AA00_tweede.csv", KOP_ID + """
                A1;LN1;2026-11-02;;;;ZK;
                A3;LN1;2026-11-04;;;;ONG;
                """);

        assertThat(dagen("11AA", "LN1")).as("A2 is weg, A1 hercodeerd").containsExactly("2026-11-02 ZK",
                "2026-11-04 ONG");
        assertThat(dagen("11AA", "LN2")).as("geen regels in het tweede bestand: blijft").containsExactly(
                "2026-11-03 ONG");
    }

    @Test
    void vervangtNietsVervangtAlleenWatHetZelfdeRegistratieIdDraagt() throws Exception {
        lees("11BB00_eerste.csv", KOP_ID + """
                B1;LN1;2026-11-02;;;;ONG;
                B2;LN1;2026-11-03;;;;ONG;
                B3;LN1;2026-11-04;;;;ONG;
                """);
        lees("11BB00_wijziging.csv", KOP_ID + """
                B2;LN1;2026-11-03;;;;ZK;
                """);
        lees("11BB00_wijziging-2.csv", KOP_ID + """
                B1;LN1;2026-11-02;;;;MED;
                B4;LN1;2026-11-05;;;;ONG;
                """);

        assertThat(dagen("11BB", "LN1")).containsExactly("2026-11-02 MED", "2026-11-03 ZK", "2026-11-04 ONG",
                "2026-11-05 ONG");
    }

    @Test
    void eenRegistratieIdNaarEenAndereDagVerhuistDeRegistratie() throws Exception {
        lees("11AA00_eerste.csv", KOP_ID + """
                R1;LN1;2026-11-03;;;;ONG;
                R2;LN1;2026-11-09;;;;ONG;
                """);
        // R1 was entered on the wrong day; the LAS exports only the corrected line
        lees("11AA00_verplaatst.csv", KOP_ID + """
                R1;LN1;2026-11-10;;;;ONG;
                """);

        assertThat(dagen("11AA", "LN1")).containsExactly("2026-11-09 ONG", "2026-11-10 ONG");
        assertThat(registraties.voorLeerling("11AA", "00", "LN1")).extracting(Registratie::registratieId)
                .containsExactly("R2", "R1");
    }

    @Test
    void eenNachtelijkeHerhalingLaatOngewijzigdeRegelsStaanEnNeemtDeGewijzigdeOver() throws Exception {
        lees("00YY00_nacht1.csv", KOP + """
                LN7;2026-11-16;08:30;;50;ONG;
                LN7;2026-11-17;08:30;;50;ONG;
                LN7;2026-11-18;08:30;;50;ONG;
                """);
        // the next night the LAS sends the same period again: one line corrected, one deleted, one as it was
        lees("00YY00_nacht2.csv", KOP + """
                LN7;2026-11-16;08:30;;50;ONG;
                LN7;2026-11-18;08:30;;20;ONG;
                """);

        assertThat(registraties.voorLeerling("00YY", "00", "LN7"))
                .extracting(r -> r.datum() + " " + r.minuten())
                .containsExactlyInAnyOrder("2026-11-16 50", "2026-11-18 20");
        assertThat(bron("LN7", "2026-11-18")).isEqualTo("00YY00_nacht2.csv:3");
        // PostgreSQL leaves a repeated, unchanged row as it is (a region's nightly file repeats millions): it still
        // names the export it first came from. H2 rewrites it with the later export's name.
        assertThat(bron("LN7", "2026-11-16")).isEqualTo(Database.POSTGRES ? "00YY00_nacht1.csv:2"
                : "00YY00_nacht2.csv:2");
    }

    /** Where a pupil's registration of that day came from, as the inzage shows it: file and line. */
    private String bron(String leerlingId, String datum) {
        return jdbc.sql("select bron_bestand || ':' || bron_regel from registratie where brin = '00YY'"
                        + " and leerling_id = ? and datum = ?")
                .params(leerlingId, java.sql.Date.valueOf(datum)).query(String.class).single();
    }

    /** What the rules are given for a pupil: datum and code, by datum. */
    private List<String> dagen(String brin, String leerlingId) {
        return registraties.voorLeerling(brin, "00", leerlingId).stream()
                .sorted(java.util.Comparator.comparing(Registratie::datum))
                .map(r -> r.datum() + " " + r.code()).toList();
    }
}
