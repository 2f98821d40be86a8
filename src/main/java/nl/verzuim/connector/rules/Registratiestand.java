package nl.verzuim.connector.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.verzuim.connector.rules.Registratieopslag.Rij;
import nl.verzuim.connector.rules.Registratieopslag.Schoolstand;

/**
 * The registrations held after a series of registraties files, in memory, following {@link Exportperiode}'s meaning:
 * each file replaces, line by line, what was held under the same key, and then, per school, what was held for its
 * period. This is what the {@code beoordeel} command holds; the inbox does the same in its database.
 *
 * <p>This class keeps the bookkeeping of the file being read and applies its meaning; how the registrations lie in
 * memory (packed, a registratie_id as a fingerprint) is {@link Registratieopslag}'s, kept apart so that each can be
 * read on its own.
 *
 * <p>Step 1 of the meaning (a line replaces what is held under its key) is applied when the file is closed, by
 * sorting the file's keys, which gives the same result as applying it line by line. A file found rejected whole
 * after some of its lines were given is taken out again with {@link Bestand#breekAf}. Once a school is judged,
 * {@link #laatLos} lets go of its registrations. Not thread-safe.
 */
public final class Registratiestand {

    private final Registratieopslag opslag = new Registratieopslag();
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
            Rij rij = opslag.leerling(school, leerlingId);
            Schoolstand s = rij.school;
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
            long vingerafdruk = Registratieopslag.vingerafdruk(registratie.registratieId());
            int index = opslag.voegToe(rij, registratie, dag, vingerafdruk);
            if (vingerafdruk != 0) {
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
                opslag.comprimeer(rij);
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
                    opslag.weg(rij, idIndex[i], gewijzigd);
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
                            opslag.weg(rij, k, gewijzigd);
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
            int aantalRijen = rij.aantal();
            int vanaf = vervangt == Vervangt.NIETS ? 0 : rij.grens;
            if (vanaf == rij.grens && oplopend(rij, vanaf, aantalRijen)) {
                return;
            }
            long[] sleutels = new long[aantalRijen - vanaf];
            int m = 0;
            for (int k = vanaf; k < aantalRijen; k++) {
                if (rij.datum(k) != Registratieopslag.WEG && !rij.heeftId(k)) {
                    // datum (epoch day) | code and begintijd (21 bits) | index (22 bits): sorted, one key together.
                    sleutels[m++] = (long) rij.datum(k) << 43 | (long) rij.codeEnBegintijd(k) << 22 | k;
                }
            }
            Arrays.sort(sleutels, 0, m);
            int eersteVanGroep = 0;
            for (int i = 1; i <= m; i++) {
                if (i == m || sleutels[i] >>> 22 != sleutels[eersteVanGroep] >>> 22) {
                    int laatste = (int) (sleutels[i - 1] & 0x3FFFFF);
                    if (laatste >= rij.grens) {
                        for (int j = eersteVanGroep; j < i - 1; j++) {
                            opslag.weg(rij, (int) (sleutels[j] & 0x3FFFFF), gewijzigd);
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
                opslag.kortIn(rij, rij.grens);
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
                long sleutel = (long) rij.datum(k) << 32 | rij.codeEnBegintijd(k);
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
                    int datum = rij.datum(k);
                    if (datum != Registratieopslag.WEG && datum >= s.van && datum <= s.tot) {
                        opslag.weg(rij, k, gewijzigd);
                    }
                }
            }
        }
    }

    /** The pupils holding registrations: school code and LAS key, in the order first seen. */
    public List<Leerlingsleutel> leerlingen() {
        return opslag.leerlingen();
    }

    /** The codes of the schools holding registrations, in no particular order. */
    public List<String> scholen() {
        return opslag.scholen();
    }

    /** The LAS keys of one school's pupils holding registrations, in the order first seen. */
    public List<String> leerlingen(String school) {
        return opslag.leerlingen(school);
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
        opslag.laatLos(school);
    }

    /** A pupil of a school. */
    public record Leerlingsleutel(String school, String leerlingId) {
    }

    /** The number of registrations held. */
    public long aantalRegistraties() {
        return opslag.aantalRegistraties();
    }

    /** The registrations held for one pupil, in order of arrival, rebuilt as records (without omschrijving). */
    public List<Registratie> registraties(String school, String leerlingId) {
        return opslag.registraties(school, leerlingId);
    }
}
