package nl.verzuim.connector.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Millions of lines go through here, so a line is neither decoded whole nor cut into strings: records are split
 * on the bytes (the CSV grammar is ASCII, and so is an ASCII byte in UTF-8 and in the single-byte encodings), its
 * fields stay ranges of one reused byte array, and dates, times, minutes and codes are read from the bytes. Only
 * the LAS key (and a description, when there is one) is decoded into a string. The bytes are still checked against
 * the encoding, line by line: a plain ASCII line needs no check, any other line is checked byte by byte.
 */
public final class CsvLezer {

    /** A record longer than this is an unclosed quote, not data: refused before it fills the memory. */
    static final int MAX_RECORD_TEKENS = 1 << 20;
    /** What the decoder puts where a byte is not valid in the file's encoding (a literal one is refused as well). */
    private static final char ONGELDIG = '\uFFFD';
    /** Longer LAS keys do not fit the database (leerling.leerling_id). */
    static final int MAX_LEERLING_ID = 64;
    /** Distinct LAS codes remembered per file; a file full of garbage codes does not grow the memory. */
    private static final int MAX_CODES_ONTHOUDEN = 64;

    /** Eight or two bytes of a field at once, for comparing a field with the previous line's without a loop. */
    private static final VarHandle ACHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle TWEE_BYTES = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long EENEN = 0x0101010101010101L;
    private static final long HOOG = 0x8080808080808080L;
    private static final long AANHALINGEN = EENEN * '"';
    /** Subtracted from eight bytes, sets the high bit of each byte up to U+0020 (and may of some above a marked one). */
    private static final long TOT_SPATIE = EENEN * 0x21;

