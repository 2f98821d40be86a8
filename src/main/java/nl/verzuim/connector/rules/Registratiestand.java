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
 * sorting the file's keys, which gives the same result as applying it line by line. A file found rejected whole
 * after some of its lines were given is taken out again with {@link Bestand#breekAf}. Once a school is judged,
 * {@link #laatLos} lets go of its registrations. Not thread-safe.
 */
public final class Registratiestand {

    private static final int VELDEN = 4;
    private static final Afwezigheidscode[] CODES = Afwezigheidscode.values();
    /** The datum field of a registration that is to go when the file closes. */
    private static final int WEG = Integer.MIN_VALUE;
    private static final int[] LEEG = new int[0];

    /** One pupil's registrations, packed, kept together so that a line touches one object. */
    private static final class Rij {
        final Schoolstand school;
        final String leerlingId;
        int[] velden = new int[VELDEN * 4];
        /** Ints used in {@link #velden}. */
        int lengte;
        /** The fingerprint of each registration's registratie_id (0: none); null while it has none. */
        long[] ids;
        /** The number of registrations held before the open file; −1 when the file has no line for this pupil. */
        int grens = -1;
        boolean gewijzigd;
        /** The pupil of another school with the same LAS key, if any. */
        Rij volgende;

        Rij(Schoolstand school, String leerlingId) {
            this.school = school;
            this.leerlingId = leerlingId;
        }

        int aantal() {
            return lengte / VELDEN;
        }

        /** The number of registrations held from before the open file. */
        int eerder() {
            return grens >= 0 ? grens : aantal();
        }

        boolean heeftId(int k) {
            return ids != null && ids[k] != 0;
        }
    }

    /** One school: its pupils, and the period of the open file for it. */
    private static final class Schoolstand {
        final String code;
        final List<Rij> volgorde = new ArrayList<>();
        long van = Long.MAX_VALUE;
        long tot = Long.MIN_VALUE;

        Schoolstand(String code) {
            this.code = code;
        }
    }

    private final Map<String, Schoolstand> scholen = new HashMap<>();
    /**
     * Per LAS key the pupil, and through {@link Rij#volgende} those of other schools with the same key: one lookup
     * per line in one table (LAS keys are spread well over all pupils, less so over one school's).
     */
    private final Map<String, Rij> perLeerlingId = new HashMap<>();
    private final List<Rij> leerlingen = new ArrayList<>();
    /** The school of the previous line: the lines of a file mostly come school by school. */
    private Schoolstand vorigeSchool;
    private long aantal;
    private Bestand open;
    /** Set by {@link #laatLos}: no file is read after. */
    private boolean losgelaten;

    /** Starts reading one file, whose {@code vervangt} is its LAS profile's. Files are read one at a time. */
    public Bestand lees(Vervangt vervangt) {
        if (open != null) {
            throw new IllegalStateException("the previous file is still open");
        }
        if (losgelaten) {
            throw new IllegalStateException("registrations were let go (laatLos): no more files");
        }
        open = new Bestand(vervangt);
        return open;
    }

    /** One file being read. */
    public final class Bestand {
        private final Vervangt vervangt;
        private final List<Rij> geraakt = new ArrayList<>();
        private final List<Schoolstand> scholenInBestand = new ArrayList<>();
        /** The lines with a registratie_id, in file order: pupil, index of the registration, fingerprint. */
        private Rij[] idRij = new Rij[0];
        private int[] idIndex = new int[0];
        private long[] idVingerafdruk = new long[0];
        private int aantalIds;

        private Bestand(Vervangt vervangt) {
            this.vervangt = vervangt;
        }

        /** One accepted line: the school's code (BRIN + vestiging), the pupil's LAS key and the registration. */
        public void regel(String school, String leerlingId, Registratie registratie) {
            if (open != this) {
                throw new IllegalStateException("this file is closed");
            }
            Schoolstand s = vorigeSchool != null && vorigeSchool.code.equals(school) ? vorigeSchool : school(school);
            vorigeSchool = s;
            Rij rij = rij(s, leerlingId);
            if (rij == null) {
                rij = new Rij(s, leerlingId);
                rij.volgende = perLeerlingId.put(leerlingId, rij);
                s.volgorde.add(rij);
                leerlingen.add(rij);
            }
            if (rij.grens < 0) {
                rij.grens = rij.aantal();
                geraakt.add(rij);
            }
            if (s.van == Long.MAX_VALUE) {
                scholenInBestand.add(s);
            }
            long dag = registratie.datum().toEpochDay();
            s.van = Math.min(s.van, dag);
            s.tot = Math.max(s.tot, dag);
            int index = voegToe(rij, registratie, dag);
            long vingerafdruk = vingerafdruk(registratie.registratieId());
            if (vingerafdruk != 0) {
                if (rij.ids == null) {
                    rij.ids = new long[rij.velden.length / VELDEN];
                }
                rij.ids[index] = vingerafdruk;
                if (aantalIds == idIndex.length) {
                    int lengte = Math.max(16, aantalIds * 2);
                    idRij = Arrays.copyOf(idRij, lengte);
                    idIndex = Arrays.copyOf(idIndex, lengte);
                    idVingerafdruk = Arrays.copyOf(idVingerafdruk, lengte);
                }
                idRij[aantalIds] = rij;
                idIndex[aantalIds] = index;
                idVingerafdruk[aantalIds++] = vingerafdruk;
            }
        }

        /** Applies the file to what is held (see {@link Exportperiode}) and returns its periods, per school. */
        public Exportperiode sluit() {
            if (open != this) {
                throw new IllegalStateException("this file is closed");
            }
            Exportperiode periode = new Exportperiode(vervangt);
            for (Schoolstand s : scholenInBestand) {
                periode.bereik(s.code, s.van, s.tot);
            }
            List<Rij> gewijzigd = new ArrayList<>();
            vervangOpId(gewijzigd);
            for (Rij rij : geraakt) {
                if (vervangt == Vervangt.LEERLINGEN) {
                    periode.leerling(rij.school.code, rij.leerlingId);
                }
                vervangOpSleutel(rij, gewijzigd);
            }
            for (Schoolstand s : scholenInBestand) {
                vervangPeriode(s, periode, gewijzigd);
                s.van = Long.MAX_VALUE;
                s.tot = Long.MIN_VALUE;
            }
            for (Rij rij : gewijzigd) {
                comprimeer(rij);
            }
            for (Rij rij : geraakt) {
                rij.grens = -1;
            }
            open = null;
            return periode;
        }

        /**
         * Step 1 for lines with a registratie_id: of the same id of one school, only the file's last line stays; what
         * was held under it before this file goes, whichever pupil it was of.
         */
        private void vervangOpId(List<Rij> gewijzigd) {
            if (aantalIds == 0) {
                return;
            }
            Map<Schoolstand, Vingerafdrukken> perSchool = new HashMap<>();
            for (int i = aantalIds - 1; i >= 0; i--) {
                Rij rij = idRij[i];
                if (!perSchool.computeIfAbsent(rij.school, s -> new Vingerafdrukken()).voegToe(idVingerafdruk[i])) {
                    weg(rij, idIndex[i], gewijzigd);
                }
            }
            for (Map.Entry<Schoolstand, Vingerafdrukken> school : perSchool.entrySet()) {
                for (Rij rij : school.getKey().volgorde) {
                    if (rij.ids == null) {
                        continue;
                    }
                    int ouder = rij.eerder();
                    for (int k = 0; k < ouder; k++) {
                        if (rij.ids[k] != 0 && school.getValue().bevat(rij.ids[k])) {
                            weg(rij, k, gewijzigd);
                        }
                    }
                }
            }
        }

        /**
         * Step 1 for lines without a registratie_id, for one pupil with lines in this file: of the same (datum,
         * begintijd, code) among registrations without id, only this file's last line stays. Unless the file replaces
         * nothing by period, a registration held before with the key of a line lies in the school's period (the key
         * holds the datum) and goes in step 2 anyway, so then only the file's own lines are compared — and not even
         * those when they came in strictly rising order of key, as a LAS mostly writes them.
         */
        private void vervangOpSleutel(Rij rij, List<Rij> gewijzigd) {
            int[] velden = rij.velden;
            int aantalRijen = rij.aantal();
            int vanaf = vervangt == Vervangt.NIETS ? 0 : rij.grens;
            if (vanaf == rij.grens && oplopend(rij, vanaf, aantalRijen)) {
                return;
            }
            long[] sleutels = new long[aantalRijen - vanaf];
            int m = 0;
            for (int k = vanaf; k < aantalRijen; k++) {
                if (velden[k * VELDEN] != WEG && !rij.heeftId(k)) {
                    // datum (epoch day) | code and begintijd (21 bits) | index (22 bits): sorted, one key together.
                    sleutels[m++] = (long) velden[k * VELDEN] << 43 | (long) velden[k * VELDEN + 1] << 22 | k;
                }
            }
            Arrays.sort(sleutels, 0, m);
            int eersteVanGroep = 0;
            for (int i = 1; i <= m; i++) {
                if (i == m || sleutels[i] >>> 22 != sleutels[eersteVanGroep] >>> 22) {
                    int laatste = (int) (sleutels[i - 1] & 0x3FFFFF);
                    if (laatste >= rij.grens) {
                        for (int j = eersteVanGroep; j < i - 1; j++) {
                            weg(rij, (int) (sleutels[j] & 0x3FFFFF), gewijzigd);
                        }
                    }
                    eersteVanGroep = i;
                }
            }
        }

        /**
         * Forgets every line of this file, as if it had never been opened: for a file that turned out to be rejected
         * whole after some of its lines were given (a reader that streams, such as the {@code beoordeel} command's,
         * does not hold a file's lines back until its end). What was held before the file stays as it was.
         */
        public void breekAf() {
            if (open != this) {
                throw new IllegalStateException("this file is closed");
            }
            for (Rij rij : geraakt) {
                int tot = rij.aantal();
                aantal -= tot - rij.grens;
                if (rij.ids != null) {
                    Arrays.fill(rij.ids, rij.grens, tot, 0);
                }
                rij.lengte = rij.grens * VELDEN;
                rij.grens = -1;
            }
            for (Schoolstand s : scholenInBestand) {
                s.van = Long.MAX_VALUE;
                s.tot = Long.MIN_VALUE;
            }
            open = null;
        }

        /** Whether registrations {@code van}.. without id come in strictly rising (datum, code, begintijd). */
        private boolean oplopend(Rij rij, int van, int tot) {
            long vorige = Long.MIN_VALUE;
            for (int k = van; k < tot; k++) {
                if (rij.heeftId(k)) {
                    continue;
                }
                long sleutel = (long) rij.velden[k * VELDEN] << 32 | rij.velden[k * VELDEN + 1];
                if (sleutel <= vorige) {
                    return false;
                }
                vorige = sleutel;
            }
            return true;
        }

        /** Step 2: what was held before this file for the school's period goes (per {@link Vervangt}). */
        private void vervangPeriode(Schoolstand s, Exportperiode periode, List<Rij> gewijzigd) {
            if (vervangt == Vervangt.NIETS) {
                return;
            }
            for (Rij rij : s.volgorde) {
                if (vervangt == Vervangt.LEERLINGEN && rij.grens < 0) {
                    continue;
                }
                int ouder = rij.eerder();
                for (int k = 0; k < ouder; k++) {
                    int datum = rij.velden[k * VELDEN];
                    if (datum != WEG && datum >= s.van && datum <= s.tot) {
                        weg(rij, k, gewijzigd);
                    }
                }
            }
        }
    }

    /** The pupils holding registrations: school code and LAS key, in the order first seen. */
    public List<Leerlingsleutel> leerlingen() {
        List<Leerlingsleutel> sleutels = new ArrayList<>(leerlingen.size());
        for (Rij rij : leerlingen) {
            if (rij.lengte > 0) {
                sleutels.add(new Leerlingsleutel(rij.school.code, rij.leerlingId));
            }
        }
        return sleutels;
    }

    /** The codes of the schools holding registrations, in no particular order. */
    public List<String> scholen() {
        List<String> codes = new ArrayList<>();
        for (Schoolstand s : scholen.values()) {
            for (Rij rij : s.volgorde) {
                if (rij.lengte > 0) {
                    codes.add(s.code);
                    break;
                }
            }
        }
        return codes;
    }

    /** The LAS keys of one school's pupils holding registrations, in the order first seen. */
    public List<String> leerlingen(String school) {
        Schoolstand s = scholen.get(school);
        if (s == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(s.volgorde.size());
        for (Rij rij : s.volgorde) {
            if (rij.lengte > 0) {
                ids.add(rij.leerlingId);
            }
        }
        return ids;
    }

    /**
     * Lets go of the registrations held for one school, once it is judged, so that their memory can be reused while
     * the next school is judged; the school then holds none. Only after the last file: no file can be read after.
     */
    public void laatLos(String school) {
        if (open != null) {
            throw new IllegalStateException("a file is open");
        }
        losgelaten = true;
        Schoolstand s = scholen.get(school);
        if (s == null) {
            return;
        }
        for (Rij rij : s.volgorde) {
            aantal -= rij.aantal();
            rij.velden = LEEG;
            rij.ids = null;
            rij.lengte = 0;
        }
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
        Schoolstand s = scholen.get(school);
        Rij rij = s == null ? null : rij(s, leerlingId);
        if (rij == null) {
            return List.of();
        }
        int[] v = rij.velden;
        List<Registratie> registraties = new ArrayList<>(rij.aantal());
        for (int i = 0, k = 0; i < rij.lengte; i += VELDEN, k++) {
            registraties.add(new Registratie(LocalDate.ofEpochDay(v[i]), tijd(v[i + 1] & 0x1FFFF), tijd(v[i + 2]),
                    v[i + 3] < 0 ? null : v[i + 3], CODES[v[i + 1] >>> 17], null,
                    rij.ids == null ? null : registratieId(rij.ids[k])));
        }
        return registraties;
    }

    private Rij rij(Schoolstand school, String leerlingId) {
        Rij rij = perLeerlingId.get(leerlingId);
        while (rij != null && rij.school != school) {
            rij = rij.volgende;
        }
        return rij;
    }

    private Schoolstand school(String code) {
        return scholen.computeIfAbsent(code, Schoolstand::new);
    }

    /** Appends a registration to a pupil's; returns its index. */
    private int voegToe(Rij rij, Registratie registratie, long dag) {
        int[] velden = rij.velden;
        int lengte = rij.lengte;
        if (lengte + VELDEN > velden.length) {
            velden = Arrays.copyOf(velden, velden.length * 2);
            rij.velden = velden;
            if (rij.ids != null) {
                rij.ids = Arrays.copyOf(rij.ids, velden.length / VELDEN);
            }
        }
        velden[lengte] = Math.toIntExact(dag);
        velden[lengte + 1] = registratie.code().ordinal() << 17 | tijd(registratie.begintijd());
        velden[lengte + 2] = tijd(registratie.eindtijd());
        velden[lengte + 3] = registratie.minuten() == null ? -1 : registratie.minuten();
        rij.lengte = lengte + VELDEN;
        aantal++;
        return lengte / VELDEN;
    }

    private void weg(Rij rij, int index, List<Rij> gewijzigd) {
        if (rij.velden[index * VELDEN] != WEG) {
            rij.velden[index * VELDEN] = WEG;
            if (!rij.gewijzigd) {
                rij.gewijzigd = true;
                gewijzigd.add(rij);
            }
            aantal--;
        }
    }

    /** Removes the registrations marked {@link #WEG}, keeping the order of the others. */
    private static void comprimeer(Rij rij) {
        int[] velden = rij.velden;
        long[] vingerafdrukken = rij.ids;
        int naar = 0;
        for (int van = 0; van < rij.lengte; van += VELDEN) {
            if (velden[van] == WEG) {
                continue;
            }
            if (naar != van) {
                System.arraycopy(velden, van, velden, naar, VELDEN);
                if (vingerafdrukken != null) {
                    vingerafdrukken[naar / VELDEN] = vingerafdrukken[van / VELDEN];
                }
            }
            naar += VELDEN;
        }
        rij.lengte = naar;
        rij.gewijzigd = false;
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
