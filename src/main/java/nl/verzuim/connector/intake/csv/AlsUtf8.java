package nl.verzuim.connector.intake.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Any other encoding (one where an ASCII byte need not be an ASCII character): decoded by the JDK and handed on
 * as UTF-8, with U+FFFD where a byte was not valid, which the UTF-8 check then refuses on its line.
 */
final class AlsUtf8 extends InputStream {
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
                schrijf(Bytecontrole.ONGELDIG);
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
                schrijf(Bytecontrole.ONGELDIG);
            }
            if (Character.isHighSurrogate(c)) {
                hoog = c;
            } else {
                schrijf(Character.isLowSurrogate(c) ? Bytecontrole.ONGELDIG : c);
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
