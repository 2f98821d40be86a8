package nl.verzuim.connector.leerling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.verzuim.connector.persistence.Dialect;


/**
 * Pupils merged from all exports, by school and LAS key ({@code leerlingid} in OSO, {@code @key} in EDEXML). An OSO
 * dossier gives the full picture and replaces address and verzorgers; an EDEXML export updates names,
 * identification and postcode but never erases an address or verzorgers it does not carry. A field a file leaves
 * out keeps its value; the voorvoegsel goes with the achternaam (a new achternaam without one clears it).
 */
@Repository
public class LeerlingRepository {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    public LeerlingRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Stores pupils as {@link #bewaar} does each, in order; from an EDEXML export (a region's daily export names every
     * pupil again) pupils new to their school go in one JDBC batch of inserts and pupils already known in one batch
     * of updates (one query per school finds which are which); the rest (OSO dossiers with verzorgers, a pupil twice
     * in the list) one by one after them.
     */
    public void bewaarAlle(List<LeerlingGegevens> lijst, Instant nu) {
        if (lijst.isEmpty()) {
            return;
        }
        java.util.Map<String, List<String>> perSchool = new java.util.HashMap<>();
        for (LeerlingGegevens g : lijst) {
            perSchool.computeIfAbsent(g.brin() + "|" + g.vestiging(), k -> new ArrayList<>()).add(g.leerlingId());
        }
        // school|LAS key → the pupils already stored
        java.util.Map<String, Opgeslagen> bekend = new java.util.HashMap<>();
        for (java.util.Map.Entry<String, List<String>> school : perSchool.entrySet()) {
            String[] code = school.getKey().split("\\|", -1);
            jdbc.sql("select leerling_id, id, bronnen from leerling where brin = :brin and vestiging = :vestiging"
                            + " and leerling_id in (:ids)")
                    .param("brin", code[0]).param("vestiging", code[1]).param("ids", school.getValue())
                    .query(rs -> {
                        bekend.put(school.getKey() + "|" + rs.getString(1),
                                new Opgeslagen(rs.getLong(2), rs.getString(3)));
                    });
        }
        List<LeerlingGegevens> nieuw = new ArrayList<>();
        List<Object[]> bijgewerkt = new ArrayList<>();
        List<LeerlingGegevens> daarna = new ArrayList<>();
        Set<String> gezien = new java.util.HashSet<>();
        for (LeerlingGegevens g : lijst) {
            String sleutel = g.brin() + "|" + g.vestiging() + "|" + g.leerlingId();
            if (g.bron() == LeerlingGegevens.Bron.OSO || !gezien.add(sleutel)) {
                daarna.add(g);
            } else if (bekend.containsKey(sleutel)) {
                Opgeslagen rij = bekend.get(sleutel);
                bijgewerkt.add(werkBijParameters(g, rij.bronnen(), nu, rij.id()));
            } else {
                nieuw.add(g);
            }
        }
        batch.batchUpdate("""
                insert into leerling (brin, vestiging, leerling_id, bsn, onderwijsnummer, voornamen, voorletters,
                    voorvoegsel, achternaam, roepnaam, geboortedatum, geslacht, straat, huisnummer, toevoeging,
                    postcode, plaats, gemeente, postcode_nl, groep_of_leerjaar, datum_uitschrijving, bronnen, bijgewerkt)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", nieuw, nieuw.size(),
                (ps, g) -> {
                    Adres a = g.adres();
                    Object[] waarden = {g.brin(), g.vestiging(), g.leerlingId(), g.bsn(), g.onderwijsnummer(),
                            g.voornamen(), g.voorletters(), g.voorvoegsel(), g.achternaam(), g.roepnaam(),
                            g.geboortedatum(), g.geslacht() == null ? null : g.geslacht().name(),
                            a == null ? null : a.straat(), a == null ? null : a.huisnummer(),
                            a == null ? null : a.toevoeging(), a == null ? null : a.postcode(),
                            a == null ? null : a.plaats(), a == null ? null : a.gemeente(), g.postcodeNl(),
                            g.groepOfLeerjaar(), g.datumUitschrijving(), g.bron().name(), Dialect.tijd(nu)};
                    for (int i = 0; i < waarden.length; i++) {
                        org.springframework.jdbc.core.StatementCreatorUtils.setParameterValue(ps, i + 1,
                                org.springframework.jdbc.core.SqlTypeValue.TYPE_UNKNOWN, waarden[i]);
                    }
                });
        batch.batchUpdate(WERK_BIJ, bijgewerkt);
        for (LeerlingGegevens g : daarna) {
            bewaar(g, nu);
        }
    }

    /** A pupil as stored: its row and the sources it came from. */
    private record Opgeslagen(long id, String bronnen) {
    }

    /**
     * A known pupil's fields from a newer export: what the export leaves empty is kept, and its source is added to
     * {@code bronnen}. Parameters in the order of {@link #WERK_BIJ}.
     */
    private static Object[] werkBijParameters(LeerlingGegevens gegevens, String bronnen, Instant nu, long id) {
        Set<String> alle = new LinkedHashSet<>(List.of(bronnen.split(",")));
        alle.add(gegevens.bron().name());
        return new Object[] {gegevens.bsn(), gegevens.onderwijsnummer(), gegevens.voornamen(),
                gegevens.voorletters(), gegevens.achternaam(), gegevens.voorvoegsel(), gegevens.achternaam(),
                gegevens.roepnaam(), gegevens.geboortedatum(),
                // "onbekend" in one export does not erase what another export knew
                gegevens.geslacht() == null || gegevens.geslacht() == Geslacht.ONBEKEND ? null
                        : gegevens.geslacht().name(),
                gegevens.postcodeNl(), gegevens.groepOfLeerjaar(), gegevens.datumUitschrijving(),
                String.join(",", alle), Dialect.tijd(nu), id};
    }

    private static final String WERK_BIJ = """
            update leerling set bsn = coalesce(?, bsn), onderwijsnummer = coalesce(?, onderwijsnummer),
                voornamen = coalesce(?, voornamen), voorletters = coalesce(?, voorletters),
                voorvoegsel = case when cast(? as varchar(200)) is null then voorvoegsel
                    else cast(? as varchar(40)) end,
                achternaam = coalesce(?, achternaam), roepnaam = coalesce(?, roepnaam),
                geboortedatum = coalesce(?, geboortedatum), geslacht = coalesce(?, geslacht),
                postcode_nl = coalesce(?, postcode_nl), groep_of_leerjaar = coalesce(?, groep_of_leerjaar),
                datum_uitschrijving = coalesce(?, datum_uitschrijving), bronnen = ?, bijgewerkt = ?
            where id = ?""";

    public void bewaar(LeerlingGegevens gegevens, Instant nu) {
        Optional<Long> bestaand = jdbc.sql("select id from leerling where brin = ? and vestiging = ? and leerling_id = ?")
                .params(gegevens.brin(), gegevens.vestiging(), gegevens.leerlingId()).query(Long.class).optional();
        boolean oso = gegevens.bron() == LeerlingGegevens.Bron.OSO;
        Adres adres = gegevens.adres();
        if (bestaand.isEmpty()) {
            jdbc.sql("""
                    insert into leerling (brin, vestiging, leerling_id, bsn, onderwijsnummer, voornamen, voorletters,
                        voorvoegsel, achternaam, roepnaam, geboortedatum, geslacht, straat, huisnummer, toevoeging,
                        postcode, plaats, gemeente, postcode_nl, groep_of_leerjaar, datum_uitschrijving, bronnen, bijgewerkt)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(gegevens.brin(), gegevens.vestiging(), gegevens.leerlingId(), gegevens.bsn(),
                            gegevens.onderwijsnummer(), gegevens.voornamen(), gegevens.voorletters(),
                            gegevens.voorvoegsel(), gegevens.achternaam(), gegevens.roepnaam(), gegevens.geboortedatum(),
                            gegevens.geslacht() == null ? null : gegevens.geslacht().name(),
                            adres == null ? null : adres.straat(), adres == null ? null : adres.huisnummer(),
                            adres == null ? null : adres.toevoeging(), adres == null ? null : adres.postcode(),
                            adres == null ? null : adres.plaats(), adres == null ? null : adres.gemeente(),
                            gegevens.postcodeNl(), gegevens.groepOfLeerjaar(), gegevens.datumUitschrijving(),
                            gegevens.bron().name(), Dialect.tijd(nu))
                    .update();
        } else {
            long id = bestaand.get();
            String bronnen = jdbc.sql("select bronnen from leerling where id = ?").param(id).query(String.class).single();
            jdbc.sql(WERK_BIJ).params(werkBijParameters(gegevens, bronnen, nu, id)).update();
            if (oso && adres != null) {
                jdbc.sql("""
                        update leerling set straat = ?, huisnummer = ?, toevoeging = ?, postcode = ?, plaats = ?,
                            gemeente = ? where id = ?""")
                        .params(adres.straat(), adres.huisnummer(), adres.toevoeging(), adres.postcode(),
                                adres.plaats(), adres.gemeente(), id)
                        .update();
            }
        }
        if (oso) {
            long id = jdbc.sql("select id from leerling where brin = ? and vestiging = ? and leerling_id = ?")
                    .params(gegevens.brin(), gegevens.vestiging(), gegevens.leerlingId()).query(Long.class).single();
            jdbc.sql("delete from verzorger where leerling_ref = ?").param(id).update();
            int volgorde = 0;
            for (Verzorger v : gegevens.verzorgers()) {
                Adres va = v.adres();
                jdbc.sql("""
                        insert into verzorger (leerling_ref, volgorde, voornamen, voorletters, voorvoegsel, achternaam,
                            geslacht, relatie, wettelijk_vertegenwoordiger, straat, huisnummer, toevoeging, postcode,
                            plaats, gemeente, telefoon, email)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, volgorde++, v.voornamen(), v.voorletters(), v.voorvoegsel(), v.achternaam(),
                                v.geslacht() == null ? null : v.geslacht().name(), v.relatie(),
                                v.wettelijkVertegenwoordiger(), va == null ? null : va.straat(),
                                va == null ? null : va.huisnummer(), va == null ? null : va.toevoeging(),
                                va == null ? null : va.postcode(), va == null ? null : va.plaats(),
                                va == null ? null : va.gemeente(), v.telefoon(), v.email())
                        .update();
            }
        }
    }

    public Optional<LeerlingGegevens> vind(String brin, String vestiging, String leerlingId) {
        Optional<Rij> rij = jdbc.sql("select * from leerling where brin = ? and vestiging = ? and leerling_id = ?")
                .params(brin, vestiging, leerlingId).query(LeerlingRepository::rij).optional();
        return rij.map(r -> r.gegevens(verzorgers(r.id)));
    }

    /**
     * Every pupil of a school with its verzorgers, by LAS key: two queries for the whole school, for judging all its
     * pupils in one pass (what {@link #vind} gives one by one).
     */
    public java.util.Map<String, LeerlingGegevens> voorSchool(String brin, String vestiging) {
        java.util.Map<Long, List<Verzorger>> perLeerling = new java.util.HashMap<>();
        jdbc.sql("""
                select v.* from verzorger v join leerling l on l.id = v.leerling_ref
                where l.brin = ? and l.vestiging = ? order by v.leerling_ref, v.volgorde""")
                .params(brin, vestiging)
                .query(rs -> {
                    perLeerling.computeIfAbsent(rs.getLong("leerling_ref"), k -> new ArrayList<>()).add(verzorger(rs));
                });
        java.util.Map<String, LeerlingGegevens> gegevens = new java.util.HashMap<>();
        jdbc.sql("select * from leerling where brin = ? and vestiging = ?").params(brin, vestiging)
                .query(rs -> {
                    Rij rij = rij(rs, 0);
                    gegevens.put(rij.zonderVerzorgers.leerlingId(),
                            rij.gegevens(perLeerling.getOrDefault(rij.id, new ArrayList<>())));
                });
        return gegevens;
    }

    /**
     * The schools (BRIN + vestiging) where a LAS key is known, for one file, within its transaction: at the first
     * key asked, every pupil's schools are read in one query. A region's CSV without a school in its name asks for each of its 100,000
     * pupils, and a round trip a pupil cost more than the rest of its reading; and no query may run once the file's
     * COPY is open ({@code RegistratieLading.Lading}), which is after its first batch.
     */
    public java.util.function.Function<String, java.util.Collection<String>> scholenMetLeerlingPerBestand() {
        return new java.util.function.Function<>() {
            private java.util.Map<String, List<String>> alle;

            @Override
            public java.util.Collection<String> apply(String leerlingId) {
                if (alle == null) {
                    alle = scholenPerLeerling();
                }
                return alle.getOrDefault(leerlingId, List.of());
            }
        };
    }

    private java.util.Map<String, List<String>> scholenPerLeerling() {
        java.util.Map<String, List<String>> alle = new java.util.HashMap<>();
        jdbc.sql("select leerling_id, brin || vestiging from leerling")
                .query(rs -> {
                    alle.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(1)).add(rs.getString(2));
                });
        return alle;
    }

    private List<Verzorger> verzorgers(long leerlingRef) {
        return jdbc.sql("select * from verzorger where leerling_ref = ? order by volgorde").param(leerlingRef)
                .query((rs, n) -> verzorger(rs))
                .list();
    }

    private static Verzorger verzorger(ResultSet rs) throws SQLException {
        return new Verzorger(rs.getString("voornamen"), rs.getString("voorletters"),
                rs.getString("voorvoegsel"), rs.getString("achternaam"), geslacht(rs.getString("geslacht")),
                rs.getString("relatie"), (Boolean) rs.getObject("wettelijk_vertegenwoordiger"),
                adres(rs), rs.getString("telefoon"), rs.getString("email"));
    }

    private record Rij(long id, LeerlingGegevens zonderVerzorgers) {
        LeerlingGegevens gegevens(List<Verzorger> verzorgers) {
            LeerlingGegevens g = zonderVerzorgers;
            return new LeerlingGegevens(g.brin(), g.vestiging(), g.leerlingId(), g.bron(), g.bsn(), g.onderwijsnummer(),
                    g.voornamen(), g.voorletters(), g.voorvoegsel(), g.achternaam(), g.roepnaam(), g.geboortedatum(),
                    g.geslacht(), g.adres(), g.postcodeNl(), g.groepOfLeerjaar(), g.datumUitschrijving(), verzorgers);
        }
    }

    private static Rij rij(ResultSet rs, int n) throws SQLException {
        String bronnen = rs.getString("bronnen");
        LeerlingGegevens.Bron bron = bronnen.contains("OSO") ? LeerlingGegevens.Bron.OSO : LeerlingGegevens.Bron.EDEXML;
        Adres adres = adres(rs);
        return new Rij(rs.getLong("id"), new LeerlingGegevens(rs.getString("brin"), rs.getString("vestiging"),
                rs.getString("leerling_id"), bron, rs.getString("bsn"), rs.getString("onderwijsnummer"),
                rs.getString("voornamen"), rs.getString("voorletters"), rs.getString("voorvoegsel"),
                rs.getString("achternaam"), rs.getString("roepnaam"), rs.getObject("geboortedatum", LocalDate.class),
                geslacht(rs.getString("geslacht")), adres.straat() == null && adres.postcode() == null ? null : adres,
                rs.getString("postcode_nl"), rs.getString("groep_of_leerjaar"),
                rs.getObject("datum_uitschrijving", LocalDate.class), new ArrayList<>()));
    }

    private static Adres adres(ResultSet rs) throws SQLException {
        return new Adres(rs.getString("straat"), rs.getString("huisnummer"), rs.getString("toevoeging"),
                rs.getString("postcode"), rs.getString("plaats"), rs.getString("gemeente"));
    }

    private static Geslacht geslacht(String waarde) {
        return waarde == null ? Geslacht.ONBEKEND : Geslacht.valueOf(waarde);
    }
}
