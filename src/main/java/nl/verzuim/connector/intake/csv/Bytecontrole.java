package nl.verzuim.connector.intake.csv;

import java.nio.charset.Charset;

/**
 * Checks the bytes of the careful reading against the file's encoding, byte by byte: strict UTF-8 (no overlong
 * forms, no surrogates, nothing above U+10FFFF, no sequence cut off) or, for a single-byte encoding, no byte the
 * encoding leaves undefined. A literal U+FFFD is refused as well: it is what a converter leaves where it could
 * not read a character, so the file was broken before it got here.
 *
 * <p>Under a UTF-8 profile ({@link #utf8OfWindows1252()}) a file that is plainly Windows-1252 — Excel on a Dutch PC:
 * no valid UTF-8 multi-byte sequence anywhere, every byte defined in Windows-1252 — is taken as Windows-1252. The
 * decision is made on the first byte that is not UTF-8, without a second pass: up to there the file held no valid
 * multi-byte sequence (else it is refused there), so all it held was ASCII, which reads the same in both; from there
 * on every byte must be defined in Windows-1252 and no valid UTF-8 sequence may follow (else it is refused where
 * that sequence ends).
 */
final class Bytecontrole {

    /** What a decoder puts where a byte is not valid in the file's encoding (a literal one is refused as well). */
    static final char ONGELDIG = '\uFFFD';

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final boolean[] ONGEDEFINIEERD_1252 = ongedefinieerd(WINDOWS_1252);

    /** Single-byte encodings: the bytes it does not define; null for UTF-8. */
    private final boolean[] ongedefinieerd;
    /** UTF-8 that may still turn out to be plainly Windows-1252. */
    private final boolean terugvalToegestaan;
    /** Read as Windows-1252 since the first byte that was not UTF-8; UTF-8 sequences are looked for still. */
    private boolean alsWindows1252;
    /** A valid UTF-8 multi-byte sequence was met: the file can no longer be plainly Windows-1252. */
    private boolean multibyteGezien;
    /** The bytes of the UTF-8 sequence under way (for the Windows-1252 check should it fail). */
    private final int[] reeks = new int[4];
    private int reeksLengte;
    private int nogTeVolgen;
    private int tekenwaarde;
    private int minimum;

    private Bytecontrole(boolean[] ongedefinieerd, boolean terugvalToegestaan) {
        this.ongedefinieerd = ongedefinieerd;
        this.terugvalToegestaan = terugvalToegestaan;
    }

    static Bytecontrole utf8() {
        return new Bytecontrole(null, false);
    }

    /** UTF-8, or Windows-1252 when the file plainly is that (see the class comment). */
    static Bytecontrole utf8OfWindows1252() {
        return new Bytecontrole(null, true);
    }

    /** UTF-8 that may turn out to be Windows-1252 ({@link #utf8OfWindows1252()}). */
    boolean terugvalToegestaan() {
        return terugvalToegestaan;
    }

    /** A valid UTF-8 multi-byte sequence was met before the first byte that was not UTF-8: no Windows-1252 then. */
    boolean utf8Gezien() {
        return multibyteGezien;
    }

    /** True once the file is read as Windows-1252 instead of UTF-8. */
    boolean alsWindows1252() {
        return alsWindows1252;
    }

    /** For an ASCII-compatible single-byte encoding; null for any other. */
    static Bytecontrole enkelByte(Charset codering) {
        if (!codering.canEncode() || codering.newEncoder().maxBytesPerChar() != 1.0f) {
            return null;
        }
        boolean[] ongedefinieerd = ongedefinieerd(codering);
        return ongedefinieerd == null ? null : new Bytecontrole(ongedefinieerd, false);
    }

    private static boolean[] ongedefinieerd(Charset codering) {
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
        return ongedefinieerd;
    }

    boolean geldig(int b) {
        if (alsWindows1252) {
            // plainly Windows-1252 only while no valid UTF-8 sequence turns up (a literal U+FFFD counts as one)
            return !ONGEDEFINIEERD_1252[b] && utf8Reeks(b) != Reeks.COMPLEET;
        }
        if (ongedefinieerd != null) {
            return !ongedefinieerd[b];
        }
        Reeks reeks = utf8Reeks(b);
        if (reeks == Reeks.COMPLEET && tekenwaarde != ONGELDIG) {
            multibyteGezien = true;
            return true;
        }
        if (reeks == Reeks.BEGONNEN || reeks == Reeks.ASCII) {
            return true;
        }
        // not UTF-8 here (or a literal U+FFFD): Windows-1252 if the file plainly is that
        return reeks != Reeks.COMPLEET && valTerug(b);
    }

    /** False when the file ends in the middle of a character (a UTF-8 file may then still be Windows-1252). */
    boolean compleet() {
        if (nogTeVolgen == 0 || alsWindows1252) {
            return true;
        }
        return valTerug(-1);
    }

    /**
     * The byte {@code b} (or the end of the file, -1) is not UTF-8: from here on the file is read as Windows-1252,
     * when that is allowed and nothing before said UTF-8. The bytes of the sequence under way before {@code b} must be
     * defined in it; {@code b} itself is checked again, and may begin a UTF-8 sequence that is looked for.
     */
    private boolean valTerug(int b) {
        if (!terugvalToegestaan || multibyteGezien) {
            return false;
        }
        // b may be among them (then it is checked twice, which does no harm)
        for (int i = 0; i < reeksLengte; i++) {
            if (ONGEDEFINIEERD_1252[reeks[i]]) {
                return false;
            }
        }
        alsWindows1252 = true;
        nogTeVolgen = 0;
        reeksLengte = 0;
        return b < 0 || geldig(b);
    }

    private enum Reeks { ASCII, BEGONNEN, COMPLEET, FOUT }

    /**
     * Follows strict UTF-8 one byte at a time. COMPLEET: a valid multi-byte sequence ends here ({@link #tekenwaarde}
     * holds it); FOUT: {@code b} breaks off the sequence under way or cannot begin one.
     */
    private Reeks utf8Reeks(int b) {
        if (nogTeVolgen == 0) {
            reeksLengte = 0;
            if (b < 0x80) {
                return Reeks.ASCII;
            }
            reeks[reeksLengte++] = b;
            if (b >= 0xC2 && b <= 0xDF) {
                begin(1, b & 0x1F, 0x80);
            } else if (b >= 0xE0 && b <= 0xEF) {
                begin(2, b & 0x0F, 0x800);
            } else if (b >= 0xF0 && b <= 0xF4) {
                begin(3, b & 0x07, 0x10000);
            } else {
                return Reeks.FOUT;
            }
            return Reeks.BEGONNEN;
        }
        if ((b & 0xC0) != 0x80) {
            nogTeVolgen = 0;
            if (alsWindows1252) {
                // in Windows-1252 the byte that broke off a sequence may begin the next one
                return utf8Reeks(b);
            }
            return Reeks.FOUT;
        }
        reeks[reeksLengte++] = b;
        tekenwaarde = tekenwaarde << 6 | b & 0x3F;
        if (--nogTeVolgen > 0) {
            return Reeks.BEGONNEN;
        }
        boolean geldig = tekenwaarde >= minimum && tekenwaarde <= 0x10FFFF
                && (tekenwaarde < 0xD800 || tekenwaarde > 0xDFFF);
        return geldig ? Reeks.COMPLEET : Reeks.FOUT;
    }

    private void begin(int volgend, int waarde, int min) {
        nogTeVolgen = volgend;
        tekenwaarde = waarde;
        minimum = min;
    }
}
