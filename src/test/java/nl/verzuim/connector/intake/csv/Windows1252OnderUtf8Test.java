package nl.verzuim.connector.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.verzuim.connector.intake.CsvRegel;
import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.OngeldigBestandException;
import nl.verzuim.connector.school.LasProfiel;

/**
 * Issue 12, "LAS files as they are": <em>a registraties CSV under a UTF-8 profile that is plainly Windows-1252 (Excel
 * on a Dutch PC: no valid UTF-8 multi-byte sequence, every byte defined in Windows-1252) is read as Windows-1252 with
 * a warning in its report, not refused whole. A file that is neither is still refused, naming the line.</em>
 * Each case is a file under the {@code standaard} profile (UTF-8); its bytes are written in hex where they matter.
 */
class Windows1252OnderUtf8Test {

    private static final String KOP = "leerling_id;datum;code;omschrijving\n";

    /** A line with {@code omschrijving} given as raw bytes. */
    private static byte[] regel(String id, String hex) {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        uit.writeBytes((id + ";2026-10-05;ONG;").getBytes(StandardCharsets.US_ASCII));
        uit.writeBytes(HexFormat.of().parseHex(hex));
        uit.write('\n');
        return uit.toByteArray();
    }

    private static byte[] bestand(byte[]... regels) {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        uit.writeBytes(KOP.getBytes(StandardCharsets.US_ASCII));
        for (byte[] r : regels) {
            uit.writeBytes(r);
        }
        return uit.toByteArray();
    }

    /** Many plain lines: past the reader's 64 KiB buffer, read by its fast path that checks no encoding. */
    private static byte[] veelGewoneRegels() {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        for (int i = 0; i < 3000; i++) {
            uit.writeBytes(regel("LN" + i, "78"));
        }
        return uit.toByteArray();
    }

    private static byte[] metBom(byte[] bestand) {
        byte[] uit = new byte[bestand.length + 3];
        uit[0] = (byte) 0xEF;
        uit[1] = (byte) 0xBB;
        uit[2] = (byte) 0xBF;
        System.arraycopy(bestand, 0, uit, 3, bestand.length);
        return uit;
    }

    private static final String E_1252 = "e9";       // 'é' in Windows-1252
    private static final String E_UTF8 = "c3a9";     // 'é' in UTF-8

