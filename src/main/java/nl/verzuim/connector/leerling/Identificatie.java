package nl.verzuim.connector.leerling;

/** Checks of the numbers that identify pupils and schools (domain §6). */
public final class Identificatie {

    private static final int[] GEWICHTEN = {9, 8, 7, 6, 5, 4, 3, 2, -1};

    private Identificatie() {
    }

    /** BSN: 9 digits passing the elfproef (weights 9…2 and −1, sum divisible by 11, not zero). */
    public static boolean isGeldigBsn(String bsn) {
        if (bsn == null || !isCijfers(bsn, 9)) {
            return false;
        }
        int som = gewogenSom(bsn);
        return som != 0 && Math.floorMod(som, 11) == 0;
    }

    /** Onderwijsnummer: 9 digits starting with 10, the same weights as the BSN, remainder 5. */
    public static boolean isGeldigOnderwijsnummer(String nummer) {
        if (nummer == null || !isCijfers(nummer, 9) || !nummer.startsWith("10")) {
            return false;
        }
        return Math.floorMod(gewogenSom(nummer), 11) == 5;
    }

    /** [0-9]{2}[A-Z]{2}, ASCII only. */
    public static boolean isGeldigeBrin(String brin) {
        return brin != null && brin.length() == 4 && isCijfers(brin.substring(0, 2), 2)
                && isHoofdletter(brin.charAt(2)) && isHoofdletter(brin.charAt(3));
    }

    /** [0-9]{2}. */
    public static boolean isGeldigeVestiging(String vestiging) {
        return vestiging != null && isCijfers(vestiging, 2);
    }

    /** Exactly {@code lengte} ASCII digits (a regular expression per pupil costs more than the rest of the check). */
    private static boolean isCijfers(String tekst, int lengte) {
        if (tekst.length() != lengte) {
            return false;
        }
        for (int i = 0; i < lengte; i++) {
            char c = tekst.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHoofdletter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static int gewogenSom(String cijfers) {
        int som = 0;
        for (int i = 0; i < 9; i++) {
            som += (cijfers.charAt(i) - '0') * GEWICHTEN[i];
        }
        return som;
    }
}
