package nl.verzuim.connector.intake.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalQuery;
import java.util.Arrays;

/**
 * The record/byte layer of the CSV reader: one record, reused from line to line, its fields as ranges of one byte
 * array with quotes undone. Fields are not cut into strings: only what becomes text is decoded ({@link #tekst}),
 * numbers are read from the bytes. It also holds the byte helpers the grammar and the date and time readers share.
 */
final class CsvRij {

    /** Eight or two bytes of a field at once, for comparing a field with the previous line's without a loop. */
    static final VarHandle ACHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle TWEE_BYTES = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    static final int GEEN_GETAL = Integer.MIN_VALUE;

    /** How the bytes of a field become text: the file's encoding (UTF-8 when it was converted to it). */
    private Charset codering;
    /** The bytes the fields are ranges of: the reader's buffer, or {@link #eigen} for a copied record. */
    byte[] tekens;
    private byte[] eigen = new byte[512];
    int lengte;
    int[] begin = new int[16];
    int[] eind = new int[16];
    int velden;
    /** No byte up to U+0020 in the record: nothing to trim. */
    boolean zonderWit;

    CsvRij(Charset codering) {
        this.codering = codering;
    }

    /** From the next field decoded on, in this encoding (a UTF-8 file found to be Windows-1252). */
    void codering(Charset codering) {
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

    /** The ASCII digits at {@code van}, or -1 when one of them is not a digit. */
    static int cijfers(byte[] t, int van, int lengte) {
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

    /** A field's text through a profile's strict date or time formatter; null when it is not one. */
    <T> T volgens(int veld, DateTimeFormatter formatter, TemporalQuery<T> soort) {
        try {
            return formatter.parse(tekst(veld), soort);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
