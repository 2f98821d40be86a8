package nl.verzuim.connector.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.school.LasProfiel;

/**
 * Reads a verzuimregistraties CSV by streaming, with the layout of a {@link LasProfiel}: RFC 4180 quoting, a
 * header line, a BOM tolerated. A bad line is reported with its line number and field and skipped; the rest of the
 * file is still read. A file whose header lacks a required column, or that is not in the profile's encoding, is
 * rejected whole (a Windows-1252 file read as UTF-8 is named as such rather than read as garbage). A file that
 * starts with a UTF-8 byte order mark is read as UTF-8 whatever the profile says: the mark says so explicitly.
 */
public final class CsvLezer {

    /** A record longer than this is an unclosed quote, not data: refused before it fills the memory. */
    static final int MAX_RECORD_TEKENS = 1 << 20;
    /** What the decoder puts where a byte is not valid in the file's encoding (a literal one is refused as well). */
    private static final char ONGELDIG = '\uFFFD';
    /** Longer LAS keys do not fit the database (leerling.leerling_id). */
    static final int MAX_LEERLING_ID = 64;

    private final LasProfiel profiel;
    private final String bestand;
    private final Datumlezer datumlezer;
    private final Tijdlezer tijdlezer;

    private CsvLezer(LasProfiel profiel, String bestand) {
        this.profiel = profiel;
        this.bestand = bestand;
        this.datumlezer = Datumlezer.voor(profiel.datumformaat(), profiel.datumFormatter());
        this.tijdlezer = Tijdlezer.voor(profiel.tijdformaat(), profiel.tijdFormatter());
    }

    public static void lees(InputStream invoer, String bestand, LasProfiel profiel, Consumer<CsvRegel> ontvanger,
                            List<IntakeFout> fouten) throws OngeldigBestandException {
        new CsvLezer(profiel, bestand).leesAlles(invoer, ontvanger, fouten);
    }

