package nl.verzuim.connector.leerling;

import static nl.verzuim.connector.leerling.RegistratieRepository.bestand;
import static nl.verzuim.connector.leerling.RegistratieRepository.omschrijving;
import static nl.verzuim.connector.leerling.RegistratieRepository.sleutel;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.leerling.RegistratieRepository.Rij;

/**
 * A registraties file from the inbox into {@code registratie}, in bulk and inside the intake's one transaction per
 * file: its turn among the instances ({@link #wachtOpBeurt}), its boundary ({@link #volgnummerGrens}), its lines
 * loaded as they stream by ({@link Lading}: on PostgreSQL by COPY into {@code registratie_laad}, on H2 by JDBC batches
 * of merge straight into place), moved into place by one statement ({@link #verplaatsGeladen}), what it no longer
 * holds for its period dropped ({@link #vervangPerioden}), and the loading table emptied ({@link #leegGeladen}).
 * The rows themselves, their keys and how they are read back are {@link RegistratieRepository}'s.
 */
@Repository
public class RegistratieLading {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Dialect dialect;
    private final RegistratieRepository registraties;

    public RegistratieLading(JdbcClient jdbc, JdbcTemplate batch, Dialect dialect, RegistratieRepository registraties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dialect = dialect;
        this.registraties = registraties;
    }

    /** Without bron_bestand (V19_1): one file's name on each of its lines was a sixth of what COPY carried. */
    private static final String LAAD_KOLOMMEN = "brin, vestiging, sleutel, registratie_id, leerling_id, datum,"
            + " begintijd, code, eindtijd, minuten, omschrijving, bron_regel";

    /**
     * One file's load, begun at its first batch ({@link Lading#laad}) and ended before the move ({@link Lading#sluit}),
     * inside the intake's transaction; {@link Lading#close} breaks off a load that did not end (a file rejected or
     * failing half-way), so that the connection goes back to the pool as it came.
     */
    public Lading begin() {
        return new Lading();
    }

    /**
     * Loads registrations, in file order: on PostgreSQL into {@code registratie_laad} through the driver's
     * CopyManager, to be moved into place by {@link #verplaatsGeladen} in the same transaction; on H2 straight into
     * {@code registratie} by one JDBC batch of {@code merge} ({@link RegistratieRepository#bewaarAlle}): measured on
     * the region, H2's loading table cost more than it saved — every row inserted and deleted again stays in H2's
     * undo log until the commit, which reads it all back (src/docs/benchmarks.md, "Region benchmark").
     *
     * <p>On PostgreSQL one {@code COPY ... FROM STDIN} stays open for the whole file: each batch is written into it
     * and the database takes the rows in while the reader parses the next lines, on the other core (a COPY per batch
     * left the reader waiting for each batch to be stored, and the database for each batch to be read). While it is
     * open no other statement can run on the transaction's connection: a file's reading asks none (its pupils'
     * schools are read before its first batch, {@code LeerlingRepository#scholenMetLeerlingPerBestand}).
     */
    public final class Lading implements AutoCloseable {
        private CopyIn copy;

        private Lading() {
        }

        public void laad(List<Rij> rijen) {
            if (rijen.isEmpty()) {
                return;
            }
            if (!dialect.isPostgres()) {
                registraties.bewaarAlle(rijen);
                return;
            }
            byte[] tekst = copyTekst(rijen).getBytes(StandardCharsets.UTF_8);
            try {
                if (copy == null) {
                    copy = batch.execute((ConnectionCallback<CopyIn>) verbinding -> verbinding
                            .unwrap(PGConnection.class).getCopyAPI().copyIn("copy registratie_laad (" + LAAD_KOLOMMEN
                                    + ") from stdin"));
                }
                copy.writeToCopy(tekst, 0, tekst.length);
            } catch (SQLException e) {
                throw vertaald(e);
            }
        }

        /** Ends the load: every row written is in the loading table once this returns. */
        public void sluit() {
            if (copy == null) {
                return;
            }
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw vertaald(e);
            } finally {
                copy = null;
            }
        }

