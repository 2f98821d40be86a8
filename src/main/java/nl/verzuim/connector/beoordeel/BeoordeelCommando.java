package nl.verzuim.connector.beoordeel;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonGenerator;
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
 *
 * <p>Bounded memory (issue 13): registrations are held packed ({@link Registratiestand}, about 16 bytes each), a
 * pupil from a dossier or export only as its school and birth date, and the output is decided and printed pupil by
 * pupil in the contract's order, a school's registrations let go once it is judged — so a region of 100,000 pupils
 * and four million registrations runs in a heap of 512 MB.
 */
public final class BeoordeelCommando {

    static final int OK = 0;
    static final int NIETS_TE_BEOORDELEN = 1;
    static final int INVOER_AFGEWEZEN = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One pupil's decisions in the contract's order (brin, vestiging and leerling_id are the pupil's). */
    private static final Comparator<Beslissing> VOLGORDE = Comparator.comparing((Beslissing b) -> b.kanaal().name())
            .thenComparing(b -> b.soort().name())
            .thenComparing(Beslissing::begindatum)
            .thenComparing(Beslissing::beslotenOp);

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
        invoer.beoordeel(peildatum, uit);
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

    /**
     * The files read so far, held compactly: per LAS key the schools where a dossier or export knows the pupil and
     * its birth date (all the rules need of it), and the registrations packed in a {@link Registratiestand}.
     */
    private static final class Invoer {
        private final Scholen scholen;
        private final List<IntakeFout> fouten = new ArrayList<>();
        /** LAS key → the pupil as known at one school, and through {@link Bekend#volgende} at others. */
        private final Map<String, Bekend> bekend = new HashMap<>();
        /** What the registraties files hold, each speaking for its period as in the inbox ({@link Exportperiode}). */
        private final Registratiestand registraties = new Registratiestand();
        /** Each school's code, made once: School.code() makes a new string each call, and this is once a line. */
        private final Map<School, String> codes = new IdentityHashMap<>();
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
            // A file's registrations go into the Registratiestand as they stream by, and are taken out again
            // (breekAf) when the file turns out to be rejected whole; its pupils (few, and small as held here) wait
            // for the file's end. Nothing of a file is held twice, so a region's CSV fits in a small heap.
            Registratiestand.Bestand[] open = new Registratiestand.Bestand[1];
            List<Bekend> leerlingenInBestand = new ArrayList<>();
            try {
                new Exportlezer(scholen, this::scholenMet, Long.MAX_VALUE)
                        .lees(bestand, new Exportlezer.Ontvanger() {
                            @Override
                            public void leerling(School school, LeerlingGegevens leerling) {
                                leerlingenInBestand.add(new Bekend(school.code(), leerling.leerlingId(),
                                        leerling.geboortedatum()));
                            }

                            @Override
                            public void registratie(School school, CsvRegel regel) {
                                if (open[0] == null) {
                                    // one profile reads a whole file: the school's, or the one all schools share
                                    open[0] = registraties.lees(scholen.profiel(school).vervangt());
                                }
                                open[0].regel(codes.computeIfAbsent(school, School::code), regel.leerlingId(),
                                        regel.registratie());
                            }

                            @Override
                            public boolean draaitTerugBijAfkeur() {
                                return true;
                            }
                        }, fouten);
                if (open[0] != null) {
                    open[0].sluit();
                }
                for (Bekend leerling : leerlingenInBestand) {
                    neemOp(leerling);
                }
                gelezen++;
            } catch (OngeldigBestandException e) {
                if (open[0] != null) {
                    open[0].breekAf();
                }
                fouten.addAll(e.fouten());
            }
        }

        /** A later dossier or export of the same pupil at the same school replaces what an earlier one said. */
        private void neemOp(Bekend leerling) {
            Bekend eerder = bekend.putIfAbsent(leerling.leerlingId, leerling);
            if (eerder == null) {
                return;
            }
            for (Bekend b = eerder; ; b = b.volgende) {
                if (b.school.equals(leerling.school)) {
                    b.geboortedatum = leerling.geboortedatum;
                    return;
                }
                if (b.volgende == null) {
                    b.volgende = leerling;
                    return;
                }
            }
        }

        /** The school codes where a dossier or export knows a LAS key, for CSV files that do not name a school. */
        private Collection<String> scholenMet(String leerlingId) {
            Bekend b = bekend.get(leerlingId);
            if (b == null) {
                return List.of();
            }
            if (b.volgende == null) {
                return List.of(b.school);
            }
            Set<String> codes = new TreeSet<>();
            for (; b != null; b = b.volgende) {
                codes.add(b.school);
            }
            return codes;
        }

        private LocalDate geboortedatum(String school, String leerlingId) {
            for (Bekend b = bekend.get(leerlingId); b != null; b = b.volgende) {
                if (b.school.equals(school)) {
                    return b.geboortedatum;
                }
            }
            return null;
        }

        /** The pupils holding registrations without a known birth date, sorted by school code and LAS key. */
        List<String> waarschuwingen() {
            Set<String> zonderGeboortedatum = new TreeSet<>();
            for (String school : registraties.scholen()) {
                for (String leerlingId : registraties.leerlingen(school)) {
                    if (geboortedatum(school, leerlingId) == null) {
                        zonderGeboortedatum.add(school + "/" + leerlingId);
                    }
                }
            }
            List<String> waarschuwingen = new ArrayList<>(zonderGeboortedatum.size());
            for (String sleutel : zonderGeboortedatum) {
                int streep = sleutel.indexOf('/');
                waarschuwingen.add("waarschuwing: leerling " + sleutel.substring(streep + 1) + " van school "
                        + sleutel.substring(0, streep) + ": geen geboortedatum bekend (geen OSO-dossier of"
                        + " EDEXML-export met deze leerling); de DUO-regels zijn niet toegepast, alleen OT en de"
                        + " ZAS-signalen");
            }
            return waarschuwingen;
        }

        /**
         * Judges school by school (by brin, then vestiging) and pupil by pupil (by LAS key) and prints each pupil's
         * decisions at once, in the contract's order; a school's registrations are let go once it is judged. What is
         * held while printing is one pupil's decisions and a block of output, whatever the region's size.
         */
        void beoordeel(LocalDate peildatum, PrintStream uit) {
            List<School> volgorde = new ArrayList<>();
            for (String code : registraties.scholen()) {
                volgorde.add(scholen.vind(code).orElseThrow());
            }
            volgorde.sort(Comparator.comparing(School::brin).thenComparing(School::vestiging));
            Uitvoer uitvoer = new Uitvoer(uit);
            for (School school : volgorde) {
                List<String> ids = new ArrayList<>(registraties.leerlingen(school.code()));
                ids.sort(Comparator.naturalOrder());
                for (String leerlingId : ids) {
                    Leerling leerling = new Leerling(leerlingId, geboortedatum(school.code(), leerlingId), false);
                    List<Beslissing> beslissingen = new ArrayList<>(Beoordelaar.beoordeel(leerling, school.kalender(),
                            school.regelinstellingen(), registraties.registraties(school.code(), leerlingId),
                            peildatum, List.of()));
                    beslissingen.sort(VOLGORDE);
                    for (Beslissing b : beslissingen) {
                        uitvoer.regel(school, leerlingId, b);
                    }
                }
                registraties.laatLos(school.code());
            }
            uitvoer.sluit();
        }
    }

