package nl.verzuim.connector.rules.referentie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import nl.verzuim.connector.rules.Beoordelaar;
import nl.verzuim.connector.rules.Beslissing;
import nl.verzuim.connector.rules.Leerling;
import nl.verzuim.connector.rules.Regelinstellingen;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Registratiestand;
import nl.verzuim.connector.rules.Schoolkalender;

/**
 * Domain §3 read twice: the rules ({@link Registratiestand} and {@link Beoordelaar}) against {@link Referentie}, an
 * independent, simple, day-by-day reading of the same text, on regions made up from seeds ({@link Regio}: overlapping
 * exports, late entries, recodes, deletions, moved registratie_ids, every {@code vervangt}). For every pupil, the
 * registrations held and every decision (soort, begindatum, einddatum, uren, beslotenOp) must agree, as of the last
 * export and as of a day halfway. A disagreement names the seed, so that it can be replayed with
 * {@code -Dreferentie.seed=N}; {@code -Dreferentie.seeds=N} searches seeds 1 to N.
 */
class ReferentieVergelijkingTest {

    private static final int LEERLINGEN_PER_SCHOOL = 60;
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void deRegelsLezenDeReferentieZoalsDeOnafhankelijkeLezing() {
        // -Dreferentie.seed=N replays one seed; -Dreferentie.seeds=N runs seeds 1..N (a longer search).
        String gevraagd = System.getProperty("referentie.seed");
        String aantal = System.getProperty("referentie.seeds");
        long[] seeds = gevraagd != null ? LongStream.of(Long.parseLong(gevraagd)).toArray()
                : aantal != null ? LongStream.rangeClosed(1, Long.parseLong(aantal)).toArray() : SEEDS;
        int leerlingen = 0;
        int beslissingen = 0;
        List<String> verschillen = new ArrayList<>();
        for (long seed : seeds) {
            Regio regio = new Regio(seed, LEERLINGEN_PER_SCHOOL);
            Map<String, List<String>> referentieGehouden = new HashMap<>();
            Map<String, List<Registratie>> referentieRegistraties = new HashMap<>();
            for (Referentie.Gehouden g : Referentie.gehouden(regio.bestanden)) {
                String sleutel = g.school() + "/" + g.leerling();
                referentieGehouden.computeIfAbsent(sleutel, k -> new ArrayList<>()).add(kort(g.registratie()));
                referentieRegistraties.computeIfAbsent(sleutel, k -> new ArrayList<>()).add(g.registratie());
            }
            Registratiestand stand = new Registratiestand();
            for (Referentie.Bestand bestand : regio.bestanden) {
                Registratiestand.Bestand gelezen = stand.lees(bestand.vervangt());
                for (Referentie.Regel regel : bestand.regels()) {
                    gelezen.regel(regel.school(), regel.leerling(), regel.registratie());
                }
                gelezen.sluit();
            }
            Map<String, Schoolkalender> kalenders = new HashMap<>();
            for (Regio.School school : regio.scholen) {
                Rooster r = school.rooster();
                List<Schoolkalender.Vakantie> vakanties = new ArrayList<>();
                for (LocalDate[] v : r.vakanties()) {
                    vakanties.add(new Schoolkalender.Vakantie("vakantie", v[0], v[1]));
                }
                kalenders.put(school.code(), new Schoolkalender(r.lesminutenPerDag(), vakanties, r.vrijeDagen()));
            }
            LocalDate halverwege = Regio.BEGIN.plusDays((regio.laatsteExport.toEpochDay() - Regio.BEGIN.toEpochDay()) / 2);
            for (Regio.Leerling l : regio.leerlingen) {
                String sleutel = l.school().code() + "/" + l.id();
                List<Registratie> registraties = stand.registraties(l.school().code(), l.id());
                List<String> gehouden = registraties.stream().map(ReferentieVergelijkingTest::kort).toList();
                List<String> verwachtGehouden = referentieGehouden.getOrDefault(sleutel, List.of());
                if (!zelfde(gehouden, verwachtGehouden)) {
                    verschillen.add("seed " + seed + ", " + sleutel + ": gehouden " + verschil(gehouden,
                            verwachtGehouden));
                    continue;
                }
                leerlingen++;
                for (LocalDate peildatum : List.of(regio.laatsteExport, halverwege)) {
                    List<String> regels = new ArrayList<>();
                    for (Beslissing b : Beoordelaar.beoordeel(new Leerling(l.id(), l.geboortedatum(),
                                    l.startkwalificatie()), kalenders.get(l.school().code()),
                            new Regelinstellingen(l.school().meld18Plus16Uur()), registraties, peildatum, List.of())) {
                        regels.add(new Referentie.Uitkomst(b.soort().name(), b.begindatum(), b.einddatum(), b.uren(),
                                b.beslotenOp()).toString());
                    }
                    List<String> referentie = Referentie.beslissingen(l.school().rooster(),
                                    new Referentie.Pupil(l.geboortedatum(), l.startkwalificatie(),
                                            l.school().meld18Plus16Uur()),
                                    referentieRegistraties.getOrDefault(sleutel, List.of()), peildatum).stream()
                            .map(Referentie.Uitkomst::toString).toList();
                    beslissingen += referentie.size();
                    if (!zelfde(regels, referentie)) {
                        verschillen.add("seed " + seed + ", " + sleutel + " (geboren " + l.geboortedatum()
                                + (l.startkwalificatie() ? ", startkwalificatie" : "") + "), peildatum " + peildatum
                                + ": " + verschil(regels, referentie));
                    }
                }
            }
        }
        System.out.printf("Referentievergelijking: %d seeds, %d leerlingen, %d beslissingen vergeleken, %d verschillen%n",
                seeds.length, leerlingen, beslissingen, verschillen.size());
        assertThat(verschillen).as("regels tegen de onafhankelijke lezing").isEmpty();
        assertThat(beslissingen).as("the regions give decisions to compare").isGreaterThan(1000);
    }

    private static String kort(Registratie r) {
        return r.datum() + " " + r.begintijd() + "-" + r.eindtijd() + " " + r.minuten() + " " + r.code();
    }

    private static boolean zelfde(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().sorted().toList().equals(b.stream().sorted().toList());
    }

    private static String verschil(List<String> regels, List<String> referentie) {
        List<String> alleenRegels = new ArrayList<>(regels);
        referentie.forEach(alleenRegels::remove);
        List<String> alleenReferentie = new ArrayList<>(referentie);
        regels.forEach(alleenReferentie::remove);
        return "alleen de regels " + alleenRegels + ", alleen de referentie " + alleenReferentie;
    }
}
