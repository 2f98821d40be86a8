package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registrations per school and pupil, packed: kept apart from {@link Registratiestand}, which decides what a file
 * does to them, because this class alone decides how they lie in memory, and a region's school year is some four
 * million registrations.
 *
 * <p>A registration is packed as four ints (datum, code and begintijd, eindtijd, minuten), plus one long for its
 * registratie_id where it has one; the free-text omschrijving is not kept (the rules never read it). A registratie_id
 * is kept as a 64-bit fingerprint: a canonical decimal number of up to 18 digits (what LAS packages use) exactly, any
 * other id as a 63-bit hash. Two different non-numeric ids of one school would be taken for one only if their hashes
 * collide — for the 40,000 or so registrations of a school year a chance of about 1 in 10^10. A registration read back
 * carries the number itself, or {@code #} and the hash, as its registratie_id.
 *
 * <p>A registration is taken out in two steps: {@link #weg} marks it, {@link #comprimeer} closes the gaps. Once a
 * school is judged, {@link #laatLos} lets go of its registrations. Not thread-safe.
 */
final class Registratieopslag {

    static final int VELDEN = 4;
    private static final Afwezigheidscode[] CODES = Afwezigheidscode.values();
    /** The datum field of a registration that is to go (see {@link #weg}). */
    static final int WEG = Integer.MIN_VALUE;
    private static final int[] LEEG = new int[0];

    /**
     * One pupil's registrations, packed, kept together so that a line touches one object; this is also why the open
     * file's marks for the pupil ({@link #grens}, {@link #gewijzigd}) live here rather than in the file.
     */
    static final class Rij {
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

        /** The datum of registration {@code k} as its epoch day, or {@link #WEG}. */
        int datum(int k) {
            return velden[k * VELDEN];
        }

        /** The code (bits 17 and up) and begintijd (below) of registration {@code k}, as one int. */
        int codeEnBegintijd(int k) {
            return velden[k * VELDEN + 1];
        }
    }

    /** One school: its pupils, and the period of the open file for it (here for the reason {@link Rij} says). */
    static final class Schoolstand {
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

    /** The pupil of a school, added (holding nothing) when not seen before. */
    Rij leerling(String school, String leerlingId) {
        Schoolstand s = vorigeSchool != null && vorigeSchool.code.equals(school) ? vorigeSchool : school(school);
        vorigeSchool = s;
        Rij rij = rij(s, leerlingId);
        if (rij == null) {
            rij = new Rij(s, leerlingId);
            rij.volgende = perLeerlingId.put(leerlingId, rij);
            s.volgorde.add(rij);
            leerlingen.add(rij);
        }
        return rij;
    }

    /** Appends a registration to a pupil's, with the fingerprint of its registratie_id (0: none); returns its index. */
    int voegToe(Rij rij, Registratie registratie, long dag, long vingerafdruk) {
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
        int index = lengte / VELDEN;
        if (vingerafdruk != 0) {
            if (rij.ids == null) {
                rij.ids = new long[rij.velden.length / VELDEN];
            }
            rij.ids[index] = vingerafdruk;
        }
        return index;
    }

    /** Marks a registration to go, and its pupil (listed once in {@code gewijzigd}) for {@link #comprimeer}. */
    void weg(Rij rij, int index, List<Rij> gewijzigd) {
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
    void comprimeer(Rij rij) {
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

    /** Drops a pupil's registrations from index {@code vanaf} on: those appended since. */
    void kortIn(Rij rij, int vanaf) {
        int tot = rij.aantal();
        aantal -= tot - vanaf;
        if (rij.ids != null) {
            Arrays.fill(rij.ids, vanaf, tot, 0);
        }
        rij.lengte = vanaf * VELDEN;
    }

    /** The pupils holding registrations: school code and LAS key, in the order first seen. */
    List<Registratiestand.Leerlingsleutel> leerlingen() {
        List<Registratiestand.Leerlingsleutel> sleutels = new ArrayList<>(leerlingen.size());
        for (Rij rij : leerlingen) {
            if (rij.lengte > 0) {
                sleutels.add(new Registratiestand.Leerlingsleutel(rij.school.code, rij.leerlingId));
            }
        }
        return sleutels;
    }

    /** The codes of the schools holding registrations, in no particular order. */
    List<String> scholen() {
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
    List<String> leerlingen(String school) {
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

    /** Lets go of the registrations held for one school: their memory can be reused, and the school holds none. */
    void laatLos(String school) {
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

    /** The number of registrations held. */
    long aantalRegistraties() {
        return aantal;
    }

    /** The registrations held for one pupil, in order of arrival, rebuilt as records (without omschrijving). */
    List<Registratie> registraties(String school, String leerlingId) {
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
}
