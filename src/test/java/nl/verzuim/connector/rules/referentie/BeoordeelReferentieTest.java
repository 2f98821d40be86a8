package nl.verzuim.connector.rules.referentie;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.verzuim.connector.beoordeel.BeoordeelCommando;
import nl.verzuim.connector.rules.Registratie;

/**
 * The {@code beoordeel} command as a user runs it, on the overlapping exports with corrections of a {@link Regio}
 * (late entries, recodes, deletions, moved registratie_ids, re-exports of an old week, every {@code vervangt}),
 * compared decision for decision with {@link Referentie}, the independent reading of domain §3. Each region becomes
 * real files: a schools file with the schools' calendars, {@code las-profielen.yaml} beside it (one profile per
 * {@code vervangt}, with {@code registratie_id}), one EDEXML export per school (pupils without a birth date have none
 * in it) and every registraties CSV in the order the LAS wrote them. The command's JSON lines are compared on kanaal,
 * soort, begindatum, einddatum and uren, as of the last export and as of a day halfway. {@code beslotenOp} is not
 * in the command's output (connector-interface.md) and is compared only in memory ({@link ReferentieVergelijkingTest}).
 *
 * <p>No input carries a startkwalificatie, so the command takes every pupil to have none (README, "Not built yet");
 * the reference is asked the same. A file for schools A and D together names no school, so it is read with the
 * profile all configured schools share: A and D are checked with a schools file of their own, B and C with another.
 * A disagreement names the seed, the pupil and the peildatum; {@code -Dreferentie.seed=N} replays one seed and
 * {@code -Dreferentie.seeds=N} searches seeds 1 to N.
 */
class BeoordeelReferentieTest {

    private static final int LEERLINGEN_PER_SCHOOL = 40;
    private static final long[] SEEDS = {1, 2, 3};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KOP = "leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving;registratie_id";
    private static final String PROFIELEN = """
            profielen:
              - naam: regio-school
                vervangt: school
                kolommen: {leerling_id: leerling_id, datum: datum, begintijd: begintijd, eindtijd: eindtijd,
                           minuten: minuten, code: code, omschrijving: omschrijving, registratie_id: registratie_id}
                codes: {ONG: ONG, TL: TL, LUX: LUX, ZK: ZK, MED: MED, VRL: VRL, SCH: SCH, REL: REL, UIT: UIT}
              - naam: regio-leerlingen
                vervangt: leerlingen
                kolommen: {leerling_id: leerling_id, datum: datum, begintijd: begintijd, eindtijd: eindtijd,
                           minuten: minuten, code: code, omschrijving: omschrijving, registratie_id: registratie_id}
                codes: {ONG: ONG, TL: TL, LUX: LUX, ZK: ZK, MED: MED, VRL: VRL, SCH: SCH, REL: REL, UIT: UIT}
              - naam: regio-wijzigingen
                vervangt: niets
                kolommen: {leerling_id: leerling_id, datum: datum, begintijd: begintijd, eindtijd: eindtijd,
                           minuten: minuten, code: code, omschrijving: omschrijving, registratie_id: registratie_id}
                codes: {ONG: ONG, TL: TL, LUX: LUX, ZK: ZK, MED: MED, VRL: VRL, SCH: SCH, REL: REL, UIT: UIT}
            """;

    @TempDir
    Path map;

    @Test
    void beoordeelOpDeExportsVanEenRegioGeeftDeBeslissingenVanDeOnafhankelijkeLezing() throws IOException {
        int leerlingen = 0;
        int beslissingen = 0;
        int bestanden = 0;
        List<String> verschillen = new ArrayList<>();
        // as in ReferentieVergelijkingTest: -Dreferentie.seed=N replays one seed, -Dreferentie.seeds=N runs 1..N
        String gevraagd = System.getProperty("referentie.seed");
        String aantal = System.getProperty("referentie.seeds");
        long[] seeds = gevraagd != null ? LongStream.of(Long.parseLong(gevraagd)).toArray()
                : aantal != null ? LongStream.rangeClosed(1, Long.parseLong(aantal)).toArray() : SEEDS;
        for (long seed : seeds) {
            Regio regio = new Regio(seed, LEERLINGEN_PER_SCHOOL);
            Map<String, List<Registratie>> gehouden = new HashMap<>();
            for (Referentie.Gehouden g : Referentie.gehouden(regio.bestanden)) {
                gehouden.computeIfAbsent(g.school() + "/" + g.leerling(), k -> new ArrayList<>()).add(g.registratie());
            }
            LocalDate halverwege = Regio.BEGIN.plusDays(
                    (regio.laatsteExport.toEpochDay() - Regio.BEGIN.toEpochDay()) / 2);
            List<Regio.School> s = regio.scholen;
            for (List<Regio.School> groep : List.of(List.of(s.get(0), s.get(3)), List.of(s.get(1), s.get(2)))) {
                Path dir = Files.createDirectories(map.resolve("seed-" + seed + "-" + groep.get(0).code()));
                List<String> invoer = schrijfInvoer(dir, regio, groep);
                bestanden += invoer.size();
                for (LocalDate peildatum : List.of(regio.laatsteExport, halverwege)) {
                    Map<String, List<String>> uitvoer = beoordeel(dir, invoer, peildatum, seed);
                    for (Regio.Leerling l : regio.leerlingen) {
                        if (!groep.contains(l.school())) {
                            continue;
                        }
                        String sleutel = l.school().code() + "/" + l.id();
                        List<String> verwacht = Referentie.beslissingen(l.school().rooster(),
                                        new Referentie.Pupil(l.geboortedatum(), false, l.school().meld18Plus16Uur()),
                                        gehouden.getOrDefault(sleutel, List.of()), peildatum).stream()
                                .map(BeoordeelReferentieTest::vergelijkbaar).toList();
                        List<String> gekregen = uitvoer.getOrDefault(bestandsId(l), List.of());
                        leerlingen++;
                        beslissingen += verwacht.size();
                        if (!zelfde(gekregen, verwacht)) {
                            verschillen.add("seed " + seed + ", " + sleutel + " (geboren " + l.geboortedatum()
                                    + "), peildatum " + peildatum + ": " + verschil(gekregen, verwacht));
                        }
                    }
                }
            }
        }
        System.out.printf("beoordeel tegen de referentie: %d seeds, %d bestanden, %d leerling-peildata, %d beslissingen"
                + " vergeleken, %d verschillen%n", seeds.length, bestanden, leerlingen, beslissingen, verschillen.size());
        assertThat(verschillen).as("beoordeel tegen de onafhankelijke lezing").isEmpty();
        assertThat(beslissingen).as("the regions give decisions to compare").isGreaterThan(500);
    }

