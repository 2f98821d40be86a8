package nl.verzuim.connector.rules;

/**
 * A set of non-zero longs (open addressing), for the registratie_id fingerprints of one school in one file: its own
 * class because {@link Registratiestand} needs only a set, and a boxed {@code HashSet<Long>} would cost an object a
 * line.
 */
final class Vingerafdrukken {
    private long[] tabel = new long[16];
    private int aantal;

    /** False when it was there already. */
    boolean voegToe(long waarde) {
        if ((aantal + 1) * 2 > tabel.length) {
            long[] oud = tabel;
            tabel = new long[oud.length * 2];
            aantal = 0;
            for (long w : oud) {
                if (w != 0) {
                    voegToe(w);
                }
            }
        }
        int i = plaats(waarde);
        if (tabel[i] == waarde) {
            return false;
        }
        tabel[i] = waarde;
        aantal++;
        return true;
    }

    boolean bevat(long waarde) {
        return tabel[plaats(waarde)] == waarde;
    }

    private int plaats(long waarde) {
        int masker = tabel.length - 1;
        int i = (int) (waarde ^ waarde >>> 32) * 0x9E3779B9 & masker;
        while (tabel[i] != 0 && tabel[i] != waarde) {
            i = i + 1 & masker;
        }
        return i;
    }
}
