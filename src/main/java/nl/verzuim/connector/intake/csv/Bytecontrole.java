package nl.verzuim.connector.intake.csv;

import java.nio.charset.Charset;

/**
 * Checks the bytes of the careful reading against the file's encoding, byte by byte: strict UTF-8 (no overlong
 * forms, no surrogates, nothing above U+10FFFF, no sequence cut off) or, for a single-byte encoding, no byte the
 * encoding leaves undefined. A literal U+FFFD is refused as well: it is what a converter leaves where it could
 * not read a character, so the file was broken before it got here.
 */
final class Bytecontrole {

    /** What a decoder puts where a byte is not valid in the file's encoding (a literal one is refused as well). */
    static final char ONGELDIG = '\uFFFD';

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