    static Stream<Arguments> plainlyWindows1252() {
        return Stream.of(
                Arguments.of("één accent (0xE9) in een omschrijving: gelezen, gewaarschuwd op zijn regel",
                        bestand(regel("LN1", "78"), regel("LN2", "66" + E_1252 + "65")), "fée", 3),
                Arguments.of("0xE9 aan het eind van de regel (breekt geen UTF-8-reeks af maar de regel)",
                        bestand(regel("LN1", "636166" + E_1252)), "café", 2),
                Arguments.of("0xC3 aan het eind van het bestand (een afgebroken UTF-8-begin is Windows-1252 'Ã')",
                        HexFormat.of().parseHex(HexFormat.of().formatHex(KOP.getBytes(StandardCharsets.US_ASCII))
                                + "4c4e313b323032362d31302d30353b4f4e473bc3"), "Ã", 2),
                Arguments.of("een te lange vorm (C0 80) is geen UTF-8: Windows-1252 'À€'",
                        bestand(regel("LN1", "c080")), "À€", 2),
                Arguments.of("een surrogaat (ED A0 80) is geen UTF-8: Windows-1252",
                        bestand(regel("LN1", "eda080")), "í\u00A0€", 2),
                Arguments.of("Excel's typografische aanhalingstekens en het euroteken (0x93 0x94 0x80)",
                        bestand(regel("LN1", "93" + "6a61" + "94" + "2080")), "“ja” €", 2),
                Arguments.of("0xE9 voor een byte die een UTF-8-reeks begint maar niet afmaakt (E9 C3 41)",
                        bestand(regel("LN1", E_1252 + "c341")), "éÃA", 2),
                Arguments.of("na 3000 gewone regels (voorbij de leesbuffer) de eerste 0xE9",
                        bestand(veelGewoneRegels(), regel("LN9", E_1252)), "é", 3002));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void plainlyWindows1252(String geval, byte[] bestand, String laatsteOmschrijving, int waarschuwingOpRegel)
            throws Exception {
        List<IntakeFout> fouten = new ArrayList<>();
        List<CsvRegel> regels = new ArrayList<>();
        List<IntakeFout> waarschuwingen = CsvLezer.lees(new ByteArrayInputStream(bestand), "w.csv",
                LasProfiel.STANDAARD, regels::add, fouten);
        assertThat(fouten).isEmpty();
        long aantal = new String(bestand, StandardCharsets.ISO_8859_1).lines().count() - 1;
        assertThat(regels).as("every line is taken").hasSize((int) aantal);
        assertThat(regels.get(regels.size() - 1).registratie().omschrijving()).isEqualTo(laatsteOmschrijving);
        assertThat(waarschuwingen).singleElement().satisfies(w -> {
            assertThat(w.regel()).isEqualTo(waarschuwingOpRegel);
            assertThat(w.reden()).startsWith("het bestand is geen UTF-8 maar Windows-1252");
        });
    }

    static Stream<Arguments> neither() {
        return Stream.of(
                Arguments.of("UTF-8 'é' eerst, Windows-1252 0xE9 later: gemengd, geweigerd op de latere regel",
                        bestand(regel("LN1", E_UTF8), regel("LN2", E_1252)), 3, "het heeft eerder UTF-8-tekens"),
                Arguments.of("Windows-1252 0xE9 eerst, UTF-8 'é' later: gemengd, geweigerd op de latere regel",
                        bestand(regel("LN1", E_1252), regel("LN2", "78"), regel("LN3", E_UTF8)), 4,
                        "een eerdere byte was geen UTF-8"),
                Arguments.of("0xE9 en UTF-8 'é' op één regel",
                        bestand(regel("LN1", E_1252 + "20" + E_UTF8)), 2, "een eerdere byte was geen UTF-8"),
                Arguments.of("0xE9 direct gevolgd door UTF-8 'é' (E9 C3 A9)",
                        bestand(regel("LN1", E_1252 + E_UTF8)), 2, "een eerdere byte was geen UTF-8"),
                Arguments.of("Windows-1252 eerst, na 3000 gewone regels een UTF-8-teken",
                        bestand(regel("LN1", E_1252), veelGewoneRegels(), regel("LN9", E_UTF8)), 3003,
                        "een eerdere byte was geen UTF-8"),
                Arguments.of("een byte die Windows-1252 niet kent (0x81)",
                        bestand(regel("LN1", "78"), regel("LN2", "6181")), 3, "een byte die Windows-1252 niet kent"),
                Arguments.of("0xE9 eerst, later een byte die Windows-1252 niet kent (0x90)",
                        bestand(regel("LN1", E_1252), regel("LN2", "f4908080")), 3, "een eerdere byte was geen UTF-8"),
                Arguments.of("een letterlijk U+FFFD (EF BF BD): een omzetter kon iets niet lezen; geen Windows-1252",
                        bestand(regel("LN1", "78"), regel("LN2", "efbfbd")), 3, "(U+FFFD)"),
                Arguments.of("een UTF-8 BOM zegt UTF-8: 0xE9 is dan een fout",
                        metBom(bestand(regel("LN1", E_1252))), 2,
                        "(waarschijnlijk Windows-1252)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void neither(String geval, byte[] bestand, int regel, String reden) {
        assertThatThrownBy(() -> CsvLezer.lees(new ByteArrayInputStream(bestand), "w.csv", LasProfiel.STANDAARD,
                r -> { }, new ArrayList<>()))
                .isInstanceOfSatisfying(OngeldigBestandException.class, e -> {
                    assertThat(e.fouten()).singleElement().satisfies(f -> {
                        assertThat(f.regel()).as("names the line").isEqualTo(regel);
                        assertThat(f.reden()).startsWith("het bestand is geen geldige UTF-8").contains(reden);
                    });
                });
    }
}
