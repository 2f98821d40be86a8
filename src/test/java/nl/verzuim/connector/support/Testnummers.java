package nl.verzuim.connector.support;

/** Made-up identification numbers for generated test data. */
public final class Testnummers {

    private Testnummers() {
    }

    /** A 9-digit number passing the elfproef, different for each i. */
    public static String bsn(int i) {
        int[] gewichten = {9, 8, 7, 6, 5, 4, 3, 2};
        for (int poging = 0; ; poging++) {
            String acht = "%08d".formatted(10_000_000 + (i * 37L + poging) % 89_999_999);
            int som = 0;
            for (int k = 0; k < 8; k++) {
                som += (acht.charAt(k) - '0') * gewichten[k];
            }
            int laatste = Math.floorMod(som, 11);
            if (laatste <= 9 && som - laatste != 0) {
                return acht + laatste;
            }
        }
    }
}
