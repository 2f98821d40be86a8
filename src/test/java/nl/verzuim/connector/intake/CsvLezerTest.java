package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.verzuim.connector.rules.Afwezigheidscode;

class CsvLezerTest {

    @Test
    void leestHetStandaardVoorbeeldUitLasInput() throws Exception {
        List<CsvRegel> regels = lees("""
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN094837;2026-10-05;08:30;15:00;330;ONG;spijbelen hele dag
                LN094837;2026-10-06;08:30;08:55;25;TL;
                LN094837;2026-10-07;;;;ZK;ziek gemeld door moeder
                """, new ArrayList<>());
        assertThat(regels).hasSize(3);
        assertThat(regels.get(0).registratie().minuten()).isEqualTo(330);
        assertThat(regels.get(1).registratie().code()).isEqualTo(Afwezigheidscode.TL);
        assertThat(regels.get(1).registratie().begintijd()).isEqualTo(LocalTime.of(8, 30));
        assertThat(regels.get(2).registratie().datum()).isEqualTo(LocalDate.of(2026, 10, 7));
        assertThat(regels.get(2).registratie().minuten()).isNull();
        assertThat(regels.get(2).regel()).isEqualTo(4);
    }

    @Test
    void aanhalingstekensBomEnCrlfZoalsRfc4180() throws Exception {
        List<CsvRegel> regels = lees("\uFEFFleerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\r\n"
                + "LN1;2026-10-05;;;60;ONG;\"met ; puntkomma en \"\"aanhaling\"\"\r\nen een regelovergang\"\r\n"
                + "LN2;2026-10-05;;;;ZK;\r\n", new ArrayList<>());
        assertThat(regels).hasSize(2);
        assertThat(regels.get(0).registratie().omschrijving()).isEqualTo("met ; puntkomma en \"aanhaling\"\r\nen een regelovergang");
        assertThat(regels.get(1).regel()).as("de regel telt fysieke regels").isEqualTo(4);
    }

    @Test
    void eenFouteRegelWordtGemeldEnDeRestGelezen() throws Exception {
        List<IntakeFout> fouten = new ArrayList<>();
        List<CsvRegel> regels = lees("""
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN1;2026-10-05;;;;ONG;
                LN1;05-10-2026;;;;ONG;
                ;2026-10-05;;;;ONG;
                LN1;2026-10-06;8 uur;;;ONG;
                LN1;2026-10-06;;;veel;ONG;
                LN1;2026-10-06;;;;XX;
                LN1;2026-10-06;10:00;09:00;;ONG;
                LN1;2026-10-07;;;;TL
                LN1;2026-10-08;;;;UIT;
                """, fouten);
        assertThat(regels).extracting(CsvRegel::regel).containsExactly(2, 10);
        assertThat(fouten).extracting(IntakeFout::regel).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(fouten).extracting(IntakeFout::veld)
                .containsExactly("datum", "leerling_id", "begintijd", "minuten", "code", "eindtijd", null);
        assertThat(fouten.get(4).toString()).isEqualTo("v.csv regel 7, veld 'code': onbekende code 'XX' in profiel"
                + " standaard; voeg hem toe aan het profiel — hij wordt niet als aan- of afwezig geteld");
    }

    @Test
    void eenWindows1252BestandWordtHerkendEnGeweigerd() {
        byte[] bestand = ("leerling_id;datum;code;omschrijving\nLN1;2026-10-05;ONG;afwezig bij één les\n")
                .getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> CsvLezer.lees(new ByteArrayInputStream(bestand), "w.csv", LasProfiel.STANDAARD,
                r -> { }, new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e ->
                        assertThat(e.fouten().get(0).reden()).contains("Windows-1252"));
    }

    @Test
    void eenKopregelZonderVerplichteKolomWijstHetBestandAf() {
        assertThatThrownBy(() -> lees("leerling;datum;code\nLN1;2026-10-05;ONG\n", new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e ->
                        assertThat(e.fouten().get(0).reden()).contains("kolom 'leerling_id' ontbreekt"));
    }

    static List<CsvRegel> lees(String tekst, List<IntakeFout> fouten) throws OngeldigBestandException {
        List<CsvRegel> regels = new ArrayList<>();
        CsvLezer.lees(new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8)), "v.csv", LasProfiel.STANDAARD,
                regels::add, fouten);
        return regels;
    }
}
