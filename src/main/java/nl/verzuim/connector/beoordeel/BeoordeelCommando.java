package nl.verzuim.connector.beoordeel;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.verzuim.connector.intake.CsvRegel;
import nl.verzuim.connector.intake.Exportlezer;
import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.LeerlingGegevens;
import nl.verzuim.connector.intake.OngeldigBestandException;
import nl.verzuim.connector.rules.Beoordelaar;
import nl.verzuim.connector.rules.Beslissing;
import nl.verzuim.connector.rules.Leerling;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Verzuimsoort;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.SchoolconfiguratieFout;
import nl.verzuim.connector.school.SchoolconfiguratieLezer;
import nl.verzuim.connector.school.Scholen;

/**
 * {@code beoordeel --scholen SCHOOLS.yaml --peildatum YYYY-MM-DD FILE...} (connector-interface.md): reads the files as
 * the inbox would, applies the rules as of the peildatum, sends and stores nothing, and prints one JSON object per
 * decision. Rejected input goes to standard error with file, line and field. Exit 0 when all input was read, 2 when
 * some was rejected, 1 when nothing could be judged.
 */
public final class BeoordeelCommando {

    private static final ObjectMapper JSON = new ObjectMapper();

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
            fout.println(e.getMessage());
            return 1;
        }
        Invoer invoer = new Invoer(scholen);
        for (Path bestand : bestanden) {
            if (bestand.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                invoer.lees(bestand);
            }
        }
        for (Path bestand : bestanden) {
            if (!bestand.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                invoer.lees(bestand);
            }
        }
        for (IntakeFout f : invoer.fouten) {
            fout.println(f);
        }
        for (String waarschuwing : invoer.waarschuwingen(peildatum)) {
            fout.println(waarschuwing);
        }
        for (String regel : invoer.beoordeel(peildatum)) {
            uit.println(regel);
        }
        return invoer.fouten.isEmpty() ? 0 : 2;
    }

    private static int gebruik(PrintStream fout, String reden) {
        fout.println("beoordeel: " + reden);
        fout.println("gebruik: java -jar verzuim-connector.jar beoordeel --scholen SCHOLEN.yaml --peildatum JJJJ-MM-DD"
                + " BESTAND...");
        return 1;
    }

    /** The files read so far, kept in memory: pupils by school and LAS key, registrations in order of arrival. */
    private static final class Invoer {
        private final Scholen scholen;
        private final List<IntakeFout> fouten = new ArrayList<>();
        private final Map<String, LeerlingGegevens> leerlingen = new TreeMap<>();
        private final Map<String, List<Registratie>> registraties = new TreeMap<>();

        Invoer(Scholen scholen) {
            this.scholen = scholen;
        }

        void lees(Path bestand) {
            String naam = bestand.getFileName().toString();
            if (!Files.isRegularFile(bestand)) {
                fouten.add(new IntakeFout(naam, null, null, "bestand bestaat niet of is geen bestand"));
                return;
            }
            try {
                new Exportlezer(scholen, this::scholenMet, Long.MAX_VALUE).lees(bestand, new Exportlezer.Ontvanger() {
                    @Override
                    public void leerling(School school, LeerlingGegevens leerling) {
                        leerlingen.put(sleutel(school.code(), leerling.leerlingId()), leerling);
                    }

                    @Override
                    public void registratie(School school, CsvRegel regel) {
                        registraties.computeIfAbsent(sleutel(school.code(), regel.leerlingId()), k -> new ArrayList<>())
                                .add(regel.registratie());
                    }
                }, fouten);
            } catch (OngeldigBestandException e) {
                fouten.addAll(e.fouten());
            }
        }

        private Set<String> scholenMet(String leerlingId) {
            Set<String> codes = new TreeSet<>();
            for (LeerlingGegevens l : leerlingen.values()) {
                if (l.leerlingId().equals(leerlingId)) {
                    codes.add(l.schoolcode());
                }
            }
            return codes;
        }

        List<String> waarschuwingen(LocalDate peildatum) {
            List<String> waarschuwingen = new ArrayList<>();
            for (String sleutel : registraties.keySet()) {
                LeerlingGegevens l = leerlingen.get(sleutel);
                if (l == null || l.geboortedatum() == null) {
                    waarschuwingen.add("waarschuwing: leerling " + sleutel.substring(7) + " van school "
                            + sleutel.substring(0, 6) + ": geen geboortedatum bekend (geen OSO-dossier of EDEXML);"
                            + " de DUO-regels zijn niet toegepast, alleen OT en ZAS");
                }
            }
            return waarschuwingen;
        }

        List<String> beoordeel(LocalDate peildatum) {
            List<Map<String, Object>> regels = new ArrayList<>();
            for (Map.Entry<String, List<Registratie>> perLeerling : registraties.entrySet()) {
                String schoolcode = perLeerling.getKey().substring(0, 6);
                String leerlingId = perLeerling.getKey().substring(7);
                School school = scholen.vind(schoolcode).orElseThrow();
                LeerlingGegevens gegevens = leerlingen.get(perLeerling.getKey());
                Leerling leerling = new Leerling(leerlingId, gegevens == null ? null : gegevens.geboortedatum(), false);
                for (Beslissing b : Beoordelaar.beoordeel(leerling, school.kalender(), school.regelinstellingen(),
                        perLeerling.getValue(), peildatum, List.of())) {
                    Map<String, Object> regel = new LinkedHashMap<>();
                    regel.put("leerling_id", leerlingId);
                    regel.put("brin", school.brin());
                    regel.put("vestiging", school.vestiging());
                    regel.put("kanaal", b.kanaal().name());
                    regel.put("soort", b.soort().name());
                    regel.put("begindatum", b.begindatum().toString());
                    if (b.einddatum() != null) {
                        regel.put("einddatum", b.einddatum().toString());
                    }
                    if (b.soort() == Verzuimsoort.RELATIEF_16_UUR && b.uren() != null) {
                        regel.put("uren", new BigDecimal(b.uren().stripTrailingZeros().toPlainString()));
                    }
                    regel.put("uitleg", b.uitleg());
                    regels.add(regel);
                }
            }
            regels.sort(Comparator.<Map<String, Object>, String>comparing(r -> (String) r.get("brin"))
                    .thenComparing(r -> (String) r.get("vestiging"))
                    .thenComparing(r -> (String) r.get("leerling_id"))
                    .thenComparing(r -> (String) r.get("kanaal"))
                    .thenComparing(r -> (String) r.get("soort"))
                    .thenComparing(r -> (String) r.get("begindatum")));
            List<String> uit = new ArrayList<>();
            for (Map<String, Object> regel : regels) {
                try {
                    uit.add(JSON.writeValueAsString(regel));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return uit;
        }

        private static String sleutel(String schoolcode, String leerlingId) {
            return schoolcode + "/" + leerlingId;
        }
    }
}