    private final LasProfiel profiel;
    private final String bestand;
    private final Datumlezer datumlezer;
    private final Tijdlezer tijdlezer;
    /** Codes of 8 bytes and more met in this file, with their meaning (null: unknown to the profile). */
    private final List<Code> codes = new ArrayList<>();
    /** Shorter codes met in this file: their bytes and length packed in a long ({@link #code}), and their meaning. */
    private final long[] korteSleutels = new long[MAX_CODES_ONTHOUDEN];
    private final Afwezigheidscode[] korteBetekenissen = new Afwezigheidscode[MAX_CODES_ONTHOUDEN];
    private int aantalKort;
    private final LocalTime[] tijden = new LocalTime[24 * 60];
    private LocalDate[] datums;
    /** The previous line's date and its ten bytes (as read by {@link #ACHT_BYTES} and {@link #TWEE_BYTES}). */
    private LocalDate vorigeDatum;
    private long vorigeDatumAcht;
    private short vorigeDatumTwee;
    private String vorigeLeerling = "";
    /** The file starts with UTF-8's byte order mark (skipped: it is not part of the first column's name). */
    private boolean heeftBom;

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
        // UTF-8 and single-byte encodings are split into records as bytes and decoded per field that becomes text;
        // any other encoding is decoded by the JDK first (bytes it cannot read become U+FFFD) and read as UTF-8.
        // Either way a byte that is not valid in the encoding is refused on the line where it stands.
        boolean utf8 = codering.equals(StandardCharsets.UTF_8) || codering.equals(StandardCharsets.US_ASCII);
        Bytecontrole controle = utf8 ? Bytecontrole.utf8() : Bytecontrole.enkelByte(codering);
        Charset tekstcodering = codering;
        if (controle == null) {
            invoer = new AlsUtf8(new InputStreamReader(invoer, codering));
            controle = Bytecontrole.utf8();
            tekstcodering = StandardCharsets.UTF_8;
        }
        Records records = new Records(invoer, profiel.scheidingsteken(), controle);
        Rij rij = new Rij(tekstcodering);
        try {
            if (utf8 && heeftBom) {
                records.slaOver(3);
            }
            if (!records.volgende(rij)) {
                throw new OngeldigBestandException(new IntakeFout(bestand, 1, null, "het bestand is leeg; een kopregel is verplicht"));
            }
            rij.snoei();
            List<String> kop = new ArrayList<>();
            for (int i = 0; i < rij.velden; i++) {
                kop.add(rij.tekst(i));
            }
            if (!kop.isEmpty() && kop.get(0).startsWith("\uFEFF")) {
                kop.set(0, kop.get(0).substring(1));
            }
            Kolommen kolommen = kolomIndex(kop);
            while (true) {
                int regel = records.regelVanVolgende();
                if (!records.volgende(rij)) {
                    break;
                }
                rij.snoei();
                if (rij.velden == 1 && rij.isLeeg(0)) {
                    continue;
                }
                if (rij.velden != kop.size()) {
                    fouten.add(new IntakeFout(bestand, regel, null, "verwacht " + kop.size() + " velden (scheidingsteken '"
                            + profiel.scheidingsteken() + "'), gevonden " + rij.velden));
                    continue;
                }
                CsvRegel gelezen = regel(rij, regel, kolommen, fouten);
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
            heeftBom = true;
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

    private CsvRegel regel(Rij rij, int regel, Kolommen k, List<IntakeFout> fouten) {
        int veld = k.leerling();
        if (rij.isLeeg(veld)) {
            fouten.add(fout(regel, LasProfiel.LEERLING_ID, "is leeg"));
            return null;
        }
        String leerlingId;
        // more bytes than allowed characters: only then count the characters (UTF-8 may take 4 bytes for one)
        if (rij.eind[veld] - rij.begin[veld] > MAX_LEERLING_ID && (leerlingId = rij.tekst(veld)).length() > MAX_LEERLING_ID) {
            fouten.add(fout(regel, LasProfiel.LEERLING_ID, "is langer dan " + MAX_LEERLING_ID + " tekens"));
            return null;
        }
        leerlingId = leerlingId(rij, veld);
        LocalDate datum = datumlezer.lees(rij, k.datum(), this);
        if (datum == null) {
            fouten.add(fout(regel, LasProfiel.DATUM, "'" + rij.tekst(k.datum()) + "' is geen datum volgens "
                    + profiel.datumformaat()));
            return null;
        }
        Afwezigheidscode code = code(rij, k.code());
        if (code == null) {
            String lasCode = rij.tekst(k.code());
            fouten.add(fout(regel, LasProfiel.CODE, lasCode.isEmpty() ? "is leeg" : "onbekende code '" + lasCode
                    + "' in profiel " + profiel.naam() + "; voeg hem toe aan het profiel — hij wordt niet als aan- of"
                    + " afwezig geteld"));
            return null;
        }
        LocalTime begin = null;
        LocalTime eind = null;
        Integer minuten = null;
        if (k.begin() >= 0 && !rij.isLeeg(k.begin())) {
            begin = tijdlezer.lees(rij, k.begin(), this);
            if (begin == null) {
                fouten.add(fout(regel, LasProfiel.BEGINTIJD, "'" + rij.tekst(k.begin()) + "' is geen tijd volgens "
                        + profiel.tijdformaat()));
                return null;
            }
        }
        if (k.eind() >= 0 && !rij.isLeeg(k.eind())) {
            eind = tijdlezer.lees(rij, k.eind(), this);
            if (eind == null) {
                fouten.add(fout(regel, LasProfiel.EINDTIJD, "'" + rij.tekst(k.eind()) + "' is geen tijd volgens "
                        + profiel.tijdformaat()));
                return null;
            }
        }
        if (begin != null && eind != null && !eind.isAfter(begin)) {
            fouten.add(fout(regel, LasProfiel.EINDTIJD, "eindtijd ligt niet na begintijd"));
            return null;
        }
        if (k.minuten() >= 0 && !rij.isLeeg(k.minuten())) {
            int waarde = rij.getal(k.minuten());
            if (waarde == Rij.GEEN_GETAL) {
                fouten.add(fout(regel, LasProfiel.MINUTEN, "'" + rij.tekst(k.minuten())
                        + "' is geen geheel aantal minuten"));
                return null;
            }
            if (waarde < 0 || waarde > 24 * 60) {
                fouten.add(fout(regel, LasProfiel.MINUTEN, waarde + " ligt niet tussen 0 en 1440"));
                return null;
            }
            minuten = waarde;
        }
        String omschrijving = k.omschrijving() < 0 || rij.isLeeg(k.omschrijving()) ? null
                : rij.tekst(k.omschrijving());
        return new CsvRegel(leerlingId, new Registratie(datum, begin, eind, minuten, code, omschrijving), regel);
    }

    /**
     * The LAS key as a string; the previous line's string again when it is the same pupil. (A table of all keys met
     * was tried: its lookups miss the processor's cache and cost more than decoding the key again.)
     */
    private String leerlingId(Rij rij, int veld) {
        int van = rij.begin[veld];
        int lengte = rij.eind[veld] - van;
        byte[] t = rij.tekens;
        String vorige = vorigeLeerling;
        if (vorige.length() == lengte) {
            int i = 0;
            while (i < lengte && vorige.charAt(i) == t[van + i]) { // a non-ASCII byte is negative: never equal
                i++;
            }
            if (i == lengte) {
                return vorige;
            }
        }
        vorigeLeerling = rij.tekst(veld);
        return vorigeLeerling;
    }

    /** The meaning of the line's LAS code, looked up once per distinct code in the file. */
    private Afwezigheidscode code(Rij rij, int veld) {
        int van = rij.begin[veld];
        int tot = rij.eind[veld];
        byte[] t = rij.tekens;
        int lengte = tot - van;
        long sleutel = 0;
        if (lengte < 8) {
            // a short code is one number: its bytes and its length, compared in one step with each one met before
            if (van + 8 <= t.length) {
                sleutel = (long) ACHT_BYTES.get(t, van) & (1L << 8 * lengte) - 1;
            } else {
                for (int i = 0; i < lengte; i++) {
                    sleutel |= (t[van + i] & 0xFFL) << 8 * i;
                }
            }
            sleutel |= (long) lengte << 56;
            for (int c = 0; c < aantalKort; c++) {
                if (korteSleutels[c] == sleutel) {
                    return korteBetekenissen[c];
                }
            }
            Afwezigheidscode betekenis = lengte == 0 ? null : profiel.betekenis(rij.tekst(veld));
            if (aantalKort < MAX_CODES_ONTHOUDEN) {
                korteSleutels[aantalKort] = sleutel;
                korteBetekenissen[aantalKort++] = betekenis;
            }
            return betekenis;
        }
        for (int c = 0; c < codes.size(); c++) {
            Code bekend = codes.get(c);
            byte[] code = bekend.tekens;
            if (code.length == tot - van && (code.length == 0 || code[0] == t[van])) {
                int i = 1;
                while (i < code.length && code[i] == t[van + i]) {
                    i++;
                }
                if (i >= code.length) {
                    return bekend.betekenis;
                }
            }
        }
        Afwezigheidscode betekenis = van == tot ? null : profiel.betekenis(rij.tekst(veld));
        if (codes.size() < MAX_CODES_ONTHOUDEN) {
            codes.add(new Code(Arrays.copyOfRange(rij.tekens, van, tot), betekenis));
        }
        return betekenis;
    }

    private record Code(byte[] tekens, Afwezigheidscode betekenis) {
    }

    /** The same day is the same object: one per day of 2000–2099 at most, made when first met. */
    private LocalDate datum(int jaar, int maand, int dag) {
        if (jaar < 2000 || jaar > 2099 || maand < 1 || maand > 12 || dag < 1 || dag > 31) {
            try {
                return LocalDate.of(jaar, maand, dag);
            } catch (DateTimeException e) {
                return null;
            }
        }
        int index = (jaar - 2000) * 372 + (maand - 1) * 31 + dag - 1;
        if (datums == null) {
            datums = new LocalDate[100 * 372];
        }
        LocalDate datum = datums[index];
        if (datum == null) {
            try {
                datum = LocalDate.of(jaar, maand, dag);
            } catch (DateTimeException e) {
                return null;
            }
            datums[index] = datum;
        }
        return datum;
    }

    private LocalTime tijd(int uur, int minuut) {
        if (uur < 0 || uur > 23 || minuut < 0 || minuut > 59) {
            return null;
        }
        int index = uur * 60 + minuut;
        LocalTime tijd = tijden[index];
        if (tijd == null) {
            tijd = LocalTime.of(uur, minuut);
            tijden[index] = tijd;
        }
        return tijd;
    }

    private IntakeFout fout(int regel, String veld, String reden) {
        String kolom = profiel.kolom(veld);
        return new IntakeFout(bestand, regel, kolom == null ? veld : kolom, reden);
    }

    /**
     * Parses dates of a profile's format. The two layouts seen most ({@code yyyy-MM-dd}, {@code dd-MM-yyyy}) are read
     * from the characters; every other format goes through the strict formatter. Returns null for anything that is
     * not a real date (30-02-2026 included).
     */
    private interface Datumlezer {
        LocalDate lees(Rij rij, int veld, CsvLezer lezer);

        static Datumlezer voor(String formaat, DateTimeFormatter formatter) {
            return switch (formaat) {
                case "yyyy-MM-dd", "uuuu-MM-dd" -> (rij, veld, lezer) -> vast(rij, veld, lezer, 0, 5, 8, 4, 7);
                case "dd-MM-yyyy", "dd-MM-uuuu" -> (rij, veld, lezer) -> vast(rij, veld, lezer, 6, 3, 0, 2, 5);
                default -> (rij, veld, lezer) -> {
                    try {
                        return LocalDate.parse(rij.tekst(veld), formatter);
                    } catch (DateTimeException e) {
                        return null;
                    }
                };
            };
        }

        private static LocalDate vast(Rij rij, int veld, CsvLezer lezer, int jaar, int maand, int dag, int streep1,
                                      int streep2) {
            int van = rij.begin[veld];
            byte[] t = rij.tekens;
            if (rij.eind[veld] - van != 10) {
                return null;
            }
            // a LAS exports day by day: mostly the same ten bytes as on the previous line
            long acht = (long) ACHT_BYTES.get(t, van);
            short twee = (short) TWEE_BYTES.get(t, van + 8);
            if (acht == lezer.vorigeDatumAcht && twee == lezer.vorigeDatumTwee && lezer.vorigeDatum != null) {
                return lezer.vorigeDatum;
            }
            if (t[van + streep1] != '-' || t[van + streep2] != '-') {
                return null;
            }
            int j = cijfers(t, van + jaar, 4);
            int m = cijfers(t, van + maand, 2);
            int d = cijfers(t, van + dag, 2);
            LocalDate datum = j < 0 || m < 0 || d < 0 ? null : lezer.datum(j, m, d);
            if (datum != null) {
                lezer.vorigeDatum = datum;
                lezer.vorigeDatumAcht = acht;
                lezer.vorigeDatumTwee = twee;
            }
            return datum;
        }
    }

    /** Times of a profile's format; {@code HH:mm} from the characters, others by the strict formatter. */
    private interface Tijdlezer {
        LocalTime lees(Rij rij, int veld, CsvLezer lezer);

        static Tijdlezer voor(String formaat, DateTimeFormatter formatter) {
            if ("HH:mm".equals(formaat)) {
                return (rij, veld, lezer) -> {
                    int van = rij.begin[veld];
                    byte[] t = rij.tekens;
                    if (rij.eind[veld] - van != 5 || t[van + 2] != ':') {
                        return null;
                    }
                    int u = cijfers(t, van, 2);
                    int m = cijfers(t, van + 3, 2);
                    return u < 0 || m < 0 ? null : lezer.tijd(u, m);
                };
            }
            return (rij, veld, lezer) -> {
                try {
                    return LocalTime.parse(rij.tekst(veld), formatter);
                } catch (DateTimeException e) {
                    return null;
                }
            };
        }
    }

    /** The ASCII digits at {@code van}, or -1 when one of them is not a digit. */
    private static int cijfers(byte[] t, int van, int lengte) {
        int waarde = 0;
        for (int i = van; i < van + lengte; i++) {
            int c = t[i];
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

    /** One record, reused from line to line: its fields as ranges of one byte array, quotes undone. */
    private static final class Rij {
        static final int GEEN_GETAL = Integer.MIN_VALUE;

        /** How the bytes of a field become text: the file's encoding (UTF-8 when it was converted to it). */
        private final Charset codering;
        /** The bytes the fields are ranges of: the reader's buffer, or {@link #eigen} for a copied record. */
        byte[] tekens;
        private byte[] eigen = new byte[512];
        int lengte;
        int[] begin = new int[16];
        int[] eind = new int[16];
        int velden;
        /** No byte up to U+0020 in the record: nothing to trim. */
        boolean zonderWit;

        Rij(Charset codering) {
            this.codering = codering;
        }

        /** Starts a record that is copied byte by byte. */
        void leeg() {
            zonderWit = false;
            tekens = eigen;
            lengte = 0;
            velden = 0;
        }

        void nieuwVeld() {
            ruimte(velden);
            begin[velden] = lengte;
            eind[velden] = lengte;
            velden++;
        }

        void ruimte(int veld) {
            if (veld >= begin.length) {
                begin = Arrays.copyOf(begin, begin.length * 2);
                eind = Arrays.copyOf(eind, eind.length * 2);
            }
        }

        boolean huidigVeldLeeg() {
            return eind[velden - 1] == begin[velden - 1];
        }

        void voegToe(byte c) {
            if (lengte == eigen.length) {
                eigen = Arrays.copyOf(eigen, lengte * 2);
                tekens = eigen;
            }
            eigen[lengte++] = c;
            eind[velden - 1] = lengte;
        }

        String tekst(int veld) {
            return new String(tekens, begin[veld], eind[veld] - begin[veld], codering);
        }

        /**
         * Drops white space around every field (what {@code String.trim()} drops: U+0000–U+0020, all ASCII), once
         * per record.
         */
        void snoei() {
            if (zonderWit) {
                return;
            }
            for (int v = 0; v < velden; v++) {
                int van = begin[v];
                int tot = eind[v];
                while (van < tot && (tekens[van] & 0xFF) <= ' ') {
                    van++;
                }
                while (tot > van && (tekens[tot - 1] & 0xFF) <= ' ') {
                    tot--;
                }
                begin[v] = van;
                eind[v] = tot;
            }
        }

        boolean isLeeg(int veld) {
            return begin[veld] == eind[veld];
        }

        /** A whole number (an optional sign and up to 9 digits), or {@link #GEEN_GETAL}. */
        int getal(int veld) {
            int van = begin[veld];
            int tot = eind[veld];
            boolean negatief = van < tot && tekens[van] == '-';
            int eerste = van < tot && (negatief || tekens[van] == '+') ? van + 1 : van;
            if (eerste == tot || tot - eerste > 9) {
                return GEEN_GETAL;
            }
            int waarde = cijfers(tekens, eerste, tot - eerste);
            return waarde < 0 ? GEEN_GETAL : negatief ? -waarde : waarde;
        }
    }

    /**
     * RFC 4180 records, read from the bytes: quoted fields may hold the separator, doubled quotes and line breaks.
     * Every character the grammar knows (separator, quote, CR, LF) is ASCII, and in UTF-8 and in the single-byte
     * encodings read here an ASCII byte is always that character, so records are split before anything is decoded;
     * the bytes are checked against the encoding on the way (see {@link Bytecontrole}).
     */
    private static final class Records {
        private final InputStream invoer;
        private final byte scheiding;
        /** The separator in each of eight bytes. */
        private final long scheidingen;
        private final Bytecontrole controle;
        private final byte[] buffer = new byte[1 << 16];
        private int positie;
        private int gevuld;
        private int regel = 1;
        private int volgendeRegel = 1;
        private int lengte;

        Records(InputStream invoer, char scheiding, Bytecontrole controle) {
            this.invoer = invoer;
            this.scheiding = (byte) scheiding;
            this.scheidingen = EENEN * (scheiding & 0xFF);
            this.controle = controle;
        }

        /** The physical line on which the record being read (or last read) starts. */
        int regel() {
            return regel;
        }

        /** The physical line on which the next record starts. */
        int regelVanVolgende() {
            return volgendeRegel;
        }

        /** The next byte (0–255), or -1 at the end of the file. */
        private int lees() throws IOException {
            if (positie == gevuld) {
                gevuld = invoer.readNBytes(buffer, 0, buffer.length);
                positie = 0;
                if (gevuld <= 0) {
                    gevuld = 0;
                    return -1;
                }
            }
            return buffer[positie++] & 0xFF;
        }

        private int kijk() throws IOException {
            int c = lees();
            if (c != -1) {
                positie--;
            }
            return c;
        }

        /** Skips the UTF-8 byte order mark the encoding check found. */
        void slaOver(int bytes) throws IOException {
            for (int i = 0; i < bytes; i++) {
                lees();
            }
        }

        /**
         * The usual line — ASCII only, no quotes, ending inside the buffer — is not copied: the record's fields become
         * ranges of the buffer itself (valid until the next line is read). False when the line needs the careful
         * reading (then nothing is consumed).
         */
        private boolean snel(Rij rij) throws TeLangRecord {
            final byte[] b = buffer;
            final int tot = gevuld;
            final byte sep = scheiding;
            final long seps = scheidingen;
            int i = positie;
            int veld = 0;
            rij.begin[0] = i;
            byte c = 0;
            boolean wit = false;
            int eind = -1;
            // Eight bytes at a time: a mask marks the bytes that may matter (the separator, a quote, white space and
            // control characters, non-ASCII); each marked byte is then looked at. A mark may be false, never missing.
            woorden:
            while (i + 8 <= tot) {
                long w = (long) ACHT_BYTES.get(b, i);
                long x = w ^ seps;
                long q = w ^ AANHALINGEN;
                long m = ((x - EENEN) & ~x | (q - EENEN) & ~q | (w - TOT_SPATIE) & ~w | w) & HOOG;
                while (m != 0) {
                    int p = i + (Long.numberOfTrailingZeros(m) >>> 3);
                    c = b[p];
                    if (c == sep) {
                        rij.eind[veld] = p;
                        rij.ruimte(++veld);
                        rij.begin[veld] = p + 1;
                    } else if (c <= ' ') {
                        if (c == '\n' || c == '\r' || c < 0) {
                            eind = p;
                            break woorden;
                        }
                        wit = true;
                    } else if (c == '"') {
                        eind = p;
                        break woorden;
                    }
                    m &= m - 1;
                }
                i += 8;
            }
            if (eind >= 0) {
                i = eind;
            } else {
                c = 0;
                while (i < tot) {
                    c = b[i];
                    if (c == sep) {
                        rij.eind[veld] = i;
                        rij.ruimte(++veld);
                        rij.begin[veld] = i + 1;
                    } else if (c <= ' ') {
                        if (c == '\n' || c == '\r' || c < 0) {
                            break;
                        }
                        wit = true;
                    } else if (c == '"') {
                        break;
                    }
                    i++;
                }
            }
            if (i >= tot || c == '"' || c < 0 || c == '\r' && i + 1 >= tot) {
                return false;
            }
            if (i - positie > MAX_RECORD_TEKENS) {
                throw new TeLangRecord(regel);
            }
            rij.eind[veld] = i;
            rij.velden = veld + 1;
            rij.tekens = b;
            rij.zonderWit = !wit;
            positie = c == '\r' && b[i + 1] == '\n' ? i + 2 : i + 1;
            volgendeRegel++;
            return true;
        }

        /** Reads the next record into {@code rij}; false at the end of the file. */
        boolean volgende(Rij rij) throws IOException {
            regel = volgendeRegel;
            if (snel(rij)) {
                return true;
            }
            lengte = 0;
            rij.leeg();
            rij.nieuwVeld();
            boolean inAanhaling = false;
            boolean iets = false;
            while (true) {
                int c = lees();
                if (c == -1) {
                    if (!controle.compleet()) {
                        throw new Coderingsfout(volgendeRegel);
                    }
                    return iets;
                }
                iets = true;
                // characters are counted, not the bytes that continue one in UTF-8
                if ((c & 0xC0) != 0x80 && ++lengte > MAX_RECORD_TEKENS) {
                    throw new TeLangRecord(regel);
                }
                if (!controle.geldig(c)) {
                    throw new Coderingsfout(volgendeRegel);
                }
                if (inAanhaling) {
                    if (c == '"') {
                        if (kijk() == '"') {
                            lees();
                            rij.voegToe((byte) '"');
                        } else {
                            inAanhaling = false;
                        }
                    } else {
                        if (c == '\n') {
                            volgendeRegel++;
                        }
                        rij.voegToe((byte) c);
                    }
                } else if (c == '"' && rij.huidigVeldLeeg()) {
                    inAanhaling = true;
                } else if (c == (scheiding & 0xFF)) {
                    rij.nieuwVeld();
                } else if (c == '\r') {
                    if (kijk() == '\n') {
                        lees();
                    }
                    volgendeRegel++;
                    return true;
                } else if (c == '\n') {
                    volgendeRegel++;
                    return true;
                } else {
                    rij.voegToe((byte) c);
                }
            }
        }
    }

    /**
     * Checks the bytes of the careful reading against the file's encoding, byte by byte: strict UTF-8 (no overlong
     * forms, no surrogates, nothing above U+10FFFF, no sequence cut off) or, for a single-byte encoding, no byte the
     * encoding leaves undefined. A literal U+FFFD is refused as well: it is what a converter leaves where it could
     * not read a character, so the file was broken before it got here.
     */
    private static final class Bytecontrole {
        /** Single-byte encodings: the bytes it does not define; null for UTF-8. */
        private final boolean[] ongedefinieerd;
        private int nogTeVolgen;
        private int tekenwaarde;
        private int minimum;

        private Bytecontrole(boolean[] ongedefinieerd) {
            this.ongedefinieerd = ongedefinieerd;
        }

        static Bytecontrole utf8() {
            return new Bytecontrole(null);
        }

        /** For an ASCII-compatible single-byte encoding; null for any other. */
        static Bytecontrole enkelByte(Charset codering) {
            if (!codering.canEncode() || codering.newEncoder().maxBytesPerChar() != 1.0f) {
                return null;
            }
            byte[] alle = new byte[256];
            for (int i = 0; i < 256; i++) {
                alle[i] = (byte) i;
            }
            String tekst = new String(alle, codering);
            if (tekst.length() != 256) {
                return null;
            }
            boolean[] ongedefinieerd = new boolean[256];
            for (int i = 0; i < 256; i++) {
                if (i < 0x80 && tekst.charAt(i) != i) {
                    return null;
                }
                ongedefinieerd[i] = tekst.charAt(i) == ONGELDIG;
            }
            return new Bytecontrole(ongedefinieerd);
        }

        boolean geldig(int b) {
            if (ongedefinieerd != null) {
                return !ongedefinieerd[b];
            }
            if (nogTeVolgen == 0) {
                if (b < 0x80) {
                    return true;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    begin(1, b & 0x1F, 0x80);
                } else if (b >= 0xE0 && b <= 0xEF) {
                    begin(2, b & 0x0F, 0x800);
                } else if (b >= 0xF0 && b <= 0xF4) {
                    begin(3, b & 0x07, 0x10000);
                } else {
                    return false;
                }
                return true;
            }
            if ((b & 0xC0) != 0x80) {
                return false;
            }
            tekenwaarde = tekenwaarde << 6 | b & 0x3F;
            if (--nogTeVolgen > 0) {
                return true;
            }
            return tekenwaarde >= minimum && tekenwaarde <= 0x10FFFF && tekenwaarde != ONGELDIG
                    && (tekenwaarde < 0xD800 || tekenwaarde > 0xDFFF);
        }

        private void begin(int volgend, int waarde, int min) {
            nogTeVolgen = volgend;
            tekenwaarde = waarde;
            minimum = min;
        }

        /** False when the file ends in the middle of a character. */
        boolean compleet() {
            return nogTeVolgen == 0;
        }
    }

    /**
     * Any other encoding (one where an ASCII byte need not be an ASCII character): decoded by the JDK and handed on
     * as UTF-8, with U+FFFD where a byte was not valid, which the UTF-8 check then refuses on its line.
     */
    private static final class AlsUtf8 extends InputStream {
        private final Reader reader;
        private final char[] tekens = new char[8192];
        private final byte[] bytes = new byte[3 * 8192 + 4];
        private int positie;
        private int gevuld;
        private int hoog = -1;

        AlsUtf8(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            if (positie == gevuld && !vul()) {
                return -1;
            }
            return bytes[positie++] & 0xFF;
        }

        @Override
        public int read(byte[] doel, int van, int aantal) throws IOException {
            if (aantal == 0) {
                return 0;
            }
            if (positie == gevuld && !vul()) {
                return -1;
            }
            int n = Math.min(aantal, gevuld - positie);
            System.arraycopy(bytes, positie, doel, van, n);
            positie += n;
            return n;
        }

        private boolean vul() throws IOException {
            int n;
            do {
                n = reader.read(tekens, 0, tekens.length);
            } while (n == 0);
            positie = 0;
            gevuld = 0;
            if (n < 0) {
                if (hoog >= 0) {
                    schrijf(ONGELDIG);
                    hoog = -1;
                }
                return gevuld > 0;
            }
            for (int i = 0; i < n; i++) {
                char c = tekens[i];
                if (hoog >= 0) {
                    int h = hoog;
                    hoog = -1;
                    if (Character.isLowSurrogate(c)) {
                        schrijf(Character.toCodePoint((char) h, c));
                        continue;
                    }
                    schrijf(ONGELDIG);
                }
                if (Character.isHighSurrogate(c)) {
                    hoog = c;
                } else {
                    schrijf(Character.isLowSurrogate(c) ? ONGELDIG : c);
                }
            }
            return gevuld > 0 || vul();
        }

        private void schrijf(int c) {
            if (c < 0x80) {
                bytes[gevuld++] = (byte) c;
            } else if (c < 0x800) {
                bytes[gevuld++] = (byte) (0xC0 | c >> 6);
                bytes[gevuld++] = (byte) (0x80 | c & 0x3F);
            } else if (c < 0x10000) {
                bytes[gevuld++] = (byte) (0xE0 | c >> 12);
                bytes[gevuld++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[gevuld++] = (byte) (0x80 | c & 0x3F);
            } else {
                bytes[gevuld++] = (byte) (0xF0 | c >> 18);
                bytes[gevuld++] = (byte) (0x80 | c >> 12 & 0x3F);
                bytes[gevuld++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[gevuld++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }
}
