package nl.verzuim.connector.beoordeel;

import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.verzuim.connector.intake.CsvRegel;
import nl.verzuim.connector.intake.Exportlezer;
import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.OngeldigBestandException;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.rules.Beoordelaar;
import nl.verzuim.connector.rules.Beslissing;
import nl.verzuim.connector.rules.Exportperiode;
import nl.verzuim.connector.rules.Leerling;
import nl.verzuim.connector.rules.Registratiestand;
import nl.verzuim.connector.rules.Verzuimsoort;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.SchoolconfiguratieFout;
import nl.verzuim.connector.school.SchoolconfiguratieLezer;

/**
 * {@code beoordeel --scholen SCHOOLS.yaml --peildatum YYYY-MM-DD FILE...} (connector-interface.md): reads the files as
 * the inbox would, applies the rules as of the peildatum, sends and stores nothing, and prints one JSON object per
 * decision on standard output, sorted by brin, vestiging, leerling_id, kanaal, soort and begindatum. Rejected input
 * goes to standard error with file, line and field, and the rest is still judged.
 *
 * <p>Exit status: 0 when every input was read; 2 when some input was rejected; 1 when nothing could be judged — bad
 * arguments, an unreadable schools file, or not one of the given files could be read.
 *
 * <p>The dossiers and EDEXML exports are read before the CSV files (a CSV line may need the pupil's school from
 * them); CSV files are read in the order given, so a later file's registration replaces an earlier one with the
 * same key, as in the inbox.
 */
public final class BeoordeelCommando {

    static final int OK = 0;
    static final int NIETS_TE_BEOORDELEN = 1;
    static final int INVOER_AFGEWEZEN = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Comparator<Uitvoer> VOLGORDE = Comparator.comparing(Uitvoer::brin)
            .thenComparing(Uitvoer::vestiging)
            .thenComparing(Uitvoer::leerlingId)
            .thenComparing(Uitvoer::kanaal)
            .thenComparing(Uitvoer::soort)
            .thenComparing(u -> u.beslissing().begindatum())
            .thenComparing(u -> u.beslissing().beslotenOp());

    private BeoordeelCommando() {
    }