    /** The schools file, profiles, EDEXML exports and CSV files of {@code groep}; the paths in the order given. */
    private static List<String> schrijfInvoer(Path dir, Regio regio, List<Regio.School> groep) throws IOException {
        Files.writeString(dir.resolve("las-profielen.yaml"), PROFIELEN);
        StringBuilder scholen = new StringBuilder("scholen:\n");
        for (Regio.School school : groep) {
            scholen.append(school(school));
        }
        Files.writeString(dir.resolve("scholen.yaml"), scholen);
        List<String> invoer = new ArrayList<>();
        for (Regio.School school : groep) {
            invoer.add(edexml(dir, school, regio.leerlingen).toString());
        }
        int nummer = 0;
        for (Referentie.Bestand bestand : regio.bestanden) {
            Set<String> codes = new LinkedHashSet<>();
            bestand.regels().forEach(r -> codes.add(r.school()));
            if (codes.isEmpty() || groep.stream().noneMatch(sc -> codes.contains(sc.code()))) {
                continue; // a file without lines speaks for no period: nothing to write, nothing it changes
            }
            nummer++;
            // a file for one school names it; the export of A and D together names none (their shared profile reads it)
            String naam = codes.size() == 1 ? codes.iterator().next() + "_export_" + String.format("%04d", nummer)
                    + ".csv" : String.format("samen_export_%04d.csv", nummer);
            List<String> regels = new ArrayList<>(List.of(KOP));
            for (Referentie.Regel regel : bestand.regels()) {
                Registratie r = regel.registratie();
                regels.add(String.join(";", regel.school().substring(2, 4) + regel.leerling(), r.datum().toString(),
                        tijd(r.begintijd()), tijd(r.eindtijd()), r.minuten() == null ? "" : r.minuten().toString(),
                        r.code().name(), "", r.registratieId() == null ? "" : r.registratieId()));
            }
            invoer.add(Files.write(dir.resolve(naam), regels, StandardCharsets.UTF_8).toString());
        }
        return invoer;
    }

    private static String school(Regio.School school) {
        Rooster rooster = school.rooster();
        StringBuilder y = new StringBuilder();
        y.append("  - brin: ").append(school.code(), 0, 4).append('\n')
                .append("    vestiging: \"").append(school.code(), 4, 6).append("\"\n")
                .append("    naam: School ").append(school.code()).append('\n')
                .append("    onderwijssoort: VO\n")
                .append("    contactpersoon: {naam: J. de Vries, email: verzuim@school.example}\n")
                .append("    melder: {naam: J. de Vries, email: verzuim@school.example, telefoon: \"0701234567\"}\n")
                .append("    las_profiel: ").append(switch (school.vervangt()) {
                    case SCHOOL -> "regio-school";
                    case LEERLINGEN -> "regio-leerlingen";
                    case NIETS -> "regio-wijzigingen";
                }).append('\n')
                .append("    lesminuten:\n");
        String[] dagen = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"};
        for (int i = 0; i < 5; i++) {
            y.append("      ").append(dagen[i]).append(": ")
                    .append(rooster.lesminutenPerDag().getOrDefault(DayOfWeek.of(i + 1), 0)).append('\n');
        }
        y.append("    vakanties:\n");
        int v = 0;
        for (LocalDate[] vakantie : rooster.vakanties()) {
            y.append("      - {naam: vakantie").append(++v).append(", van: ").append(vakantie[0]).append(", tot: ")
                    .append(vakantie[1]).append("}\n");
        }
        y.append("    vrije_dagen: [").append(String.join(", ", rooster.vrijeDagen().stream().sorted()
                .map(LocalDate::toString).toList())).append("]\n")
                .append("    meld_18_plus_16_uur: ").append(school.meld18Plus16Uur()).append('\n')
                .append("    verzenden: automatisch\n");
        return y.toString();
    }

