package nl.verzuim.connector.intake.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import nl.verzuim.connector.intake.CsvRegel;
import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.OngeldigBestandException;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.leerling.Veldlengtes;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.school.LasProfiel;

/**
 * Reads a verzuimregistraties CSV by streaming, with the layout of a {@link LasProfiel}: RFC 4180 quoting, a
 * header line, a BOM tolerated. A bad line is reported with its line number and field and skipped; the rest of the
 * file is still read. A file whose header lacks a required column, or that is not in the profile's encoding, is
 * rejected whole, naming the line. One exception: a file under a UTF-8 profile that is plainly Windows-1252 (Excel on
 * a Dutch PC: no valid UTF-8 multi-byte sequence anywhere, every byte defined in Windows-1252) is read as
 * Windows-1252, with a warning; one accent in a free-text column must not cost a school its day of registrations. A
 * file that starts with a UTF-8 byte order mark is read as UTF-8 whatever the profile says: the mark says so
 * explicitly.
 *
 * <p>Millions of lines go through here, so a line is neither decoded whole nor cut into strings: records are split
 * on the bytes by the CSV grammar ({@link CsvRecords}: the grammar is ASCII, and so is an ASCII byte in UTF-8 and in
 * the single-byte encodings), its fields stay ranges of one reused byte array ({@link CsvRij}), and dates, times
 * ({@link Datumlezer}, {@link Tijdlezer}), minutes and codes are read from the bytes. Only the LAS key (and a
 * description, when there is one) is decoded into a string. The bytes are still checked against the encoding, line by
 * line ({@link Bytecontrole}): a plain ASCII line needs no check, any other line is checked byte by byte. This class
 * is what a profile makes of a record: the header's columns, each field's meaning and its faults.
 */
public final class CsvLezer {

    /** Distinct LAS codes remembered per file; a file full of garbage codes does not grow the memory. */
    private static final int MAX_CODES_ONTHOUDEN = 64;

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
    private String vorigeLeerling = "";
    /** The file starts with UTF-8's byte order mark (skipped: it is not part of the first column's name). */
    private boolean heeftBom;

    private CsvLezer(LasProfiel profiel, String bestand) {
        this.profiel = profiel;
        this.bestand = bestand;
        this.datumlezer = Datumlezer.voor(profiel.datumformaat(), profiel.datumFormatter());
        this.tijdlezer = Tijdlezer.voor(profiel.tijdformaat(), profiel.tijdFormatter());
    }

    /** Reads the file; returns its warnings (a UTF-8 file read as Windows-1252), for its report. */
    public static List<IntakeFout> lees(InputStream invoer, String bestand, LasProfiel profiel,
                                        Consumer<CsvRegel> ontvanger, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        return new CsvLezer(profiel, bestand).leesAlles(invoer, ontvanger, fouten);
    }

