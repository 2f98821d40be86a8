package nl.verzuim.connector.intake.csv;

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

import nl.verzuim.connector.intake.CsvRegel;
import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.OngeldigBestandException;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.school.LasProfiel;
import nl.verzuim.connector.school.LasProfielen;

class CsvLezerTest {

    static final LasProfiel STANDAARD = LasProfiel.STANDAARD;

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
    void eenKopregelZonderVerplichteKolomWijstHetBestandAf() {
        assertThatThrownBy(() -> lees("leerling;datum;code\nLN1;2026-10-05;ONG\n", new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e ->
                        assertThat(e.fouten().get(0).reden()).contains("kolom 'leerling_id' ontbreekt"));
    }

    @Test
    void eenOnbestaandeDatumWordtAfgewezenNietAfgerond() throws Exception {
        List<IntakeFout> fouten = new ArrayList<>();
        List<CsvRegel> regels = lees("""
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN1;2026-02-30;;;;ONG;
                LN1;2026-02-27;24:00;;;ONG;
                LN1;2026-02-26;;;;ONG;
                """, fouten);
        assertThat(regels).extracting(r -> r.registratie().datum()).containsExactly(LocalDate.of(2026, 2, 26));
        assertThat(fouten).extracting(IntakeFout::toString).containsExactly(
                "v.csv regel 2, veld 'datum': '2026-02-30' is geen datum volgens yyyy-MM-dd",
                "v.csv regel 3, veld 'begintijd': '24:00' is geen tijd volgens HH:mm");
    }

    @Test
    void profielMetStamnrDatumsAlsDdMmJjjjWoordcodesEnWindows1252() throws Exception {
        LasProfiel profiel = LasProfielen.ingebouwd().profiel("puntkomma-stamnr-windows1252");
        byte[] bestand = ("Stamnr;Datum;Van;Tot;Minuten;Absentiereden;Opmerking\r\n"
                + "4711;05-10-2026;08:30;10:00;;Ongeoorloofd;één les gemist\r\n"
                + "4711;06-10-2026;;;;te laat;\r\n"
                + "4711;31-09-2026;;;;Ziek;\r\n"
                + "4711;07-10-2026;;;;Spijbelen;\r\n"
                + "4712;07-10-2026;;;;Ziek;moeder belde\r\n").getBytes(Charset.forName("windows-1252"));
        List<IntakeFout> fouten = new ArrayList<>();
        List<CsvRegel> regels = lees(bestand, profiel, fouten);
        assertThat(regels).extracting(CsvRegel::leerlingId).containsExactly("4711", "4711", "4712");
        assertThat(regels.get(0).registratie().code()).isEqualTo(Afwezigheidscode.ONG);
        assertThat(regels.get(0).registratie().omschrijving()).as("Windows-1252 goed gelezen").isEqualTo("één les gemist");
        assertThat(regels.get(0).registratie().datum()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(regels.get(1).registratie().code()).isEqualTo(Afwezigheidscode.TL);
        assertThat(fouten).extracting(IntakeFout::toString).containsExactly(
                "w.csv regel 4, veld 'Datum': '31-09-2026' is geen datum volgens dd-MM-yyyy",
                "w.csv regel 5, veld 'Absentiereden': onbekende code 'Spijbelen' in profiel puntkomma-stamnr-windows1252;"
                        + " voeg hem toe aan het profiel — hij wordt niet als aan- of afwezig geteld");
    }

    @Test
    void profielMetKommasLettercodesEnDatumsZonderVoorloopnullen() throws Exception {
        LasProfiel profiel = LasProfielen.ingebouwd().profiel("komma-lettercodes");
        List<IntakeFout> fouten = new ArrayList<>();
        List<CsvRegel> regels = lees("""
                leerlingnummer,datum,van,tot,duur,reden,toelichting
                88,5-10-2026,8:30,9:15,,T,"bus te laat, zegt hij"
                88,12-10-2026,,,120,o,
                88,13-10-2026,,,,Q,
                88;14-10-2026;;;;O;
                """.getBytes(StandardCharsets.UTF_8), profiel, fouten);
        assertThat(regels).hasSize(2);
        assertThat(regels.get(0).registratie().begintijd()).isEqualTo(LocalTime.of(8, 30));
        assertThat(regels.get(0).registratie().omschrijving()).isEqualTo("bus te laat, zegt hij");
        assertThat(regels.get(1).registratie().code()).as("kleine letter is dezelfde code").isEqualTo(Afwezigheidscode.ONG);
        assertThat(regels.get(1).registratie().minuten()).isEqualTo(120);
        assertThat(fouten).extracting(IntakeFout::regel).containsExactly(4, 5);
        assertThat(fouten.get(0).veld()).isEqualTo("reden");
        assertThat(fouten.get(1).reden()).startsWith("verwacht 7 velden (scheidingsteken ',')");
    }

    @Test
    void eenKopregelInEenAnderProfielNoemtProfielEnScheidingsteken() {
        assertThatThrownBy(() -> lees("""
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN1;2026-10-05;;;;ONG;
                """.getBytes(StandardCharsets.UTF_8), LasProfielen.ingebouwd().profiel("komma-lettercodes"), new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> assertThat(e.fouten().get(0).toString())
                        .isEqualTo("w.csv regel 1, veld 'leerlingnummer': kolom 'leerlingnummer' ontbreekt in de kopregel"
                                + " (profiel komma-lettercodes, scheidingsteken ',')"));
    }

    @Test
    void eenBomMaaktHetBestandUtf8OokAlsHetProfielWindows1252Zegt() throws Exception {
        byte[] tekst = "\uFEFFStamnr;Datum;Absentiereden;Opmerking\nLN1;05-10-2026;Ziek;één dag\n"
                .getBytes(StandardCharsets.UTF_8);
        List<CsvRegel> regels = lees(tekst, LasProfielen.ingebouwd().profiel("puntkomma-stamnr-windows1252"), new ArrayList<>());
        assertThat(regels).singleElement().satisfies(r -> assertThat(r.registratie().omschrijving()).isEqualTo("één dag"));
    }

    @Test
    void eenUtf16BestandWordtDuidelijkGeweigerd() {
        byte[] tekst = "\uFEFFleerling_id;datum;code\nLN1;2026-10-05;ONG\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> lees(tekst, STANDAARD, new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e ->
                        assertThat(e.fouten().get(0).reden()).startsWith("het bestand is UTF-16"));
    }

    @Test
    void eenAanhalingstekenDatNietSluitVultHetGeheugenNiet() {
        String tekst = "leerling_id;datum;code;omschrijving\nLN1;2026-10-05;ONG;ok\nLN1;2026-10-06;ONG;\"open\n"
                + "x".repeat(CsvRecords.MAX_RECORD_TEKENS) + "\n";
        List<CsvRegel> regels = new ArrayList<>();
        assertThatThrownBy(() -> CsvLezer.lees(new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8)), "q.csv",
                STANDAARD, regels::add, new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> assertThat(e.fouten().get(0).toString())
                        .startsWith("q.csv regel 3: een regel van meer dan 1048576 tekens"));
    }

    @Test
    void eenTeLangeLeerlingIdWordtAfgewezen() throws Exception {
        List<IntakeFout> fouten = new ArrayList<>();
        List<CsvRegel> regels = lees("leerling_id;datum;code\n" + "L".repeat(65) + ";2026-10-05;ONG\nLN2;2026-10-05;ONG\n", fouten);
        assertThat(regels).extracting(CsvRegel::leerlingId).containsExactly("LN2");
        assertThat(fouten).singleElement().satisfies(f -> assertThat(f.reden()).isEqualTo("is langer dan 64 tekens"));
    }

    @Test
    void eenOngeldigeUtf8ReeksWordtOpZijnRegelGemeldOokNaEenLangStukGoedeRegels() {
        // past the first read buffer (64 KiB), so the check runs where a plain line is read without decoding
        StringBuilder tekst = new StringBuilder("leerling_id;datum;code;omschrijving\n");
        for (int i = 0; i < 3000; i++) {
            tekst.append("LN").append(i).append(";2026-10-05;ONG;").append(i % 7 == 0 ? "één les" : "").append('\n');
        }
        byte[] goed = tekst.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bestand = java.util.Arrays.copyOf(goed, goed.length + 20);
        byte[] fout = "LN9;2026-10-05;ONG;f".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(fout, 0, bestand, goed.length, fout.length - 1);
        bestand[goed.length + fout.length - 1] = (byte) 0xE9; // 'é' in Windows-1252: not UTF-8
        List<CsvRegel> regels = new ArrayList<>();
        assertThatThrownBy(() -> CsvLezer.lees(new ByteArrayInputStream(bestand), "u.csv", STANDAARD, regels::add,
                new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> assertThat(e.fouten().get(0).toString())
                        .startsWith("u.csv regel 3002: het bestand is geen geldige UTF-8 en ook geen Windows-1252:"
                                + " het heeft eerder UTF-8-tekens"));
        assertThat(regels).as("wat ervoor stond is gelezen (de intake draait het terug)").hasSize(3000);
        assertThat(regels.get(7).registratie().omschrijving()).isEqualTo("één les");
    }

    @Test
    void eenAanhalingstekenEnRegelovergangOverDeGrensVanDeLeesbufferHeen() throws Exception {
        StringBuilder tekst = new StringBuilder("leerling_id;datum;code;omschrijving\r\n");
        int regels = 0;
        while (tekst.length() < 3 * 65536) {
            tekst.append("LN").append(regels).append(";2026-10-05;ONG;\"a;b\r\n\"\"c\"\"é\"\r\n");
            regels++;
        }
        List<IntakeFout> fouten = new ArrayList<>();
        List<CsvRegel> gelezen = lees(tekst.toString().getBytes(StandardCharsets.UTF_8), STANDAARD, fouten);
        assertThat(fouten).isEmpty();
        assertThat(gelezen).hasSize(regels).allSatisfy(r ->
                assertThat(r.registratie().omschrijving()).isEqualTo("a;b\r\n\"c\"é"));
        assertThat(gelezen.get(regels - 1).regel()).as("twee fysieke regels per record").isEqualTo(2 * regels);
    }

    @Test
    void eenBomVoorEenKopregelMetAanhalingstekens() throws Exception {
        byte[] tekst = "\uFEFF\"leerling_id\";\"datum\";\"code\"\r\nLN1;2026-10-05;ONG\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(lees(tekst, STANDAARD, new ArrayList<>())).singleElement()
                .satisfies(r -> assertThat(r.leerlingId()).isEqualTo("LN1"));
    }

    @Test
    void eenWindows1252ProfielWeigertEenByteDieDieCoderingNietKent() {
        LasProfiel profiel = LasProfielen.ingebouwd().profiel("puntkomma-stamnr-windows1252");
        byte[] begin = "Stamnr;Datum;Absentiereden;Opmerking\r\n4711;05-10-2026;Ziek;caf\u00e9\r\n4711;06-10-2026;Ziek;"
                .getBytes(Charset.forName("windows-1252"));
        byte[] bestand = java.util.Arrays.copyOf(begin, begin.length + 1);
        bestand[begin.length] = (byte) 0x81; // undefined in Windows-1252
        assertThatThrownBy(() -> lees(bestand, profiel, new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> assertThat(e.fouten().get(0).toString())
                        .isEqualTo("w.csv regel 3: het bestand is geen geldige windows-1252"));
    }

    @Test
    void eenCoderingWaarinAsciiNietZichzelfIsWordtEerstOmgezet() throws Exception {
        // UTF-16 without a byte order mark: a ';' is two bytes here, so the file is decoded before it is split
        LasProfiel profiel = new LasProfiel("utf16", ';', STANDAARD.kolommen(), STANDAARD.datumformaat(),
                STANDAARD.tijdformaat(), StandardCharsets.UTF_16BE, STANDAARD.codes());
        byte[] tekst = "leerling_id;datum;code;omschrijving\nLN1;2026-10-05;ZK;\"één; \uD83D\uDE00\"\n"
                .getBytes(StandardCharsets.UTF_16BE);
        assertThat(lees(tekst, profiel, new ArrayList<>())).singleElement().satisfies(r -> {
            assertThat(r.registratie().code()).isEqualTo(Afwezigheidscode.ZK);
            assertThat(r.registratie().omschrijving()).isEqualTo("één; \uD83D\uDE00");
        });
    }

    @Test
    void eenLeerlingIdTeltTekensNietBytes() throws Exception {
        List<IntakeFout> fouten = new ArrayList<>();
        String lang = "é".repeat(64); // 128 bytes in UTF-8, 64 characters: allowed
        List<CsvRegel> regels = lees("leerling_id;datum;code\n" + lang + ";2026-10-05;ONG\n" + lang + "é;2026-10-05;ONG\n", fouten);
        assertThat(regels).extracting(CsvRegel::leerlingId).containsExactly(lang);
        assertThat(fouten).singleElement().satisfies(f -> assertThat(f.regel()).isEqualTo(3));
    }

    static List<CsvRegel> lees(byte[] bestand, LasProfiel profiel, List<IntakeFout> fouten) throws OngeldigBestandException {
        List<CsvRegel> regels = new ArrayList<>();
        CsvLezer.lees(new ByteArrayInputStream(bestand), "w.csv", profiel, regels::add, fouten);
        return regels;
    }

    static List<CsvRegel> lees(String tekst, List<IntakeFout> fouten) throws OngeldigBestandException {
        List<CsvRegel> regels = new ArrayList<>();
        CsvLezer.lees(new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8)), "v.csv", STANDAARD,
                regels::add, fouten);
        return regels;
    }
}
