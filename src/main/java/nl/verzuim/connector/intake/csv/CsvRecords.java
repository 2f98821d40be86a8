package nl.verzuim.connector.intake.csv;

import java.io.IOException;
import java.io.InputStream;

/**
 * The CSV grammar: RFC 4180 records, read from the bytes. Quoted fields may hold the separator, doubled quotes and
 * line breaks. Every character the grammar knows (separator, quote, CR, LF) is ASCII, and in UTF-8 and in the
 * single-byte encodings read here an ASCII byte is always that character, so records are split before anything is
 * decoded; the bytes are checked against the encoding on the way (see {@link Bytecontrole}).
 */
final class CsvRecords {

    /** A record longer than this is an unclosed quote, not data: refused before it fills the memory. */
    static final int MAX_RECORD_TEKENS = 1 << 20;

    private static final long EENEN = 0x0101010101010101L;
    private static final long HOOG = 0x8080808080808080L;
    private static final long AANHALINGEN = EENEN * '"';
    /** Subtracted from eight bytes, sets the high bit of each byte up to U+0020 (and may of some above a marked one). */
    private static final long TOT_SPATIE = EENEN * 0x21;

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
    /** The record on which the file turned out to be Windows-1252 rather than UTF-8; 0 while it has not. */
    private int windows1252VanafRegel;

    CsvRecords(InputStream invoer, char scheiding, Bytecontrole controle) {
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

    /** The record from which a UTF-8 file is read as Windows-1252 (see {@link Bytecontrole}); 0: it is not. */
    int windows1252VanafRegel() {
        return windows1252VanafRegel;
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
    private boolean snel(CsvRij rij) throws TeLangRecord {
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
            long w = (long) CsvRij.ACHT_BYTES.get(b, i);
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
    boolean volgende(CsvRij rij) throws IOException {
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
                codering(rij);
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
                codering(rij);
                return true;
            } else if (c == '\n') {
                volgendeRegel++;
                codering(rij);
                return true;
            } else {
                rij.voegToe((byte) c);
            }
        }
    }

    /** Only a record read carefully can hold the byte that makes a UTF-8 file Windows-1252: its fields decode so. */
    private void codering(CsvRij rij) {
        if (windows1252VanafRegel == 0 && controle.alsWindows1252()) {
            windows1252VanafRegel = regel;
            rij.codering(Bytecontrole.WINDOWS_1252);
        }
    }

    /** A record longer than {@link #MAX_RECORD_TEKENS}: the line it starts on. */
    static final class TeLangRecord extends IOException {
        final int regel;

        TeLangRecord(int regel) {
            super(null, null);
            this.regel = regel;
        }
    }

    /** A byte that is not valid in the file's encoding: the line it stands on. */
    static final class Coderingsfout extends IOException {
        final int regel;

        Coderingsfout(int regel) {
            super(null, null);
            this.regel = regel;
        }
    }
}
