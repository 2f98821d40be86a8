package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registrations held after a series of registraties files, in memory, following {@link Exportperiode}'s meaning:
 * each file replaces, line by line, what was held under the same key, and then, per school, what was held for its
 * period. This is what the {@code beoordeel} command holds; the inbox does the same in its database.
 *
 * <p>Compact, because a region's school year is some four million registrations: a registration is packed as four
 * ints (datum, code and begintijd, eindtijd, minuten), plus one long for its registratie_id where it has one; the
 * free-text omschrijving is not kept (the rules never read it). A registratie_id is kept as a 64-bit fingerprint:
 * a canonical decimal number of up to 18 digits (what LAS packages use) exactly, any other id as a 63-bit hash. Two
 * different non-numeric ids of one school would be taken for one only if their hashes collide — for the 40,000 or so
 * registrations of a school year a chance of about 1 in 10^10. A registration read back carries the number itself,
 * or {@code #} and the hash, as its registratie_id.
 *
 * <p>Step 1 of the meaning (a line replaces what is held under its key) is applied when the file is closed, by
 * sorting the file's keys, which gives the same result as applying it line by line. Feed only files that were read
 * to their end: the lines of a rejected file must never reach {@link Bestand#regel}. Not thread-safe.
 */
public final class Registratiestand {

    private static final int VELDEN = 4;
    private static final Afwezigheidscode[] CODES = Afwezigheidscode.values();
    /** The datum field of a registration that is to go when the file closes. */
    private static final int WEG = Integer.MIN_VALUE;

    private final Map<String, Integer> nummers = new HashMap<>();
    private final Map<String, Integer> schoolnummers = new HashMap<>();
    private final List<String> scholen = new ArrayList<>();
    /** Per school: its pupils' numbers. */
    private final List<int[]> leerlingenVanSchool = new ArrayList<>();
    private int[] aantalLeerlingenVanSchool = new int[4];
    private String[] leerlingIds = new String[16];
    private int[] schoolVan = new int[16];
    private int[][] rijen = new int[16][];
    /** Per pupil: ints used in {@link #rijen}. */
    private int[] lengtes = new int[16];
    /** Per pupil: the fingerprint of each registration's registratie_id (0: none); null while it has none. */
    private long[][] ids = new long[16][];
    /** Per pupil: the number of registrations held before the open file; −1 when the file has no line for them. */
    private int[] grens = new int[16];
    private int aantalLeerlingen;
    private long aantal;
    private Bestand open;

    /** Starts reading one file, whose {@code vervangt} is its LAS profile's. Files are read one at a time. */
    public Bestand lees(Vervangt vervangt) {
        if (open != null) {
            throw new IllegalStateException("the previous file is still open");
        }
        open = new Bestand(vervangt);
        return open;
    }

    /** One file being read. */
    public final class Bestand {
        private final Exportperiode periode;
        private int[] geraakt = new int[16];
        private int aantalGeraakt;
        /** The lines with a registratie_id, in file order: pupil, index of the registration, fingerprint. */
        private int[] idLeerling = new int[0];
        private int[] idIndex = new int[0];
        private long[] idVingerafdruk = new long[0];
        private int aantalIds;

        private Bestand(Vervangt vervangt) {
            this.periode = new Exportperiode(vervangt);
        }

        /** One accepted line: the school's code (BRIN + vestiging), the pupil's LAS key and the registration. */
        public void regel(String school, String leerlingId, Registratie registratie) {
            if (open != this) {
                throw new IllegalStateException("this file is closed");
            }
            int n = leerling(school, leerlingId);
            if (grens[n] < 0) {
                grens[n] = lengtes[n] / VELDEN;
                if (aantalGeraakt == geraakt.length) {
                    geraakt = Arrays.copyOf(geraakt, aantalGeraakt * 2);
                }
                geraakt[aantalGeraakt++] = n;
            }
            int index = voegToe(n, registratie);
            long vingerafdruk = vingerafdruk(registratie.registratieId());
            if (vingerafdruk != 0) {
                if (ids[n] == null) {
                    ids[n] = new long[rijen[n].length / VELDEN];
                }
                ids[n][index] = vingerafdruk;
                if (aantalIds == idIndex.length) {
                    int lengte = Math.max(16, aantalIds * 2);
                    idLeerling = Arrays.copyOf(idLeerling, lengte);
                    idIndex = Arrays.copyOf(idIndex, lengte);
                    idVingerafdruk = Arrays.copyOf(idVingerafdruk, lengte);
                }
                idLeerling[aantalIds] = n;
                idIndex[aantalIds] = index;
                idVingerafdruk[aantalIds++] = vingerafdruk;
            }
            periode.regel(school, leerlingId, registratie.datum());
        }

        /** Applies the file to what is held (see {@link Exportperiode}) and returns its periods, per school. */
        public Exportperiode sluit() {
            if (open != this) {
                throw new IllegalStateException("this file is closed");
            }
            boolean[] gewijzigd = new boolean[aantalLeerlingen];
            vervangOpId(gewijzigd);
            for (int i = 0; i < aantalGeraakt; i++) {
                vervangOpSleutel(geraakt[i], gewijzigd);
            }
            for (String school : periode.scholen()) {
                vervangPeriode(school, gewijzigd);
            }
            for (int n = 0; n < aantalLeerlingen; n++) {
                if (gewijzigd[n]) {
                    comprimeer(n);
                }
            }
            for (int i = 0; i < aantalGeraakt; i++) {
                grens[geraakt[i]] = -1;
            }
            open = null;
            return periode;
        }

        /**
         * Step 1 for lines with a registratie_id: of the same id of one school, only the file's last line stays; what
         * was held under it before this file goes, whichever pupil it was of.
         */
        private void vervangOpId(boolean[] gewijzigd) {
            if (aantalIds == 0) {
                return;
            }
            Map<Integer, Vingerafdrukken> perSchool = new HashMap<>();
            for (int i = aantalIds - 1; i >= 0; i--) {
                int n = idLeerling[i];
                Vingerafdrukken gezien = perSchool.computeIfAbsent(schoolVan[n], s -> new Vingerafdrukken());
                if (!gezien.voegToe(idVingerafdruk[i])) {
                    weg(n, idIndex[i], gewijzigd);
                }
            }
            for (Map.Entry<Integer, Vingerafdrukken> school : perSchool.entrySet()) {
                int[] leerlingen = leerlingenVanSchool.get(school.getKey());
                for (int j = 0; j < aantalLeerlingenVanSchool[school.getKey()]; j++) {
                    int n = leerlingen[j];
                    long[] vingerafdrukken = ids[n];
                    if (vingerafdrukken == null) {
                        continue;
                    }
                    int ouder = eerder(n);
                    for (int k = 0; k < ouder; k++) {
                        if (vingerafdrukken[k] != 0 && school.getValue().bevat(vingerafdrukken[k])) {
                            weg(n, k, gewijzigd);
                        }
                    }
                }
            }
        }

        /**
         * Step 1 for lines without a registratie_id, for one pupil with lines in this file: of the same (datum,
         * begintijd, code) among registrations without id, only this file's last line stays.
         */
        private void vervangOpSleutel(int n, boolean[] gewijzigd) {
            int[] rij = rijen[n];
            int aantalRijen = lengtes[n] / VELDEN;
            long[] sleutels = new long[aantalRijen];
            int m = 0;
            for (int k = 0; k < aantalRijen; k++) {
                if (rij[k * VELDEN] != WEG && (ids[n] == null || ids[n][k] == 0)) {
                    // datum (epoch day) | code and begintijd (21 bits) | index (22 bits): sorted, one key together.
                    sleutels[m++] = (long) rij[k * VELDEN] << 43 | (long) rij[k * VELDEN + 1] << 22 | k;
                }
            }
            Arrays.sort(sleutels, 0, m);
            int eersteVanGroep = 0;
            for (int i = 1; i <= m; i++) {
                if (i == m || sleutels[i] >>> 22 != sleutels[eersteVanGroep] >>> 22) {
                    int laatste = (int) (sleutels[i - 1] & 0x3FFFFF);
                    if (laatste >= grens[n]) {
                        for (int j = eersteVanGroep; j < i - 1; j++) {
                            weg(n, (int) (sleutels[j] & 0x3FFFFF), gewijzigd);
                        }
                    }
                    eersteVanGroep = i;
                }
            }
        }

        /** Step 2: what was held before this file for the school's period goes (per {@link Vervangt}). */
        private void vervangPeriode(String school, boolean[] gewijzigd) {
            if (periode.vervangt() == Vervangt.NIETS) {
                return;
            }
            int s = schoolnummers.get(school);
            int van = Math.toIntExact(periode.van(school).toEpochDay());
            int tot = Math.toIntExact(periode.tot(school).toEpochDay());
            int[] leerlingen = leerlingenVanSchool.get(s);
            for (int j = 0; j < aantalLeerlingenVanSchool[s]; j++) {
                int n = leerlingen[j];
                if (periode.vervangt() == Vervangt.LEERLINGEN && grens[n] < 0) {
                    continue;
                }
                int[] rij = rijen[n];
                int ouder = eerder(n);
                for (int k = 0; k < ouder; k++) {
                    int datum = rij[k * VELDEN];
                    if (datum != WEG && datum >= van && datum <= tot) {
                        weg(n, k, gewijzigd);
                    }
                }
            }
        }
    }

    /** The pupils holding registrations: school code and LAS key, in the order first seen. */
    public List<Leerlingsleutel> leerlingen() {
        List<Leerlingsleutel> leerlingen = new ArrayList<>(aantalLeerlingen);
        for (int n = 0; n < aantalLeerlingen; n++) {
            if (lengtes[n] > 0) {
                leerlingen.add(new Leerlingsleutel(scholen.get(schoolVan[n]), leerlingIds[n]));
            }
        }
        return leerlingen;
    }

    /** A pupil of a school. */
    public record Leerlingsleutel(String school, String leerlingId) {
    }

    /** The number of registrations held. */
    public long aantalRegistraties() {
        return aantal;
    }

    /** The registrations held for one pupil, in order of arrival, rebuilt as records (without omschrijving). */
    public List<Registratie> registraties(String school, String leerlingId) {
        Integer n = nummers.get(school + "/" + leerlingId);
        if (n == null) {
            return List.of();
        }
        int[] rij = rijen[n];
        List<Registratie> registraties = new ArrayList<>(lengtes[n] / VELDEN);
        for (int i = 0, k = 0; i < lengtes[n]; i += VELDEN, k++) {
            registraties.add(new Registratie(LocalDate.ofEpochDay(rij[i]), tijd(rij[i + 1] & 0x1FFFF), tijd(rij[i + 2]),
                    rij[i + 3] < 0 ? null : rij[i + 3], CODES[rij[i + 1] >>> 17], null,
                    ids[n] == null ? null : registratieId(ids[n][k])));
        }
        return registraties;
    }

    private int leerling(String school, String leerlingId) {
        String sleutel = school + "/" + leerlingId;
        Integer bestaand = nummers.get(sleutel);
        if (bestaand != null) {
            return bestaand;
        }
        int n = aantalLeerlingen++;
        nummers.put(sleutel, n);
        if (n == rijen.length) {
            int lengte = n * 2;
            leerlingIds = Arrays.copyOf(leerlingIds, lengte);
            schoolVan = Arrays.copyOf(schoolVan, lengte);
            rijen = Arrays.copyOf(rijen, lengte);
            lengtes = Arrays.copyOf(lengtes, lengte);
            ids = Arrays.copyOf(ids, lengte);
            grens = Arrays.copyOf(grens, lengte);
        }
        Integer s = schoolnummers.get(school);
        if (s == null) {
            s = scholen.size();
            schoolnummers.put(school, s);
            scholen.add(school);
            leerlingenVanSchool.add(new int[16]);
            if (s == aantalLeerlingenVanSchool.length) {
                aantalLeerlingenVanSchool = Arrays.copyOf(aantalLeerlingenVanSchool, s * 2);
            }
        }
        int[] vanSchool = leerlingenVanSchool.get(s);
        if (aantalLeerlingenVanSchool[s] == vanSchool.length) {
            vanSchool = Arrays.copyOf(vanSchool, vanSchool.length * 2);
            leerlingenVanSchool.set(s, vanSchool);
        }
        vanSchool[aantalLeerlingenVanSchool[s]++] = n;
        leerlingIds[n] = leerlingId;
        schoolVan[n] = s;
        rijen[n] = new int[VELDEN * 4];
        grens[n] = -1;
        return n;
    }

    /** Appends a registration to pupil n's; returns its index. */
    private int voegToe(int n, Registratie registratie) {
        int[] rij = rijen[n];
        int lengte = lengtes[n];
        if (lengte + VELDEN > rij.length) {
            rij = Arrays.copyOf(rij, rij.length * 2);
            rijen[n] = rij;
            if (ids[n] != null) {
                ids[n] = Arrays.copyOf(ids[n], rij.length / VELDEN);
            }
        }
        rij[lengte] = Math.toIntExact(registratie.datum().toEpochDay());
        rij[lengte + 1] = registratie.code().ordinal() << 17 | tijd(registratie.begintijd());
        rij[lengte + 2] = tijd(registratie.eindtijd());
        rij[lengte + 3] = registratie.minuten() == null ? -1 : registratie.minuten();
        lengtes[n] = lengte + VELDEN;
        aantal++;
        return lengte / VELDEN;
    }

    /** The number of pupil n's registrations held from before the open file. */
    private int eerder(int n) {
        return grens[n] >= 0 ? grens[n] : lengtes[n] / VELDEN;
    }

    private void weg(int n, int index, boolean[] gewijzigd) {
        if (rijen[n][index * VELDEN] != WEG) {
            rijen[n][index * VELDEN] = WEG;
            gewijzigd[n] = true;
            aantal--;
        }
    }

    /** Removes the registrations marked {@link #WEG}, keeping the order of the others. */
    private void comprimeer(int n) {
        int[] rij = rijen[n];
        long[] vingerafdrukken = ids[n];
        int naar = 0;
        for (int van = 0; van < lengtes[n]; van += VELDEN) {
            if (rij[van] == WEG) {
                continue;
            }
            if (naar != van) {
                System.arraycopy(rij, van, rij, naar, VELDEN);
                if (vingerafdrukken != null) {
                    vingerafdrukken[naar / VELDEN] = vingerafdrukken[van / VELDEN];
                }
            }
            naar += VELDEN;
        }
        lengtes[n] = naar;
        if (vingerafdrukken != null) {
            Arrays.fill(vingerafdrukken, naar / VELDEN, vingerafdrukken.length, 0);
        }
    }

    /** A time as its second of the day plus one; 0 for none. */
    private static int tijd(LocalTime tijd) {
        return tijd == null ? 0 : tijd.toSecondOfDay() + 1;
    }

    private static LocalTime tijd(int waarde) {
        return waarde == 0 ? null : LocalTime.ofSecondOfDay(waarde - 1L);
    }

    /**
     * A registratie_id as a long: 0 for none; a canonical decimal number of up to 18 digits as itself plus one; any
     * other id as a 63-bit hash with the sign bit set.
     */
    static long vingerafdruk(String id) {
        if (id == null || id.isEmpty()) {
            return 0;
        }
        if (id.length() <= 18 && (id.length() == 1 || id.charAt(0) != '0')) {
            long getal = 0;
            int i = 0;
            while (i < id.length() && id.charAt(i) >= '0' && id.charAt(i) <= '9') {
                getal = getal * 10 + (id.charAt(i++) - '0');
            }
            if (i == id.length()) {
                return getal + 1;
            }
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h | Long.MIN_VALUE;
    }

    private static String registratieId(long vingerafdruk) {
        if (vingerafdruk == 0) {
            return null;
        }
        return vingerafdruk > 0 ? Long.toString(vingerafdruk - 1) : "#" + Long.toHexString(vingerafdruk);
    }

    /** A set of non-zero longs (open addressing), for the fingerprints of one school in one file. */
    private static final class Vingerafdrukken {
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
}
