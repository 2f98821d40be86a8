package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one registraties file says about the registrations held before it: "an export speaks for its period" (domain
 * §3; las-input.md §2). The meaning, which the inbox (database) and the {@code beoordeel} command (memory,
 * {@link Registratiestand}) both follow:
 * <ol>
 *   <li><b>Line by line, in file order</b>, each accepted line replaces the registration held under its key, if any:
 *       a line with a registratie_id replaces the registration of the same school held under that id, whatever its
 *       pupil, day or code; a line without one replaces the registration without id of the same pupil with the same
 *       (datum, begintijd, code). So within one file the later line with a key wins, and an id seen again moves.</li>
 *   <li><b>After the last line</b>, for each school the file has accepted lines for, with van and tot the earliest and
 *       the latest datum of those lines: every registration of that school dated van..tot (both inclusive) that no
 *       line of this file put there is dropped — for every pupil of the school ({@link Vervangt#SCHOOL}, the
 *       default), only for the pupils with lines for that school in this file ({@link Vervangt#LEERLINGEN}), or
 *       for none ({@link Vervangt#NIETS}).</li>
 * </ol>
 * A registratie_id is taken per school (BRIN + vestiging): the id is the LAS's, and two schools served by one connector
 * may run different LAS packages. A school the file has no accepted lines for keeps everything; a file read in part
 * (rejected whole) must change nothing. Files are taken in the order given (the inbox: order of arrival).
 *
 * <p>In the database this is a set operation, not a row-by-row comparison: step 1 is the insert of each line as an
 * upsert on its key — {@code (brin, vestiging, registratie_id)} for lines with an id, {@code (brin, vestiging,
 * leerling_id, datum, begintijd, code)} among rows without one — each giving the row a new, rising volgnummer; step 2 is,
 * per school of {@link #scholen()}, one
 * {@code delete from registratie where brin = ? and vestiging = ? and datum between van and tot and volgnummer <
 * (the first volgnummer of this file)}, with {@code and leerling_id in (the pupils of this file)} for
 * {@code leerlingen}, and none for {@code niets}.
 *
 * <p>This class collects what step 2 needs while the file streams by ({@link #regel}) and answers, for a registration
 * held from an earlier file, whether step 2 drops it ({@link #vervalt}).
 */
public final class Exportperiode {

    /** One school's part of the file: its earliest and latest datum (epoch days), and its pupils ({@code leerlingen}). */
    private static final class Bereik {
        long van = Long.MAX_VALUE;
        long tot = Long.MIN_VALUE;
        final Set<String> leerlingen = new HashSet<>();
    }

    private final Vervangt vervangt;
    private final Map<String, Bereik> perSchool = new LinkedHashMap<>();
    /** The school of the previous line: a file's lines mostly come school by school. */
    private String vorigeSchool;
    private Bereik vorigBereik;

    public Exportperiode(Vervangt vervangt) {
        this.vervangt = vervangt;
    }

    /** Takes one accepted line of the file: the school's code (BRIN + vestiging), the pupil and the day. */
    public void regel(String school, String leerlingId, LocalDate datum) {
        if (!school.equals(vorigeSchool)) {
            vorigeSchool = school;
            vorigBereik = perSchool.computeIfAbsent(school, s -> new Bereik());
        }
        Bereik bereik = vorigBereik;
        long dag = datum.toEpochDay();
        bereik.van = Math.min(bereik.van, dag);
        bereik.tot = Math.max(bereik.tot, dag);
        if (vervangt == Vervangt.LEERLINGEN) {
            bereik.leerlingen.add(leerlingId);
        }
    }

    /** A school's earliest and latest datum (epoch days) at once, for a reader that kept them itself. */
    void bereik(String school, long van, long tot) {
        Bereik bereik = perSchool.computeIfAbsent(school, s -> new Bereik());
        bereik.van = Math.min(bereik.van, van);
        bereik.tot = Math.max(bereik.tot, tot);
    }

    /** A pupil with lines for the school, for {@code vervangt: leerlingen}. */
    void leerling(String school, String leerlingId) {
        if (vervangt == Vervangt.LEERLINGEN) {
            perSchool.computeIfAbsent(school, s -> new Bereik()).leerlingen.add(leerlingId);
        }
    }

    public Vervangt vervangt() {
        return vervangt;
    }

    /** The schools the file has accepted lines for, in the order first seen. */
    public Set<String> scholen() {
        return Collections.unmodifiableSet(perSchool.keySet());
    }

    /** The earliest datum of the school's lines in this file; null when it has none. */
    public LocalDate van(String school) {
        Bereik bereik = perSchool.get(school);
        return bereik == null ? null : LocalDate.ofEpochDay(bereik.van);
    }

    /** The latest datum of the school's lines in this file; null when it has none. */
    public LocalDate tot(String school) {
        Bereik bereik = perSchool.get(school);
        return bereik == null ? null : LocalDate.ofEpochDay(bereik.tot);
    }

    /** The pupils with lines for the school, for {@code vervangt: leerlingen} (empty otherwise). */
    public Set<String> leerlingen(String school) {
        Bereik bereik = perSchool.get(school);
        return bereik == null ? Set.of() : Collections.unmodifiableSet(bereik.leerlingen);
    }

    /**
     * Step 2: whether a registration held from an earlier file — of pupil {@code leerlingId} of {@code school}, dated
     * {@code datum} — is dropped once this file has been read.
     */
    public boolean vervalt(String school, String leerlingId, LocalDate datum) {
        Bereik bereik = perSchool.get(school);
        long dag = datum.toEpochDay();
        if (bereik == null || vervangt == Vervangt.NIETS || dag < bereik.van || dag > bereik.tot) {
            return false;
        }
        return vervangt == Vervangt.SCHOOL || bereik.leerlingen.contains(leerlingId);
    }
}