    private List<IntakeFout> leesAlles(InputStream ruw, Consumer<CsvRegel> ontvanger, List<IntakeFout> fouten)
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
        // under a UTF-8 profile a file may turn out plainly Windows-1252; not when a byte order mark says UTF-8
        Bytecontrole controle = utf8 ? heeftBom ? Bytecontrole.utf8() : Bytecontrole.utf8OfWindows1252()
                : Bytecontrole.enkelByte(codering);
        Charset tekstcodering = codering;
        if (controle == null) {
            invoer = new AlsUtf8(new InputStreamReader(invoer, codering));
            controle = Bytecontrole.utf8();
            tekstcodering = StandardCharsets.UTF_8;
        }
        CsvRecords records = new CsvRecords(invoer, profiel.scheidingsteken(), controle);
        CsvRij rij = new CsvRij(tekstcodering);
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
            int vanaf = records.windows1252VanafRegel();
            return vanaf == 0 ? List.of() : List.of(new IntakeFout(bestand, vanaf, null, "het bestand is geen UTF-8"
                    + " maar Windows-1252 (Excel op een Nederlandse pc) en is zo gelezen: de eerste regel met een"
                    + " letter buiten ASCII is deze; sla het voortaan op als 'CSV UTF-8' of zet 'codering:"
                    + " windows-1252' in profiel " + profiel.naam()));
        } catch (CsvRecords.Coderingsfout e) {
            throw new OngeldigBestandException(new IntakeFout(bestand, e.regel, null, coderingsfout(codering, controle)));
        } catch (CsvRecords.TeLangRecord e) {
            throw new OngeldigBestandException(new IntakeFout(bestand, e.regel, null, "een regel van meer dan "
                    + CsvRecords.MAX_RECORD_TEKENS + " tekens: waarschijnlijk een aanhalingsteken dat niet gesloten wordt"));
        } catch (IOException e) {
            throw new OngeldigBestandException(new IntakeFout(bestand, records.regel(), null,
                    "het bestand kan niet gelezen worden: " + e.getClass().getSimpleName()));
        }
    }

    private String coderingsfout(Charset codering, Bytecontrole controle) {
        String advies = "; sla het op als UTF-8 of gebruik een profiel met 'codering: windows-1252' (profiel nu: "
                + profiel.naam() + ")";
        if (controle.alsWindows1252()) {
            return "het bestand is geen geldige UTF-8 en ook geen Windows-1252: een eerdere byte was geen UTF-8, maar"
                    + " deze regel heeft een UTF-8-teken of een byte die Windows-1252 niet kent" + advies;
        }
        if (controle.utf8Gezien()) {
            return "het bestand is geen geldige UTF-8 en ook geen Windows-1252: het heeft eerder UTF-8-tekens, maar"
                    + " deze regel heeft een byte die geen UTF-8 is" + advies;
        }
        if (controle.terugvalToegestaan()) {
            return "het bestand is geen geldige UTF-8 en ook geen Windows-1252: deze regel heeft een byte die"
                    + " Windows-1252 niet kent of een UTF-8-teken dat een omzetter niet kon lezen (U+FFFD)" + advies;
        }
        return "het bestand is geen geldige " + codering.name() + (codering == StandardCharsets.UTF_8
                ? " (waarschijnlijk Windows-1252)" + advies : "");
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
    private record Kolommen(int leerling, int datum, int code, int begin, int eind, int minuten, int omschrijving,
                            int registratieId) {
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
                index.getOrDefault(LasProfiel.MINUTEN, -1), index.getOrDefault(LasProfiel.OMSCHRIJVING, -1),
                index.getOrDefault(LasProfiel.REGISTRATIE_ID, -1));
    }

    private CsvRegel regel(CsvRij rij, int regel, Kolommen k, List<IntakeFout> fouten) {
        int veld = k.leerling();
        if (rij.isLeeg(veld)) {
            fouten.add(fout(regel, LasProfiel.LEERLING_ID, "is leeg"));
            return null;
        }
        String leerlingId;
        // more bytes than allowed characters: only then count the characters (UTF-8 may take 4 bytes for one)
        if (rij.eind[veld] - rij.begin[veld] > LeerlingGegevens.MAX_LEERLING_ID && (leerlingId = rij.tekst(veld)).length() > LeerlingGegevens.MAX_LEERLING_ID) {
            fouten.add(fout(regel, LasProfiel.LEERLING_ID, "is langer dan " + LeerlingGegevens.MAX_LEERLING_ID + " tekens"));
            return null;
        }
        leerlingId = leerlingId(rij, veld);
        LocalDate datum = datumlezer.lees(rij, k.datum());
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
            begin = tijdlezer.lees(rij, k.begin());
            if (begin == null) {
                fouten.add(fout(regel, LasProfiel.BEGINTIJD, "'" + rij.tekst(k.begin()) + "' is geen tijd volgens "
                        + profiel.tijdformaat()));
                return null;
            }
        }
        if (k.eind() >= 0 && !rij.isLeeg(k.eind())) {
            eind = tijdlezer.lees(rij, k.eind());
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
            if (waarde == CsvRij.GEEN_GETAL) {
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
        if (omschrijving != null && omschrijving.length() > Veldlengtes.OMSCHRIJVING) {
            fouten.add(fout(regel, LasProfiel.OMSCHRIJVING, "is langer dan " + Veldlengtes.OMSCHRIJVING + " tekens"));
            return null;
        }
        String registratieId = null;
        if (k.registratieId() >= 0 && !rij.isLeeg(k.registratieId())) {
            registratieId = rij.tekst(k.registratieId());
            if (registratieId.length() > Veldlengtes.REGISTRATIE_ID) {
                fouten.add(fout(regel, LasProfiel.REGISTRATIE_ID, "is langer dan " + Veldlengtes.REGISTRATIE_ID
                        + " tekens"));
                return null;
            }
        }
        return new CsvRegel(leerlingId, new Registratie(datum, begin, eind, minuten, code, omschrijving,
                registratieId), regel);
    }

    /**
     * The LAS key as a string; the previous line's string again when it is the same pupil. (A table of all keys met
     * was tried: its lookups miss the processor's cache and cost more than decoding the key again.)
     */
    private String leerlingId(CsvRij rij, int veld) {
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
    private Afwezigheidscode code(CsvRij rij, int veld) {
        int van = rij.begin[veld];
        int tot = rij.eind[veld];
        byte[] t = rij.tekens;
        int lengte = tot - van;
        long sleutel = 0;
        if (lengte < 8) {
            // a short code is one number: its bytes and its length, compared in one step with each one met before
            if (van + 8 <= t.length) {
                sleutel = (long) CsvRij.ACHT_BYTES.get(t, van) & (1L << 8 * lengte) - 1;
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

    private IntakeFout fout(int regel, String veld, String reden) {
        String kolom = profiel.kolom(veld);
        return new IntakeFout(bestand, regel, kolom == null ? veld : kolom, reden);
    }
}