    /** The school's EDEXML 2.1 export: every pupil, with the birth date where the LAS has one. */
    private static Path edexml(Path dir, Regio.School school, List<Regio.Leerling> leerlingen) throws IOException {
        StringBuilder x = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <EDEX>
                \t<school>
                \t\t<schooljaar>2026-2027</schooljaar>
                \t\t<peildatum>2026-10-01</peildatum>
                """);
        x.append("\t\t<brincode>").append(school.code(), 0, 4).append("</brincode>\n")
                .append("\t\t<dependancecode>").append(school.code(), 4, 6).append("</dependancecode>\n")
                .append("\t\t<aanmaakdatum>2026-05-01T07:00:00</aanmaakdatum>\n\t\t<xsdversie>2.1</xsdversie>\n")
                .append("\t</school>\n\t<leerlingen>\n");
        for (Regio.Leerling l : leerlingen) {
            if (l.school() != school) {
                continue;
            }
            x.append("\t\t<leerling key=\"").append(bestandsId(l)).append("\">\n\t\t\t<achternaam>Leerling</achternaam>\n");
            if (l.geboortedatum() != null) {
                x.append("\t\t\t<geboortedatum>").append(l.geboortedatum()).append("</geboortedatum>\n");
            }
            x.append("\t\t</leerling>\n");
        }
        x.append("\t</leerlingen>\n</EDEX>\n");
        return Files.writeString(dir.resolve(school.code() + "_leerlingen.xml"), x);
    }

    /** The LAS key in the files: unique over the schools, so that a file for two schools finds each pupil's school. */
    private static String bestandsId(Regio.Leerling l) {
        return l.school().code().substring(2, 4) + l.id();
    }

    private static String tijd(LocalTime t) {
        return t == null ? "" : t.toString();
    }

    /** Runs the command; its decisions per LAS key as kanaal, soort, dates and uren. */
    private static Map<String, List<String>> beoordeel(Path dir, List<String> invoer, LocalDate peildatum, long seed) {
        List<String> args = new ArrayList<>(List.of("--scholen", dir.resolve("scholen.yaml").toString(), "--peildatum",
                peildatum.toString()));
        args.addAll(invoer);
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        ByteArrayOutputStream fout = new ByteArrayOutputStream();
        int status = BeoordeelCommando.voerUit(args.toArray(String[]::new),
                new PrintStream(uit, true, StandardCharsets.UTF_8), new PrintStream(fout, true, StandardCharsets.UTF_8));
        String fouten = fout.toString(StandardCharsets.UTF_8);
        assertThat(status).as("seed %d, peildatum %s: exit status; standaardfout:%n%s", seed, peildatum, fouten)
                .isZero();
        assertThat(fouten.lines()).as("seed %d: only the warnings for pupils without a birth date", seed)
                .allSatisfy(l -> assertThat(l).startsWith("waarschuwing: leerling ").contains("geen geboortedatum"));
        Map<String, List<String>> perLeerling = new HashMap<>();
        for (String regel : uit.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode b;
            try {
                b = JSON.readTree(regel);
            } catch (IOException e) {
                throw new AssertionError("geen JSON: " + regel, e);
            }
            String einde = b.has("einddatum") ? ".." + b.get("einddatum").asText() : "";
            String uren = b.has("uren") ? " " + b.get("uren").decimalValue().setScale(2, RoundingMode.HALF_UP)
                    .toPlainString() + " uur" : "";
            perLeerling.computeIfAbsent(b.get("leerling_id").asText(), k -> new ArrayList<>())
                    .add(b.get("kanaal").asText() + " " + b.get("soort").asText() + " "
                            + b.get("begindatum").asText() + einde + uren);
        }
        return perLeerling;
    }

    /** The reference's decision as the command prints it: beslotenOp is not in its output. */
    private static String vergelijkbaar(Referentie.Uitkomst u) {
        BigDecimal uren = u.uren();
        return Referentie.kanaal(u.soort()) + " " + u.soort() + " " + u.begindatum()
                + (u.einddatum() == null ? "" : ".." + u.einddatum())
                + (uren == null ? "" : " " + uren.setScale(2, RoundingMode.HALF_UP).toPlainString() + " uur");
    }

    private static boolean zelfde(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().sorted().toList().equals(b.stream().sorted().toList());
    }

    private static String verschil(List<String> gekregen, List<String> verwacht) {
        List<String> alleenBeoordeel = new ArrayList<>(gekregen);
        verwacht.forEach(alleenBeoordeel::remove);
        List<String> alleenReferentie = new ArrayList<>(verwacht);
        gekregen.forEach(alleenReferentie::remove);
        return "alleen beoordeel " + alleenBeoordeel + ", alleen de referentie " + alleenReferentie;
    }
}