    private void leesAlles(InputStream ruw, Consumer<CsvRegel> ontvanger, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        InputStream invoer = ruw.markSupported() ? ruw : new BufferedInputStream(ruw, 1 << 16);
        Charset codering;
        try {
            codering = codering(invoer);
        } catch (IOException e) {
            throw new OngeldigBestandException(new IntakeFout(bestand, null, null,
                    "het bestand kan niet gelezen worden: " + e.getClass().getSimpleName()));
        }
        // Bytes that are not valid in the encoding become U+FFFD, which the record reader refuses on the line where it
        // stands (a decoder that reports would do so up to a buffer ahead, on the wrong line).
        Reader reader = new InputStreamReader(invoer, codering.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(ONGELDIG)));
        Records records = new Records(reader, profiel.scheidingsteken());
        try {
            List<String> kop = records.volgende();
            if (kop == null) {
                throw new OngeldigBestandException(new IntakeFout(bestand, 1, null, "het bestand is leeg; een kopregel is verplicht"));
            }
            if (!kop.isEmpty() && kop.get(0).startsWith("\uFEFF")) {
                kop.set(0, kop.get(0).substring(1));
            }
            Kolommen kolommen = kolomIndex(kop);
            List<String> velden;
            while (true) {
                int regel = records.regelVanVolgende();
                velden = records.volgende();
                if (velden == null) {
                    break;
                }
                if (velden.size() == 1 && velden.get(0).isBlank()) {
                    continue;
                }
                if (velden.size() != kop.size()) {
                    fouten.add(new IntakeFout(bestand, regel, null, "verwacht " + kop.size() + " velden (scheidingsteken '"
                            + profiel.scheidingsteken() + "'), gevonden " + velden.size()));
                    continue;
                }
                CsvRegel gelezen = regel(velden, regel, kolommen, fouten);
                if (gelezen != null) {
                    ontvanger.accept(gelezen);
                }
            }
        } catch (Coderingsfout e) {
            throw new OngeldigBestandException(new IntakeFout(bestand, e.regel, null,
                    "het bestand is geen geldige " + codering.name() + (codering == StandardCharsets.UTF_8
                            ? " (waarschijnlijk Windows-1252); sla het op als UTF-8 of gebruik een profiel met"
                            + " 'codering: windows-1252' (profiel nu: " + profiel.naam() + ")" : "")));
        } catch (TeLangRecord e) {
            throw new OngeldigBestandException(new IntakeFout(bestand, e.regel, null, "een regel van meer dan "
                    + MAX_RECORD_TEKENS + " tekens: waarschijnlijk een aanhalingsteken dat niet gesloten wordt"));
        } catch (IOException e) {
            throw new OngeldigBestandException(new IntakeFout(bestand, records.regel(), null,
                    "het bestand kan niet gelezen worden: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * The profile's encoding, unless a byte order mark says otherwise: UTF-8's mark is honoured (and skipped by the
     * header check), UTF-16's is refused with a hint, because Excel's "Unicode text" is not a CSV we read.
     */
    private Charset codering(InputStream invoer) throws IOException, OngeldigBestandException {
        invoer.mark(4);
        int a = invoer.read();
        int b = invoer.read();
        int c = invoer.read();
        invoer.reset();
        if (a == 0xEF && b == 0xBB && c == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (a == 0xFF && b == 0xFE || a == 0xFE && b == 0xFF) {
            throw new OngeldigBestandException(new IntakeFout(bestand, 1, null, "het bestand is UTF-16 (Excel"
                    + " 'Unicode-tekst'); sla het op als 'CSV UTF-8' of als CSV in de codering van profiel "
                    + profiel.naam() + " (" + profiel.codering().name() + ")"));
        }
        return profiel.codering();
    }

    /** Column positions of the fields, found by the profile's column names (case and spaces around ignored). */
    private record Kolommen(int leerling, int datum, int code, int begin, int eind, int minuten, int omschrijving) {
    }

    private Kolommen kolomIndex(List<String> kop) throws OngeldigBestandException {
        Map<String, Integer> positie = new HashMap<>();
        for (int i = 0; i < kop.size(); i++) {
            positie.putIfAbsent(kop.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, String> kolom : profiel.kolommen().entrySet()) {
            Integer i = positie.get(kolom.getValue().trim().toLowerCase(Locale.ROOT));
            if (i != null) {
                index.put(kolom.getKey(), i);
            }
        }
        for (String verplicht : LasProfiel.VERPLICHT) {
            if (!index.containsKey(verplicht)) {
                String naam = profiel.kolom(verplicht);
                throw new OngeldigBestandException(new IntakeFout(bestand, 1, naam, "kolom '" + naam
                        + "' ontbreekt in de kopregel (profiel " + profiel.naam() + ", scheidingsteken '"
                        + profiel.scheidingsteken() + "')"));
            }
        }
        return new Kolommen(index.get(LasProfiel.LEERLING_ID), index.get(LasProfiel.DATUM), index.get(LasProfiel.CODE),
                index.getOrDefault(LasProfiel.BEGINTIJD, -1), index.getOrDefault(LasProfiel.EINDTIJD, -1),
                index.getOrDefault(LasProfiel.MINUTEN, -1), index.getOrDefault(LasProfiel.OMSCHRIJVING, -1));
    }

    private CsvRegel regel(List<String> velden, int regel, Kolommen k, List<IntakeFout> fouten) {
        String leerlingId = velden.get(k.leerling()).trim();
        if (leerlingId.isEmpty()) {
            fouten.add(fout(regel, LasProfiel.LEERLING_ID, "is leeg"));
            return null;
        }
        if (leerlingId.length() > MAX_LEERLING_ID) {
            fouten.add(fout(regel, LasProfiel.LEERLING_ID, "is langer dan " + MAX_LEERLING_ID + " tekens"));
            return null;
        }
        String datumTekst = velden.get(k.datum()).trim();
        LocalDate datum = datumlezer.lees(datumTekst);
        if (datum == null) {
            fouten.add(fout(regel, LasProfiel.DATUM, "'" + datumTekst + "' is geen datum volgens " + profiel.datumformaat()));
            return null;
        }
        String lasCode = velden.get(k.code()).trim();
        Afwezigheidscode code = profiel.betekenis(lasCode);
        if (code == null) {
            fouten.add(fout(regel, LasProfiel.CODE, lasCode.isEmpty() ? "is leeg" : "onbekende code '" + lasCode
                    + "' in profiel " + profiel.naam() + "; voeg hem toe aan het profiel — hij wordt niet als aan- of"
                    + " afwezig geteld"));
            return null;
        }
        LocalTime begin = null;
        LocalTime eind = null;
        Integer minuten = null;
        if (k.begin() >= 0 && !velden.get(k.begin()).isBlank()) {
            begin = tijdlezer.lees(velden.get(k.begin()).trim());
            if (begin == null) {
                fouten.add(fout(regel, LasProfiel.BEGINTIJD, "'" + velden.get(k.begin()).trim() + "' is geen tijd volgens "
                        + profiel.tijdformaat()));
                return null;
            }
        }
        if (k.eind() >= 0 && !velden.get(k.eind()).isBlank()) {
            eind = tijdlezer.lees(velden.get(k.eind()).trim());
            if (eind == null) {
                fouten.add(fout(regel, LasProfiel.EINDTIJD, "'" + velden.get(k.eind()).trim() + "' is geen tijd volgens "
                        + profiel.tijdformaat()));
                return null;
            }
        }
        if (begin != null && eind != null && !eind.isAfter(begin)) {
            fouten.add(fout(regel, LasProfiel.EINDTIJD, "eindtijd ligt niet na begintijd"));
            return null;
        }
        if (k.minuten() >= 0 && !velden.get(k.minuten()).isBlank()) {
            String tekst = velden.get(k.minuten()).trim();
            try {
                minuten = Integer.valueOf(tekst);
            } catch (NumberFormatException e) {
                fouten.add(fout(regel, LasProfiel.MINUTEN, "'" + tekst + "' is geen geheel aantal minuten"));
                return null;
            }
            if (minuten < 0 || minuten > 24 * 60) {
                fouten.add(fout(regel, LasProfiel.MINUTEN, minuten + " ligt niet tussen 0 en 1440"));
                return null;
            }
        }
        String omschrijving = k.omschrijving() < 0 ? null : leegNaarNull(velden.get(k.omschrijving()));
        return new CsvRegel(leerlingId, new Registratie(datum, begin, eind, minuten, code, omschrijving), regel);
    }

    private static String leegNaarNull(String waarde) {
        return waarde == null || waarde.isBlank() ? null : waarde.trim();
    }

    private IntakeFout fout(int regel, String veld, String reden) {
        String kolom = profiel.kolom(veld);
        return new IntakeFout(bestand, regel, kolom == null ? veld : kolom, reden);
    }

    /**
     * Parses dates of a profile's format. The two layouts seen most ({@code yyyy-MM-dd}, {@code dd-MM-yyyy}) are read
     * by hand — a formatter per line costs more than the rest of the line together; every other format goes through
     * the strict formatter. Returns null for anything that is not a real date (30-02-2026 included).
     */
    private interface Datumlezer {
        LocalDate lees(String tekst);

        static Datumlezer voor(String formaat, DateTimeFormatter formatter) {
            return switch (formaat) {
                case "yyyy-MM-dd", "uuuu-MM-dd" -> t -> vast(t, 0, 5, 8, '-', 4, 7);
                case "dd-MM-yyyy", "dd-MM-uuuu" -> t -> vast(t, 6, 3, 0, '-', 2, 5);
                default -> t -> {
                    try {
                        return LocalDate.parse(t, formatter);
                    } catch (DateTimeException e) {
                        return null;
                    }
                };
            };
        }

        private static LocalDate vast(String t, int jaar, int maand, int dag, char streep, int streep1, int streep2) {
            if (t.length() != 10 || t.charAt(streep1) != streep || t.charAt(streep2) != streep) {
                return null;
            }
            int j = getal(t, jaar, 4);
            int m = getal(t, maand, 2);
            int d = getal(t, dag, 2);
            if (j < 0 || m < 0 || d < 0) {
                return null;
            }
            try {
                return LocalDate.of(j, m, d);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    /** Times of a profile's format; {@code HH:mm} by hand, others by the strict formatter. Null when not a time. */
    private interface Tijdlezer {
        LocalTime lees(String tekst);

        static Tijdlezer voor(String formaat, DateTimeFormatter formatter) {
            if ("HH:mm".equals(formaat)) {
                return t -> {
                    if (t.length() != 5 || t.charAt(2) != ':') {
                        return null;
                    }
                    int u = getal(t, 0, 2);
                    int m = getal(t, 3, 2);
                    return u < 0 || m < 0 || u > 23 || m > 59 ? null : LocalTime.of(u, m);
                };
            }
            return t -> {
                try {
                    return LocalTime.parse(t, formatter);
                } catch (DateTimeException e) {
                    return null;
                }
            };
        }
    }

    /** The ASCII digits at {@code van}, or -1 when one of them is not a digit. */
    private static int getal(String t, int van, int lengte) {
        int waarde = 0;
        for (int i = van; i < van + lengte; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            waarde = waarde * 10 + (c - '0');
        }
        return waarde;
    }

    private static final class TeLangRecord extends IOException {
        private final int regel;

        TeLangRecord(int regel) {
            super(null, null);
            this.regel = regel;
        }
    }

    private static final class Coderingsfout extends IOException {
        private final int regel;

        Coderingsfout(int regel) {
            super(null, null);
            this.regel = regel;
        }
    }

    /** RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks. */
    private static final class Records {
        private final Reader reader;
        private final char scheiding;
        private final char[] buffer = new char[1 << 16];
        private final StringBuilder veld = new StringBuilder(64);
        private int positie;
        private int gevuld;
        private int regel = 1;
        private int volgendeRegel = 1;
        private int lengte;

        Records(Reader reader, char scheiding) {
            this.reader = reader;
            this.scheiding = scheiding;
        }

        /** The physical line on which the record being read (or last read) starts. */
        int regel() {
            return regel;
        }

        /** The physical line on which the next record starts. */
        int regelVanVolgende() {
            return volgendeRegel;
        }

        private int lees() throws IOException {
            if (positie == gevuld) {
                gevuld = reader.read(buffer, 0, buffer.length);
                positie = 0;
                if (gevuld <= 0) {
                    gevuld = 0;
                    return -1;
                }
            }
            return buffer[positie++];
        }

        private int kijk() throws IOException {
            int c = lees();
            if (c != -1) {
                positie--;
            }
            return c;
        }

        List<String> volgende() throws IOException {
            regel = volgendeRegel;
            lengte = 0;
            List<String> velden = new ArrayList<>(8);
            veld.setLength(0);
            boolean inAanhaling = false;
            boolean iets = false;
            while (true) {
                int c = lees();
                if (c == -1) {
                    if (!iets) {
                        return null;
                    }
                    velden.add(veld.toString());
                    return velden;
                }
                iets = true;
                if (++lengte > MAX_RECORD_TEKENS) {
                    throw new TeLangRecord(regel);
                }
                if (c == ONGELDIG) {
                    throw new Coderingsfout(volgendeRegel);
                }
                if (inAanhaling) {
                    if (c == '"') {
                        if (kijk() == '"') {
                            lees();
                            veld.append('"');
                        } else {
                            inAanhaling = false;
                        }
                    } else {
                        if (c == '\n') {
                            volgendeRegel++;
                        }
                        veld.append((char) c);
                    }
                } else if (c == '"' && veld.isEmpty()) {
                    inAanhaling = true;
                } else if (c == scheiding) {
                    velden.add(veld.toString());
                    veld.setLength(0);
                } else if (c == '\r') {
                    if (kijk() == '\n') {
                        lees();
                    }
                    volgendeRegel++;
                    velden.add(veld.toString());
                    return velden;
                } else if (c == '\n') {
                    volgendeRegel++;
                    velden.add(veld.toString());
                    return velden;
                } else {
                    veld.append((char) c);
                }
            }
        }
    }
}