    public static int voerUit(String[] args, PrintStream uit, PrintStream fout) {
        Path scholenPad = null;
        LocalDate peildatum = null;
        List<Path> bestanden = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scholen" -> {
                    if (++i >= args.length) {
                        return gebruik(fout, "--scholen zonder pad");
                    }
                    scholenPad = Path.of(args[i]);
                }
                case "--peildatum" -> {
                    if (++i >= args.length) {
                        return gebruik(fout, "--peildatum zonder datum");
                    }
                    try {
                        peildatum = LocalDate.parse(args[i]);
                    } catch (DateTimeParseException e) {
                        return gebruik(fout, "--peildatum '" + args[i] + "' is geen datum (JJJJ-MM-DD)");
                    }
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        return gebruik(fout, "onbekende optie " + args[i]);
                    }
                    bestanden.add(Path.of(args[i]));
                }
            }
        }
        if (scholenPad == null || peildatum == null || bestanden.isEmpty()) {
            return gebruik(fout, "--scholen, --peildatum en ten minste één bestand zijn verplicht");
        }
        Scholen scholen;
        try {
            scholen = SchoolconfiguratieLezer.lees(scholenPad);
        } catch (SchoolconfiguratieFout e) {
            fout.println("beoordeel: " + e.getMessage());
            return NIETS_TE_BEOORDELEN;
        }
        Invoer invoer = new Invoer(scholen);
        for (Path bestand : bestanden) {
            if (isXml(bestand)) {
                invoer.lees(bestand);
            }
        }
        for (Path bestand : bestanden) {
            if (!isXml(bestand)) {
                invoer.lees(bestand);
            }
        }
        for (IntakeFout f : invoer.fouten) {
            fout.println(f);
        }
        if (invoer.gelezen == 0) {
            fout.println("beoordeel: geen van de " + bestanden.size() + " bestanden kon gelezen worden; er is niets"
                    + " beoordeeld");
            return NIETS_TE_BEOORDELEN;
        }
        for (String waarschuwing : invoer.waarschuwingen()) {
            fout.println(waarschuwing);
        }
        for (String regel : invoer.beoordeel(peildatum)) {
            uit.println(regel);
        }
        return invoer.fouten.isEmpty() ? OK : INVOER_AFGEWEZEN;
    }

    private static boolean isXml(Path bestand) {
        return bestand.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    private static int gebruik(PrintStream fout, String reden) {
        fout.println("beoordeel: " + reden);
        fout.println("gebruik: java -jar verzuim-connector.jar beoordeel --scholen SCHOLEN.yaml --peildatum JJJJ-MM-DD"
                + " BESTAND...");
        return NIETS_TE_BEOORDELEN;
    }

    /** One decision for one pupil, with what sorts it. */
    private record Uitvoer(String brin, String vestiging, String leerlingId, String kanaal, String soort,
                           Beslissing beslissing) {
    }

    /** The files read so far, kept in memory: pupils by school and LAS key, registrations in order of arrival. */
    private static final class Invoer {
        private final Scholen scholen;
        private final List<IntakeFout> fouten = new ArrayList<>();
        private final Map<String, LeerlingGegevens> leerlingen = new HashMap<>();
        /** LAS key → the school codes where a dossier or export knows it, for CSV files that do not name a school. */
        private final Map<String, Set<String>> scholenPerLeerling = new HashMap<>();
        private final Map<String, School> schoolPerSleutel = new HashMap<>();
        /** What the registraties files hold, each speaking for its period as in the inbox ({@link Exportperiode}). */
        private final Registratiestand registraties = new Registratiestand();
        private int gelezen;

        Invoer(Scholen scholen) {
            this.scholen = scholen;
        }

        void lees(Path bestand) {
            String naam = bestand.getFileName().toString();
            if (!Files.isRegularFile(bestand)) {
                fouten.add(new IntakeFout(naam, null, null, "bestand bestaat niet of is geen bestand"));
                return;
            }
            // the lines of a file come only once it was read to its end (Exportlezer holds them back for us)
            Registratiestand.Bestand[] open = new Registratiestand.Bestand[1];
            try {
                new Exportlezer(scholen, id -> scholenPerLeerling.getOrDefault(id, Set.of()), Long.MAX_VALUE)
                        .lees(bestand, new Exportlezer.Ontvanger() {
                            @Override
                            public void leerling(School school, LeerlingGegevens leerling) {
                                leerlingen.put(sleutel(school, leerling.leerlingId()), leerling);
                                scholenPerLeerling.computeIfAbsent(leerling.leerlingId(), k -> new TreeSet<>())
                                        .add(school.code());
                            }

                            @Override
                            public void registratie(School school, CsvRegel regel) {
                                schoolPerSleutel.putIfAbsent(sleutel(school, regel.leerlingId()), school);
                                if (open[0] == null) {
                                    // one profile reads a whole file: the school's, or the one all schools share
                                    open[0] = registraties.lees(scholen.profiel(school).vervangt());
                                }
                                open[0].regel(school.code(), regel.leerlingId(), regel.registratie());
                            }
                        }, fouten);
                if (open[0] != null) {
                    open[0].sluit();
                }
                gelezen++;
            } catch (OngeldigBestandException e) {
                fouten.addAll(e.fouten());
            }
        }

        List<String> waarschuwingen() {
            List<String> waarschuwingen = new ArrayList<>();
            for (String sleutel : new TreeSet<>(sleutels())) {
                LeerlingGegevens l = leerlingen.get(sleutel);
                if (l == null || l.geboortedatum() == null) {
                    School school = schoolPerSleutel.get(sleutel);
                    waarschuwingen.add("waarschuwing: leerling " + leerlingId(sleutel) + " van school " + school.code()
                            + ": geen geboortedatum bekend (geen OSO-dossier of EDEXML-export met deze leerling);"
                            + " de DUO-regels zijn niet toegepast, alleen OT en de ZAS-signalen");
                }
            }
            return waarschuwingen;
        }

        List<String> beoordeel(LocalDate peildatum) {
            List<Uitvoer> uitvoer = new ArrayList<>();
            for (Registratiestand.Leerlingsleutel l : registraties.leerlingen()) {
                String sleutel = l.school() + "/" + l.leerlingId();
                School school = schoolPerSleutel.get(sleutel);
                LeerlingGegevens gegevens = leerlingen.get(sleutel);
                String leerlingId = l.leerlingId();
                Leerling leerling = new Leerling(leerlingId, gegevens == null ? null : gegevens.geboortedatum(), false);
                for (Beslissing b : Beoordelaar.beoordeel(leerling, school.kalender(), school.regelinstellingen(),
                        registraties.registraties(l.school(), leerlingId), peildatum, List.of())) {
                    uitvoer.add(new Uitvoer(school.brin(), school.vestiging(), leerlingId, b.kanaal().name(),
                            b.soort().name(), b));
                }
            }
            uitvoer.sort(VOLGORDE);
            List<String> regels = new ArrayList<>(uitvoer.size());
            for (Uitvoer u : uitvoer) {
                regels.add(json(u));
            }
            return regels;
        }

        /** The fields of connector-interface.md, each only where it applies. */
        private static String json(Uitvoer u) {
            Beslissing b = u.beslissing();
            Map<String, Object> regel = new LinkedHashMap<>();
            regel.put("leerling_id", u.leerlingId());
            regel.put("brin", u.brin());
            regel.put("vestiging", u.vestiging());
            regel.put("kanaal", u.kanaal());
            regel.put("soort", u.soort());
            regel.put("begindatum", b.begindatum().toString());
            if (b.einddatum() != null) {
                regel.put("einddatum", b.einddatum().toString());
            }
            if (b.soort() == Verzuimsoort.RELATIEF_16_UUR && b.uren() != null) {
                regel.put("uren", b.uren().setScale(2, RoundingMode.HALF_UP));
            }
            regel.put("uitleg", b.uitleg());
            try {
                return JSON.writeValueAsString(regel);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The pupils holding registrations, as school code + "/" + LAS key. */
        private List<String> sleutels() {
            return registraties.leerlingen().stream().map(l -> l.school() + "/" + l.leerlingId()).toList();
        }

        private static String sleutel(School school, String leerlingId) {
            return school.code() + "/" + leerlingId;
        }

        private static String leerlingId(String sleutel) {
            return sleutel.substring(sleutel.indexOf('/') + 1);
        }
    }
}
