package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A pupil's registrations as the rules read them (domain §3 "Exact reading"): one entry per school day up to the
 * peildatum that has registrations, with the minutes per meaning added up. A later registration with the same key
 * (datum, begintijd, code) — or, for one with a registratie_id, the same datum and id — replaces the earlier (what a
 * later file does to earlier ones is {@link Registratiestand}'s business); registrations on days that are no school
 * day, after the peildatum, and {@code UIT} are ignored. Minutes are taken as given, not capped at the day's lesminuten.
 *
 * <p>Kept as parallel arrays in date order ("positions"), with the day numbers of a {@link Kalenderindex}, so that
 * a replay walks each pupil's days a few times without allocating per day.
 */
final class Verzuimdagen {

    /** Same key next to each other, in order of arrival within a key (the sort is stable). */
    private static final Comparator<Registratie> OP_SLEUTEL = Verzuimdagen::vergelijkSleutel;

    final Schoolkalender kalender;
    final Kalenderindex index;
    /** Number of positions (school days with registrations). */
    final int aantal;
    /** Per position: the day number in {@link #index}, ascending. */
    final int[] dag;
    final int[] lesminuten;
    /** ONG and TL. */
    final int[] ongeoorloofd;
    /** TL alone, for the uitleg. */
    final int[] teLaat;
    final int[] luxe;
    /** ZK alone: a ziekmelding is a run of ZK. */
    final int[] ziek;
    /** ZK and MED: OT categorie B. */
    final int[] ziekOfMedisch;
    /** Every absent code (all but UIT). */
    final int[] afwezig;
    /** The registrations kept, in date order; those of position p are {@code [vanRegistratie[p], vanRegistratie[p+1])}. */
    private final Registratie[] registraties;
    private final int[] vanRegistratie;

    private Verzuimdagen(Schoolkalender kalender, Kalenderindex index, int aantal, Registratie[] registraties) {
        this.kalender = kalender;
        this.index = index;
        this.aantal = aantal;
        this.dag = new int[aantal];
        this.lesminuten = new int[aantal];
        this.ongeoorloofd = new int[aantal];
        this.teLaat = new int[aantal];
        this.luxe = new int[aantal];
        this.ziek = new int[aantal];
        this.ziekOfMedisch = new int[aantal];
        this.afwezig = new int[aantal];
        this.registraties = registraties;
        this.vanRegistratie = new int[aantal + 1];
    }

    static Verzuimdagen van(List<Registratie> registratiesInVolgorde, Schoolkalender kalender, LocalDate peildatum) {
        Registratie[] gesorteerd = registratiesInVolgorde.toArray(new Registratie[0]);
        Arrays.sort(gesorteerd, OP_SLEUTEL);
        // Keep the last of each key; drop what the rules ignore before the calendar is consulted.
        int behouden = 0;
        for (int i = 0; i < gesorteerd.length; i++) {
            Registratie r = gesorteerd[i];
            boolean vervangen = i + 1 < gesorteerd.length && OP_SLEUTEL.compare(r, gesorteerd[i + 1]) == 0;
            if (!vervangen && r.code() != Afwezigheidscode.UIT && !r.datum().isAfter(peildatum)) {
                gesorteerd[behouden++] = r;
            }
        }
        if (behouden == 0) {
            return new Verzuimdagen(kalender, kalender.index(peildatum, peildatum), 0, new Registratie[0]);
        }
        Kalenderindex index = kalender.index(gesorteerd[0].datum(), gesorteerd[behouden - 1].datum());
        int[] dagnummers = new int[behouden];
        int schooldag = 0;
        int dagen = 0;
        int vorige = -1;
        for (int i = 0; i < behouden; i++) {
            int nummer = index.dag(gesorteerd[i].datum().toEpochDay());
            if (index.lesminuten[nummer] > 0) {
                dagnummers[schooldag] = nummer;
                gesorteerd[schooldag++] = gesorteerd[i];
                if (nummer != vorige) {
                    dagen++;
                    vorige = nummer;
                }
            }
        }
        Verzuimdagen v = new Verzuimdagen(kalender, index, dagen, Arrays.copyOf(gesorteerd, schooldag));
        int p = -1;
        vorige = -1;
        for (int i = 0; i < schooldag; i++) {
            Registratie r = v.registraties[i];
            int nummer = dagnummers[i];
            if (nummer != vorige) {
                p++;
                vorige = nummer;
                v.dag[p] = nummer;
                v.lesminuten[p] = index.lesminuten[nummer];
                v.vanRegistratie[p] = i;
            }
            int minuten = r.minutenOp(v.lesminuten[p]);
            v.afwezig[p] += minuten;
            switch (r.code()) {
                case ONG -> v.ongeoorloofd[p] += minuten;
                case TL -> {
                    v.ongeoorloofd[p] += minuten;
                    v.teLaat[p] += minuten;
                }
                case LUX -> v.luxe[p] += minuten;
                case ZK -> {
                    v.ziek[p] += minuten;
                    v.ziekOfMedisch[p] += minuten;
                }
                case MED -> v.ziekOfMedisch[p] += minuten;
                default -> {
                    // VRL, SCH, REL: absent, geoorloofd, and nothing more.
                }
            }
        }
        v.vanRegistratie[dagen] = schooldag;
        return v;
    }

    /**
     * Orders by datum, then by identity: registrations with a registratie_id by that id (after those without), the
     * others by (begintijd, code). Equal means the same registration.
     */
    private static int vergelijkSleutel(Registratie a, Registratie b) {
        int verschil = a.datum().compareTo(b.datum());
        if (verschil != 0) {
            return verschil;
        }
        if (a.registratieId() != null || b.registratieId() != null) {
            if (a.registratieId() == null || b.registratieId() == null) {
                return a.registratieId() == null ? -1 : 1;
            }
            return a.registratieId().compareTo(b.registratieId());
        }
        if (a.begintijd() != b.begintijd()) {
            if (a.begintijd() == null || b.begintijd() == null) {
                return a.begintijd() == null ? -1 : 1;
            }
            verschil = a.begintijd().compareTo(b.begintijd());
            if (verschil != 0) {
                return verschil;
            }
        }
        return a.code().compareTo(b.code());
    }

    boolean isLeeg() {
        return aantal == 0;
    }

    LocalDate datum(int p) {
        return index.datum(dag[p]);
    }

    long epochDag(int p) {
        return index.epochDag(dag[p]);
    }

    /** The first position on or after {@code datum}; {@link #aantal} when there is none. */
    int vanaf(LocalDate datum) {
        long gezocht = datum.toEpochDay();
        int laag = 0;
        int hoog = aantal;
        while (laag < hoog) {
            int midden = (laag + hoog) >>> 1;
            if (epochDag(midden) < gezocht) {
                laag = midden + 1;
            } else {
                hoog = midden;
            }
        }
        return laag;
    }

    /** Whether position p's day is the school day right after position p − 1's (a run goes on). */
    boolean volgtOp(int p) {
        return p > 0 && index.volgendeSchooldag(dag[p - 1], dag[p]);
    }

    /** A day is fully absent (ongeoorloofd) when its ongeoorloofd minutes are at least its lesminuten. */
    boolean heleDagOngeoorloofd(int p) {
        return ongeoorloofd[p] >= lesminuten[p];
    }

    boolean heleDagAfwezig(int p) {
        return afwezig[p] >= lesminuten[p];
    }

    /**
     * The runs of positions from {@code vanaf} on whose {@code waarde} is above 0 on consecutive school days (days
     * that are no school day do not break a run), each as {first, last} position: with {@link #ziek} the
     * ziekmeldingen of domain §3, with {@link #luxe} the luxe runs.
     */
    List<int[]> reeksen(int[] waarde, int vanaf) {
        List<int[]> reeksen = new ArrayList<>();
        int p = vanaf;
        while (p < aantal) {
            if (waarde[p] <= 0) {
                p++;
                continue;
            }
            int eind = p;
            while (eind + 1 < aantal && waarde[eind + 1] > 0 && volgtOp(eind + 1)) {
                eind++;
            }
            reeksen.add(new int[] {p, eind});
            p = eind + 1;
        }
        return reeksen;
    }

    /** Index of the first registration of position p; those of p are {@code [eersteRegistratie(p), eersteRegistratie(p + 1))}. */
    int eersteRegistratie(int p) {
        return vanRegistratie[p];
    }

    /** The registration kept at index i (date order). */
    Registratie registratie(int i) {
        return registraties[i];
    }

    /** The registrations of positions {@code van} up to and including {@code tot} whose code matches. */
    List<Registratie> registraties(int van, int tot, Predicate<Afwezigheidscode> code) {
        List<Registratie> gevonden = new ArrayList<>();
        for (int i = vanRegistratie[van]; i < vanRegistratie[tot + 1]; i++) {
            if (code.test(registraties[i].code())) {
                gevonden.add(registraties[i]);
            }
        }
        return gevonden;
    }
}