    /** A pupil as a dossier or export made it known: school code, LAS key and birth date (null if unknown). */
    private static final class Bekend {
        final String school;
        final String leerlingId;
        LocalDate geboortedatum;
        /** The same LAS key at another school. */
        Bekend volgende;

        Bekend(String school, String leerlingId, LocalDate geboortedatum) {
            this.school = school;
            this.leerlingId = leerlingId;
            this.geboortedatum = geboortedatum;
        }
    }

    /**
     * Writes the JSON lines: the fields of connector-interface.md, each only where it applies, in blocks of about
     * 64 KB (one write each, instead of one flush a line on an auto-flushing standard output).
     */
    private static final class Uitvoer {
        private static final int BLOK = 1 << 16;
        private final PrintStream uit;
        private final StringWriter tekst = new StringWriter(BLOK + 4096);
        private final JsonGenerator json;
        private final String regeleinde = System.lineSeparator();

        Uitvoer(PrintStream uit) {
            this.uit = uit;
            try {
                json = JSON.getFactory().createGenerator(tekst);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(null);
        }

        void regel(School school, String leerlingId, Beslissing b) {
            try {
                json.writeStartObject();
                json.writeStringField("leerling_id", leerlingId);
                json.writeStringField("brin", school.brin());
                json.writeStringField("vestiging", school.vestiging());
                json.writeStringField("kanaal", b.kanaal().name());
                json.writeStringField("soort", b.soort().name());
                json.writeStringField("begindatum", b.begindatum().toString());
                if (b.einddatum() != null) {
                    json.writeStringField("einddatum", b.einddatum().toString());
                }
                if (b.soort() == Verzuimsoort.RELATIEF_16_UUR && b.uren() != null) {
                    json.writeNumberField("uren", b.uren().setScale(2, RoundingMode.HALF_UP));
                }
                json.writeStringField("uitleg", b.uitleg());
                json.writeEndObject();
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StringBuffer buffer = tekst.getBuffer();
            buffer.append(regeleinde);
            if (buffer.length() >= BLOK) {
                uit.print(buffer);
                buffer.setLength(0);
            }
        }

        void sluit() {
            StringBuffer buffer = tekst.getBuffer();
            if (buffer.length() > 0) {
                uit.print(buffer);
                buffer.setLength(0);
            }
            uit.flush();
        }
    }
}