        /** Breaks off a load that was not ended; the transaction is rolled back after it. */
        @Override
        public void close() {
            if (copy == null) {
                return;
            }
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the rollback that follows reports what is wrong with the connection; this is cleaning up
            } finally {
                copy = null;
            }
        }

        private RuntimeException vertaald(SQLException e) {
            DataAccessException vertaald = batch.getExceptionTranslator().translate("COPY registratie_laad", null, e);
            return vertaald != null ? vertaald : new IllegalStateException("COPY registratie_laad mislukt", e);
        }
    }

    /** The rows in COPY's text format, one line each. */
    private static String copyTekst(List<Rij> rijen) {
        StringBuilder tekst = new StringBuilder(rijen.size() * 80);
        for (Rij rij : rijen) {
            Registratie r = rij.registratie();
            veld(tekst, rij.brin()).append('\t');
            veld(tekst, rij.vestiging()).append('\t');
            veld(tekst, sleutel(rij.leerlingId(), r)).append('\t');
            veld(tekst, r.registratieId()).append('\t');
            veld(tekst, rij.leerlingId()).append('\t');
            tekst.append(r.datum()).append('\t');
            veld(tekst, r.begintijd() == null ? "" : r.begintijd().toString()).append('\t');
            tekst.append(r.code().name()).append('\t');
            veld(tekst, r.eindtijd() == null ? null : r.eindtijd().toString()).append('\t');
            veld(tekst, r.minuten() == null ? null : r.minuten().toString()).append('\t');
            veld(tekst, omschrijving(r)).append('\t');
            tekst.append(rij.regel()).append('\n');
        }
        return tekst.toString();
    }

    /** One field in COPY's text format: {@code \N} for null, backslash, tab and line ends escaped. */
    private static StringBuilder veld(StringBuilder tekst, String waarde) {
        if (waarde == null) {
            return tekst.append("\\N");
        }
        for (int i = 0; i < waarde.length(); i++) {
            char c = waarde.charAt(i);
            switch (c) {
                case '\\' -> tekst.append("\\\\");
                case '\t' -> tekst.append("\\t");
                case '\n' -> tekst.append("\\n");
                case '\r' -> tekst.append("\\r");
                default -> tekst.append(c);
            }
        }
        return tekst;
    }

    /**
     * The two secondary indexes of {@code registratie} as migration V5_1 makes them: dropped and made again by
     * {@link #verplaatsGeladen} for a load of a region's size. {@code RegioLaadTest} checks they still match
     * what the migrations leave.
     */
    static final List<String> SECUNDAIRE_INDEXEN = List.of(
            "create index ix_registratie_leerling on registratie (brin, vestiging, leerling_id, volgnummer)",
            "create index ix_registratie_periode on registratie (brin, vestiging, datum)");

    /** PostgreSQL's estimate of the rows in {@code registratie} (0 before its first analyse; H2: 0). */
    public long geschatAantal() {
        if (!dialect.isPostgres()) {
            return 0;
        }
        return Math.max(0, jdbc.sql("select cast(reltuples as bigint) from pg_class where oid = 'registratie'::regclass")
                .query(Long.class).single());
    }

    /**
     * PostgreSQL: moves what a {@link Lading} loaded into {@code registratie} by one statement: of two lines with the
     * same key the later one stays, and every line stored gets the volgnummer {@code grens} + its line number, so
     * above the file's {@link #volgnummerGrens} and in file order. The sequence is then moved past the highest of
     * them, for the next file. Returns the rows inserted or changed.
     *
     * <p>A line that repeats what is held (a LAS exporting its whole school year each night sends nearly every line
     * again, unchanged) leaves its row as it is, volgnummer and source included: rewriting four million unchanged rows
     * cost 87 s of a region's nightly file. That is why the loading table is emptied only by {@link #leegGeladen},
     * after {@link #vervangPerioden}, which tells such rows from those the file no longer holds by the loading table.
     *
     * <p>A file without two lines of one key (nearly every export) moves without a sort; only when PostgreSQL refuses
     * that (one row updated twice) is it moved again, under a savepoint, keeping each key's last line.
     *
     * <p>With {@code herbouwIndexen} (a file over twice the table's size, such as a region's first school year) the two
     * secondary indexes are dropped before the move and made again after it, in the same transaction, and the table
     * is analysed: kept up row by row, at random places of the pupil index, they cost more than half of the move
     * (src/docs/benchmarks.md, "Region benchmark"). Meanwhile other transactions wait to read {@code registratie}
     * (the drop locks it until the commit); without it they read the state before the file, as always. Such a file
     * is first tried as an insert alone, without the upsert's comparisons.
     *
     * <p>{@code bestand}, the file's name, is every stored line's source: given once, not loaded with each line.
     */
    public int verplaatsGeladen(long grens, int hoogsteRegel, boolean herbouwIndexen, String bestand) {
        if (!dialect.isPostgres()) {
            return 0; // H2: laad stored them in place already
        }
        if (herbouwIndexen) {
            jdbc.sql("drop index ix_registratie_leerling").update();
            jdbc.sql("drop index ix_registratie_periode").update();
        }
        // Each try under a savepoint, the next only when PostgreSQL refuses the one before for a key: a plain insert
        // (a first year: nothing held to compare with, about 11 s less than the upsert on a region) refused for a
        // key held or twice in the file (23505); the upsert refused for a key twice in the file (21000); then
        // each key's last line alone, sorted (the sort of millions of rows in memory; this transaction only).
        List<String> pogingen = new ArrayList<>();
        if (herbouwIndexen) {
            pogingen.add(INVOEGEN.formatted("registratie_laad"));
        }
        pogingen.add(VERPLAATS.formatted("registratie_laad"));
        pogingen.add(VERPLAATS.formatted("""
                (select distinct on (brin, vestiging, sleutel) * from registratie_laad
                 order by brin, vestiging, sleutel, bron_regel desc) laatste"""));
        int verplaatst = -1;
        jdbc.sql("savepoint verplaats").update();
        for (int i = 0; verplaatst < 0; i++) {
            try {
                if (i == pogingen.size() - 1) {
                    jdbc.sql("set local work_mem = '128MB'").update();
                }
                verplaatst = jdbc.sql(pogingen.get(i)).param("grens", grens).param("bestand", bestand(bestand))
                        .update();
            } catch (DataAccessException e) {
                if (i == pogingen.size() - 1 || !(e.getMostSpecificCause() instanceof java.sql.SQLException fout)
                        || !List.of("23505", "21000").contains(fout.getSQLState())) {
                    throw e;
                }
                jdbc.sql("rollback to savepoint verplaats").update();
            }
        }
        jdbc.sql("release savepoint verplaats").update();
        // nextval, not a read of last_value and a set: another transaction's nextval meanwhile is not undone
        jdbc.sql("select setval('registratie_volgnummer', nextval('registratie_volgnummer') + :regels)")
                .param("regels", hoogsteRegel).query(Long.class).single();
        if (herbouwIndexen) {
            jdbc.sql("set local maintenance_work_mem = '256MB'").update();
            for (String index : SECUNDAIRE_INDEXEN) {
                jdbc.sql(index).update();
            }
            jdbc.sql("analyze registratie").update();
        }
        return verplaatst;
    }

    /** The first year's move of {@link #verplaatsGeladen}: an insert alone, from the loading table. */
    private static final String INVOEGEN = """
            insert into registratie (brin, vestiging, sleutel, registratie_id, leerling_id, datum, begintijd, code,
                eindtijd, minuten, omschrijving, volgnummer, bron_bestand, bron_regel)
            select brin, vestiging, sleutel, registratie_id, leerling_id, datum, begintijd, code, eindtijd, minuten,
                omschrijving, :grens + bron_regel, :bestand, bron_regel
            from %s
            """;

    /** The move of {@link #verplaatsGeladen}, from the loading table or a query over it. */
    private static final String VERPLAATS = INVOEGEN + """
            on conflict (brin, vestiging, sleutel) do update set
                leerling_id = excluded.leerling_id, datum = excluded.datum, begintijd = excluded.begintijd,
                code = excluded.code, eindtijd = excluded.eindtijd, minuten = excluded.minuten,
                omschrijving = excluded.omschrijving, volgnummer = excluded.volgnummer,
                bron_bestand = excluded.bron_bestand, bron_regel = excluded.bron_regel
            where (registratie.leerling_id, registratie.datum, registratie.begintijd, registratie.code,
                registratie.eindtijd, registratie.minuten, registratie.omschrijving)
                is distinct from (excluded.leerling_id, excluded.datum, excluded.begintijd, excluded.code,
                excluded.eindtijd, excluded.minuten, excluded.omschrijving)
            """;

    /** PostgreSQL: empties the loading table once the file's period is replaced (H2 never fills it). */
    public void leegGeladen() {
        if (dialect.isPostgres()) {
            jdbc.sql("delete from registratie_laad").update();
        }
    }

    /** The advisory locks of {@link #wachtOpBeurt}: the first of their two keys (the second: 0, or the school's). */
    public static final int ALLE_SCHOLEN = 0x5645_5201;
    public static final int EEN_SCHOOL = 0x5645_5202;

    /**
     * Waits, on PostgreSQL, until no other transaction stores registrations of this school ({@code schoolcode}: a
     * file that names its school) or of any school ({@code null}: a file whose lines find their school through the
     * pupil, such as a region's), and keeps others waiting likewise until the caller's transaction ends. Two
     * instances storing two files of one school at the same moment would each replace the school's period without
     * seeing the other's lines; now the second waits, takes its {@link #volgnummerGrens} after the first's commit,
     * and is the later file, as on one instance. Files of different schools still go side by side. H2: nothing (one
     * instance).
     */
    public void wachtOpBeurt(String schoolcode) {
        if (!dialect.isPostgres()) {
            return;
        }
        if (schoolcode == null) {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?, 0)").param(ALLE_SCHOLEN).query(Integer.class).single();
        } else {
            // shared before the school's own, always in this order: no deadlock with a file of all schools
            jdbc.sql("select 1 from pg_advisory_xact_lock_shared(?, 0)").param(ALLE_SCHOLEN)
                    .query(Integer.class).single();
            jdbc.sql("select 1 from pg_advisory_xact_lock(?, hashtext(?))").param(EEN_SCHOOL).param(schoolcode)
                    .query(Integer.class).single();
        }
    }

    /**
     * The boundary of a file about to be stored: every registration it stores gets a higher volgnummer, everything
     * held before a lower one (step 2 of {@link nl.verzuim.connector.rules.Exportperiode}).
     */
    public long volgnummerGrens() {
        return jdbc.sql(dialect.isPostgres() ? "select nextval('registratie_volgnummer')"
                        : "select next value for registratie_volgnummer")
                .query(Long.class).single();
    }

    /** One school's part of step 2: its days van..tot, for all its pupils or only for those the file has lines for. */
    public record Periode(String brin, String vestiging, LocalDate van, LocalDate tot,
                          boolean alleenLeerlingenVanBestand) {
    }

    /**
     * Step 2 of {@link nl.verzuim.connector.rules.Exportperiode}: for each school's period, drops what was held before
     * the file (volgnummer below {@code grens}) that the file did not repeat — for every pupil of the school, or only
     * for the pupils the file has lines for. Returns, per school code (BRIN + vestiging), the pupils whose
     * registrations were dropped (they are to be judged again).
     *
     * <p>PostgreSQL: one statement for all schools, run before {@link #leegGeladen}; a held row the file repeated
     * unchanged kept its volgnummer (see {@link #verplaatsGeladen}), so "the file holds it" is its key in the loading
     * table. H2: a repeated row always got a new volgnummer, so one statement per school on the volgnummer alone.
     */
    public Map<String, Set<String>> vervangPerioden(List<Periode> perioden, long grens) {
        Map<String, Set<String>> geraakt = new LinkedHashMap<>();
        if (perioden.isEmpty()) {
            return geraakt;
        }
        if (dialect.isPostgres()) {
            List<Object> params = new ArrayList<>();
            StringBuilder waarden = new StringBuilder();
            for (Periode p : perioden) {
                // typed here: the driver sends a date untyped, and in a values list that would be text
                waarden.append(waarden.isEmpty() ? "" : ", ").append("(cast(? as varchar), cast(? as varchar),"
                        + " cast(? as date), cast(? as date), cast(? as boolean))");
                params.addAll(List.of(p.brin(), p.vestiging(), Date.valueOf(p.van()), Date.valueOf(p.tot()),
                        p.alleenLeerlingenVanBestand()));
            }
            params.add(grens);
            // the planner's idea of the loading table is what autovacuum last saw: empty, once the last file emptied
            // it. Taken as empty, it would be scanned once per held row (a region's nightly file was still at it
            // after four minutes); without nested loops it is hashed once. Not by analysing it here: an analyse in
            // a transaction holds its lock to the commit, and the intake of every other instance would wait.
            jdbc.sql("set local enable_nestloop = off").update();
            jdbc.sql("""
                    delete from registratie r
                    using (values %s) as p(brin, vestiging, van, tot, alleen)
                    where r.brin = p.brin and r.vestiging = p.vestiging and r.datum between p.van and p.tot
                      and r.volgnummer < ?
                      and not exists (select 1 from registratie_laad l
                                      where l.brin = r.brin and l.vestiging = r.vestiging and l.sleutel = r.sleutel)
                      and (not p.alleen or exists (select 1 from registratie_laad b where b.brin = r.brin
                                                   and b.vestiging = r.vestiging and b.leerling_id = r.leerling_id))
                    returning r.brin, r.vestiging, r.leerling_id""".formatted(waarden))
                    .params(params)
                    .query((rs, n) -> geraakt.computeIfAbsent(rs.getString(1) + rs.getString(2),
                            k -> new LinkedHashSet<>()).add(rs.getString(3)))
                    .list();
            jdbc.sql("reset enable_nestloop").update();
            return geraakt;
        }
        for (Periode p : perioden) {
            String waar = " where brin = :brin and vestiging = :vestiging and datum between :van and :tot"
                    + " and volgnummer < :grens" + (p.alleenLeerlingenVanBestand()
                    ? " and leerling_id in (select b.leerling_id from registratie b where b.brin = :brin"
                            + " and b.vestiging = :vestiging and b.volgnummer >= :grens)" : "");
            Map<String, Object> params = Map.of("brin", p.brin(), "vestiging", p.vestiging(),
                    "van", Date.valueOf(p.van()), "tot", Date.valueOf(p.tot()), "grens", grens);
            List<String> weg = jdbc.sql("select distinct leerling_id from registratie" + waar).params(params)
                    .query(String.class).list();
            if (!weg.isEmpty()) {
                jdbc.sql("delete from registratie" + waar).params(params).update();
                geraakt.computeIfAbsent(p.brin() + p.vestiging(), k -> new LinkedHashSet<>()).addAll(weg);
            }
        }
        return geraakt;
    }

}
