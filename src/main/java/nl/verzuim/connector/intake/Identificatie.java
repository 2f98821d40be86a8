package nl.verzuim.connector.intake;

import java.util.regex.Pattern;

/** Checks of the numbers that identify pupils and schools (domain §6). */
public final class Identificatie {

    private static final Pattern NEGEN_CIJFERS = Pattern.compile("[0-9]{9}");
    private static final Pattern BRIN = Pattern.compile("[0-9]{2}[A-Z]{2}");
    private static final Pattern VESTIGING = Pattern.compile("[0-9]{2}");
    private static final int[] GEWICHTEN = {9, 8, 7, 6, 5, 4, 3, 2, -1};

    private Identificatie() {
    }

    /** BSN: 9 digits passing the elfproef (weights 9…2 and −1, sum divisible by 11, not zero). */
    public static boolean isGeldigBsn(String bsn) {
        if (bsn == null || !NEGEN_CIJFERS.matcher(bsn).matches()) {
            return false;
        }
        int som = gewogenSom(bsn);
        return som != 0 && Math.floorMod(som, 11) == 0;
    }

    /** Onderwijsnummer: 9 digits starting with 10, the same weights as the BSN, remainder 5. */
    public static boolean isGeldigOnderwijsnummer(String nummer) {
        if (nummer == null || !NEGEN_CIJFERS.matcher(nummer).matches() || !nummer.startsWith("10")) {
            return false;
        }
        return Math.floorMod(gewogenSom(nummer), 11) == 5;
    }

    public static boolean isGeldigeBrin(String brin) {
        return brin != null && BRIN.matcher(brin).matches();
    }

    public static boolean isGeldigeVestiging(String vestiging) {
        return vestiging != null && VESTIGING.matcher(vestiging).matches();
    }

    private static int gewogenSom(String cijfers) {
        int som = 0;
        for (int i = 0; i < 9; i++) {
            som += (cijfers.charAt(i) - '0') * GEWICHTEN[i];
        }
        return som;
    }
}
