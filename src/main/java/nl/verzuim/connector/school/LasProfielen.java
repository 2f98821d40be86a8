package nl.verzuim.connector.school;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/**
 * The CSV profiles a connector knows: {@code standaard} ({@link LasProfiel#STANDAARD}, las-input.md §2) and the
 * example layouts shipped in the jar ({@code las-profielen/ingebouwd.yaml}), plus the
 * school's own, from the file named by {@code connector.las-profielen} (or {@code las-profielen.yaml} beside the
 * schools file). A name is unique across both.
 */
public final class LasProfielen {

    static final String INGEBOUWD_BESTAND = "las-profielen/ingebouwd.yaml";
    /** Looked for beside the schools file when no profiles file is named. */
    public static final String NAAST_SCHOLEN = "las-profielen.yaml";

    private static volatile LasProfielen ingebouwd;

    private final Map<String, LasProfiel> profielen;

    private LasProfielen(Map<String, LasProfiel> profielen) {
        this.profielen = Map.copyOf(profielen);
    }

    /** The profiles shipped with the connector: {@code standaard} (las-input.md §2) and the example layouts. */
    public static LasProfielen ingebouwd() {
        if (ingebouwd == null) {
            try (InputStream invoer = LasProfielen.class.getClassLoader().getResourceAsStream(INGEBOUWD_BESTAND)) {
                if (invoer == null) {
                    throw new IllegalStateException(INGEBOUWD_BESTAND + " ontbreekt in de jar");
                }
                Reader reader = new InputStreamReader(invoer, StandardCharsets.UTF_8);
                Map<String, LasProfiel> alle = new LinkedHashMap<>();
                alle.put(LasProfiel.STANDAARD.naam(), LasProfiel.STANDAARD);
                for (LasProfiel profiel : LasProfielLezer.lees(reader, "ingebouwde profielen (" + INGEBOUWD_BESTAND + ")")) {
                    alle.put(profiel.naam(), profiel);
                }
                ingebouwd = new LasProfielen(alle);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ingebouwd;
    }

    /** The built-in profiles plus those of a school's own file; a built-in name used again is an error. */
    public static LasProfielen metEigen(Path bestand) {
        return metEigen(LasProfielLezer.leesMetRegels(bestand),
                bestand.getFileName() == null ? bestand.toString() : bestand.getFileName().toString());
    }

    static LasProfielen metEigen(List<LasProfielLezer.Gelezen> eigen, String bestandsnaam) {
        Map<String, LasProfiel> alle = new LinkedHashMap<>(ingebouwd().profielen);
        for (LasProfielLezer.Gelezen gelezen : eigen) {
            if (alle.containsKey(gelezen.profiel().naam())) {
                throw new SchoolconfiguratieFout(bestandsnaam + " regel " + gelezen.regel() + ": profiel '"
                        + gelezen.profiel().naam() + "' is een ingebouwd profiel; kies een andere naam");
            }
            alle.put(gelezen.profiel().naam(), gelezen.profiel());
        }
        return new LasProfielen(alle);
    }

    /** For tests and tools: exactly these profiles. */
    public static LasProfielen van(Collection<LasProfiel> profielen) {
        Map<String, LasProfiel> alle = new LinkedHashMap<>();
        for (LasProfiel profiel : profielen) {
            if (alle.put(profiel.naam(), profiel) != null) {
                throw new IllegalArgumentException("profiel " + profiel.naam() + " twee keer");
            }
        }
        return new LasProfielen(alle);
    }

    public Optional<LasProfiel> vind(String naam) {
        return Optional.ofNullable(profielen.get(naam));
    }

    /** A profile that must exist (the schools file was checked against these at start-up). */
    public LasProfiel profiel(String naam) {
        LasProfiel profiel = profielen.get(naam);
        if (profiel == null) {
            throw new IllegalArgumentException("LAS-profiel '" + naam + "' bestaat niet; bekend: " + namen());
        }
        return profiel;
    }

    public Set<String> namen() {
        return new java.util.TreeSet<>(profielen.keySet());
    }

    public List<LasProfiel> alle() {
        return new ArrayList<>(profielen.values());
    }

    @Override
    public String toString() {
        return "LasProfielen" + namen();
    }
}
