package nl.verzuim.connector.school;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.rules.Schoolkalender;
import nl.verzuim.connector.rules.Signaalregel;
import nl.verzuim.connector.rules.Verzuimsoort;

/**
 * Reads the schools file (las-input.md §3). Every key is read; an unknown or missing key, or a value that does
 * not fit, is an error naming the file and the line — at start-up, before anything is judged. Each school's
 * {@code las_profiel} must name a known CSV profile: a built-in one or one from the school's profiles file
 * ({@code connector.las-profielen}, else {@code las-profielen.yaml} beside the schools file when it is there).
 */
public final class SchoolconfiguratieLezer {

    private static final Pattern BRIN = Pattern.compile("[0-9]{2}[A-Z]{2}");
    private static final Pattern VESTIGING = Pattern.compile("[0-9]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<String, DayOfWeek> DAGEN = Map.of(
            "maandag", DayOfWeek.MONDAY, "dinsdag", DayOfWeek.TUESDAY, "woensdag", DayOfWeek.WEDNESDAY,
            "donderdag", DayOfWeek.THURSDAY, "vrijdag", DayOfWeek.FRIDAY, "zaterdag", DayOfWeek.SATURDAY,
            "zondag", DayOfWeek.SUNDAY);
    private static final Set<String> SCHOOL_SLEUTELS = Set.of("brin", "vestiging", "naam", "onderwijssoort",
            "contactpersoon", "melder", "las_profiel", "lesminuten", "vakanties", "vrije_dagen",
            "meld_18_plus_16_uur", "verzenden", "kanalen", "meldingen_vanaf", "signalen", "ot_indienen");
    /** The keys of one signal rule (src/docs/rules.md, "The school's own signals"): each a component of the rule. */
    private static final Set<String> SIGNAAL_SLEUTELS = Set.of("naam", "titel", "codes", "telt", "stappen",
            "daarna_elke", "na_de_eerste", "laatste", "minstens", "venster", "wijkt_voor");
    private static final Set<String> VERPLICHT = Set.of("brin", "vestiging", "naam", "onderwijssoort",
            "contactpersoon", "melder", "lesminuten");

    private final YamlBron yaml;
    private final LasProfielen profielen;
    private final String profielenHerkomst;

    private SchoolconfiguratieLezer(String bestandsnaam, LasProfielen profielen, String profielenHerkomst) {
        this.yaml = new YamlBron(bestandsnaam);
        this.profielen = profielen;
        this.profielenHerkomst = profielenHerkomst;
    }

    /** The schools file, with the built-in profiles and {@code las-profielen.yaml} beside it when present. */
    public static Scholen lees(Path bestand) {
        return lees(bestand, null);
    }

    /**
     * @param profielenBestand the school's own CSV profiles; null: {@code las-profielen.yaml} beside the schools
     *                         file when it exists, else the built-in profiles only
     */
    public static Scholen lees(Path bestand, Path profielenBestand) {
        String naam = bestand.getFileName() == null ? bestand.toString() : bestand.getFileName().toString();
        if (!Files.isRegularFile(bestand)) {
            throw new SchoolconfiguratieFout("Schoolconfiguratie " + bestand + " bestaat niet of is geen bestand"
                    + " (instelling connector.schools)");
        }
        Path eigen = profielenBestand;
        if (eigen == null) {
            Path ernaast = bestand.toAbsolutePath().resolveSibling(LasProfielen.NAAST_SCHOLEN);
            eigen = Files.isRegularFile(ernaast) ? ernaast : null;
        }
        LasProfielen profielen = eigen == null ? LasProfielen.ingebouwd() : LasProfielen.metEigen(eigen);
        String herkomst = eigen == null ? "ingebouwd" : "ingebouwd en " + eigen.getFileName();
        try (Reader reader = Files.newBufferedReader(bestand, StandardCharsets.UTF_8)) {
            return new SchoolconfiguratieLezer(naam, profielen, herkomst).leesDocument(reader);
        } catch (IOException e) {
            throw new SchoolconfiguratieFout("Schoolconfiguratie " + bestand + " kan niet gelezen worden: "
                    + e.getMessage(), e);
        }
    }

    /** A schools file with the built-in profiles only. */
    public static Scholen lees(Reader reader, String bestandsnaam) {
        return lees(reader, bestandsnaam, LasProfielen.ingebouwd());
    }

    public static Scholen lees(Reader reader, String bestandsnaam, LasProfielen profielen) {
        return new SchoolconfiguratieLezer(bestandsnaam, profielen, "bekend").leesDocument(reader);
    }

    private Scholen leesDocument(Reader reader) {
        Node wortel = yaml.wortel(reader);
        if (wortel == null) {
            throw yaml.fout(null, "het bestand is leeg; verwacht 'scholen:'");
        }
        Map<String, NodeTuple> top = yaml.mapping(wortel, Set.of("scholen"), "");
        NodeTuple scholenNode = top.get("scholen");
        if (scholenNode == null) {
            throw yaml.fout(wortel, "sleutel 'scholen' ontbreekt");
        }
        List<School> scholen = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Node schoolNode : yaml.sequence(scholenNode.getValueNode(), "scholen")) {
            School school = school(schoolNode);
            if (!codes.add(school.code())) {
                throw yaml.fout(schoolNode, "school " + school.code() + " staat er twee keer in");
            }
            scholen.add(school);
        }
        if (scholen.isEmpty()) {
            throw yaml.fout(scholenNode.getValueNode(), "'scholen' bevat geen school");
        }
        return new Scholen(scholen, profielen);
    }

    private School school(Node node) {
        Map<String, NodeTuple> velden = yaml.mapping(node, SCHOOL_SLEUTELS, "scholen[].");
        for (String verplicht : VERPLICHT) {
            if (!velden.containsKey(verplicht)) {
                throw yaml.fout(node, "sleutel '" + verplicht + "' ontbreekt bij deze school");
            }
        }
        String brin = yaml.tekst(velden.get("brin"), "brin");
        if (!BRIN.matcher(brin).matches()) {
            throw yaml.fout(velden.get("brin").getValueNode(), "brin '" + brin + "' past niet bij [0-9]{2}[A-Z]{2}");
        }
        String vestiging = yaml.tekst(velden.get("vestiging"), "vestiging");
        if (!VESTIGING.matcher(vestiging).matches()) {
            throw yaml.fout(velden.get("vestiging").getValueNode(),
                    "vestiging '" + vestiging + "' moet twee cijfers zijn (schrijf \"00\" tussen aanhalingstekens)");
        }
        String naam = yaml.tekst(velden.get("naam"), "naam");
        School.Onderwijssoort onderwijssoort = enumWaarde(velden.get("onderwijssoort"), School.Onderwijssoort.class);
        Map<String, NodeTuple> contact = yaml.mapping(velden.get("contactpersoon").getValueNode(), Set.of("naam", "email"),
                "contactpersoon.");
        School.Contactpersoon contactpersoon = new School.Contactpersoon(
                yaml.tekst(yaml.verplicht(contact, "naam", velden.get("contactpersoon")), "contactpersoon.naam"),
                email(yaml.verplicht(contact, "email", velden.get("contactpersoon"))));
        Map<String, NodeTuple> melderVelden = yaml.mapping(velden.get("melder").getValueNode(),
                Set.of("naam", "email", "telefoon"), "melder.");
        School.Melder melder = new School.Melder(
                yaml.tekst(yaml.verplicht(melderVelden, "naam", velden.get("melder")), "melder.naam"),
                email(yaml.verplicht(melderVelden, "email", velden.get("melder"))),
                melderVelden.containsKey("telefoon") ? yaml.tekst(melderVelden.get("telefoon"), "melder.telefoon") : null);
        String profiel = velden.containsKey("las_profiel") ? yaml.tekst(velden.get("las_profiel"), "las_profiel") : "standaard";
        if (profielen.vind(profiel).isEmpty()) {
            throw yaml.fout(velden.containsKey("las_profiel") ? velden.get("las_profiel").getValueNode() : node,
                    "las_profiel '" + profiel + "' bestaat niet; bekende profielen (" + profielenHerkomst + "): "
                            + String.join(", ", profielen.namen()));
        }
        Map<DayOfWeek, Integer> lesminuten = lesminuten(velden.get("lesminuten"));
        List<Schoolkalender.Vakantie> vakanties = velden.containsKey("vakanties")
                ? vakanties(velden.get("vakanties").getValueNode()) : List.of();
        Set<LocalDate> vrijeDagen = new LinkedHashSet<>();
        if (velden.containsKey("vrije_dagen")) {
            for (Node dag : yaml.sequence(velden.get("vrije_dagen").getValueNode(), "vrije_dagen")) {
                vrijeDagen.add(datum(dag, "vrije_dagen"));
            }
        }
        boolean meld18 = velden.containsKey("meld_18_plus_16_uur") && bool(velden.get("meld_18_plus_16_uur"));
        School.Verzenden verzenden = velden.containsKey("verzenden")
                ? enumWaarde(velden.get("verzenden"), School.Verzenden.class) : School.Verzenden.AUTOMATISCH;
        Set<Kanaal> kanalen = School.ALLE_KANALEN;
        if (velden.containsKey("kanalen")) {
            kanalen = new LinkedHashSet<>();
            for (Node kanaal : yaml.sequence(velden.get("kanalen").getValueNode(), "kanalen")) {
                String waarde = yaml.scalar(kanaal, "kanalen");
                if (!waarde.equalsIgnoreCase("DUO") && !waarde.equalsIgnoreCase("OT")) {
                    throw yaml.fout(kanaal, "kanalen: '" + waarde + "' is niet toegestaan; kies DUO en/of OT");
                }
                kanalen.add(Kanaal.valueOf(waarde.toUpperCase(Locale.ROOT)));
            }
        }
        LocalDate vanaf = velden.containsKey("meldingen_vanaf")
                ? datum(velden.get("meldingen_vanaf").getValueNode(), "meldingen_vanaf") : null;
        List<Signaalregel> signalen = velden.containsKey("signalen")
                ? signalen(velden.get("signalen").getValueNode(), brin + vestiging) : List.of();
        School.OtIndienen otIndienen = velden.containsKey("ot_indienen")
                ? constante(velden.get("ot_indienen").getValueNode(), School.OtIndienen.class,
                "school " + brin + vestiging + ", ot_indienen")
                : null; // School holds the default
        return new School(brin, vestiging, naam, onderwijssoort, contactpersoon, melder, profiel, lesminuten,
                vakanties, vrijeDagen, meld18, verzenden, kanalen, vanaf, signalen, otIndienen);
    }

    /**
     * The school's own signal rules; an error names the file, the line, the school and the key
     * ({@code scholen.yaml regel 31: school 12AB00, signalen[2].telt: ...}).
     */
    private List<Signaalregel> signalen(Node node, String school) {
        List<Signaalregel> regels = new ArrayList<>();
        Set<String> namen = new LinkedHashSet<>();
        List<Node> lijst = yaml.sequence(node, "signalen");
        for (int i = 0; i < lijst.size(); i++) {
            Node regelNode = lijst.get(i);
            String pad = "school " + school + ", signalen[" + (i + 1) + "]";
            Signaalregel regel = signaalregel(regelNode, pad);
            if (!namen.add(regel.naam())) {
                throw yaml.fout(regelNode, pad + ".naam: " + regel.naam() + " staat er twee keer in");
            }
            regels.add(regel);
        }
        return regels;
    }

    private Signaalregel signaalregel(Node node, String pad) {
        Map<String, NodeTuple> velden = sleutels(node, SIGNAAL_SLEUTELS, pad);
        for (String verplicht : List.of("naam", "codes", "telt")) {
            if (!velden.containsKey(verplicht)) {
                throw yaml.fout(node, pad + ": sleutel '" + verplicht + "' ontbreekt");
            }
        }
        String naam = yaml.tekst(velden.get("naam"), pad + ".naam");
        String titel = velden.containsKey("titel") ? yaml.tekst(velden.get("titel"), pad + ".titel") : null;
        Set<Afwezigheidscode> codes = EnumSet.noneOf(Afwezigheidscode.class);
        for (Node code : yaml.sequence(velden.get("codes").getValueNode(), pad + ".codes")) {
            codes.add(constante(code, Afwezigheidscode.class, pad + ".codes"));
        }
        Signaalregel.Telling telt = constante(velden.get("telt").getValueNode(), Signaalregel.Telling.class,
                pad + ".telt");
        List<Integer> stappen = new ArrayList<>();
        if (velden.containsKey("stappen")) {
            for (Node stap : yaml.sequence(velden.get("stappen").getValueNode(), pad + ".stappen")) {
                stappen.add(getal(stap, pad + ".stappen"));
            }
        }
        Signaalregel.Venster venster = velden.containsKey("venster")
                ? venster(velden.get("venster").getValueNode(), pad + ".venster")
                : telt == Signaalregel.Telling.ZIEKTEDAGEN ? Signaalregel.Venster.ziekmelding() : null;
        Set<Verzuimsoort> wijktVoor = EnumSet.noneOf(Verzuimsoort.class);
        if (velden.containsKey("wijkt_voor")) {
            for (Node soort : yaml.sequence(velden.get("wijkt_voor").getValueNode(), pad + ".wijkt_voor")) {
                wijktVoor.add(constante(soort, Verzuimsoort.class, pad + ".wijkt_voor"));
            }
        }
        try {
            return new Signaalregel(naam, titel, codes, telt, stappen, getal(velden, "daarna_elke", pad),
                    getal(velden, "na_de_eerste", pad), getal(velden, "laatste", pad), getal(velden, "minstens", pad),
                    venster, wijktVoor);
        } catch (IllegalArgumentException e) {
            // the rule names the key that is wrong ("signaal TE_LAAT, stappen [3, 2]: ..."); the reader adds where
            throw yaml.fout(node, pad + ": " + e.getMessage());
        }
    }

    /** {@code schooljaar}, or one of {@code {lesweken: N}}, {@code {kalenderdagen: N}}, {@code {kalendermaanden: N}}. */
    private Signaalregel.Venster venster(Node node, String pad) {
        Signaalregel.Venster.Eenheid eenheid;
        int aantal;
        if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
            String waarde = yaml.scalar(node, pad).trim();
            if (!waarde.equals("schooljaar")) {
                throw yaml.fout(node, pad + ": '" + waarde + "' is niet toegestaan; kies schooljaar, {lesweken: N},"
                        + " {kalenderdagen: N} of {kalendermaanden: N}");
            }
            eenheid = Signaalregel.Venster.Eenheid.SCHOOLJAAR;
            aantal = 1;
        } else {
            Map<String, NodeTuple> velden = sleutels(node, Set.of("lesweken", "kalenderdagen", "kalendermaanden"), pad);
            if (velden.size() != 1) {
                throw yaml.fout(node, pad + ": geef één van lesweken, kalenderdagen of kalendermaanden");
            }
            Map.Entry<String, NodeTuple> enige = velden.entrySet().iterator().next();
            eenheid = Signaalregel.Venster.Eenheid.valueOf(enige.getKey().toUpperCase(Locale.ROOT));
            aantal = getal(enige.getValue().getValueNode(), pad + "." + enige.getKey());
        }
        try {
            return new Signaalregel.Venster(eenheid, aantal);
        } catch (IllegalArgumentException e) {
            throw yaml.fout(node, pad + ": " + e.getMessage());
        }
    }

    /** A mapping whose unknown key is an error naming school and rule: "school 12AB00, signalen[2]: onbekende sleutel". */
    private Map<String, NodeTuple> sleutels(Node node, Set<String> toegestaan, String pad) {
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            throw yaml.fout(node, pad + ": verwacht sleutels en waarden");
        }
        Map<String, NodeTuple> velden = yaml.mapping(node, null, pad);
        for (Map.Entry<String, NodeTuple> veld : velden.entrySet()) {
            if (!toegestaan.contains(veld.getKey())) {
                throw yaml.fout(veld.getValue().getKeyNode(), pad + ": onbekende sleutel '" + veld.getKey()
                        + "'; bekend: " + String.join(", ", new java.util.TreeSet<>(toegestaan)));
            }
        }
        return velden;
    }

    private int getal(Map<String, NodeTuple> velden, String sleutel, String pad) {
        return velden.containsKey(sleutel) ? getal(velden.get(sleutel).getValueNode(), pad + "." + sleutel) : 0;
    }

    private int getal(Node node, String pad) {
        String tekst = yaml.scalar(node, pad).trim();
        try {
            return Integer.parseInt(tekst);
        } catch (NumberFormatException e) {
            throw yaml.fout(node, pad + ": '" + tekst + "' is geen geheel getal");
        }
    }

    /** An enum constant by its name, case ignored; else an error listing what is allowed. */
    private <E extends Enum<E>> E constante(Node node, Class<E> type, String pad) {
        String waarde = yaml.scalar(node, pad).trim();
        for (E constante : type.getEnumConstants()) {
            if (constante.name().equalsIgnoreCase(waarde)) {
                return constante;
            }
        }
        List<String> toegestaan = new ArrayList<>();
        for (E constante : type.getEnumConstants()) {
            toegestaan.add(type == Signaalregel.Telling.class || type == School.OtIndienen.class
                    ? constante.name().toLowerCase(Locale.ROOT) : constante.name());
        }
        throw yaml.fout(node, pad + ": '" + waarde + "' is niet toegestaan; kies " + String.join(" | ", toegestaan));
    }

    private Map<DayOfWeek, Integer> lesminuten(NodeTuple tuple) {
        Map<String, NodeTuple> dagen = yaml.mapping(tuple.getValueNode(), DAGEN.keySet(), "lesminuten.");
        Map<DayOfWeek, Integer> lesminuten = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, NodeTuple> dag : dagen.entrySet()) {
            Node waarde = dag.getValue().getValueNode();
            String tekst = yaml.scalar(waarde, "lesminuten." + dag.getKey());
            int minuten;
            try {
                minuten = Integer.parseInt(tekst);
            } catch (NumberFormatException e) {
                throw yaml.fout(waarde, "lesminuten." + dag.getKey() + " '" + tekst + "' is geen geheel getal");
            }
            if (minuten < 0 || minuten > 24 * 60) {
                throw yaml.fout(waarde, "lesminuten." + dag.getKey() + " " + minuten + " ligt niet tussen 0 en 1440");
            }
            lesminuten.put(DAGEN.get(dag.getKey()), minuten);
        }
        if (lesminuten.values().stream().noneMatch(m -> m > 0)) {
            throw yaml.fout(tuple.getValueNode(), "lesminuten: geen enkele dag heeft lesminuten");
        }
        return lesminuten;
    }

    private List<Schoolkalender.Vakantie> vakanties(Node node) {
        List<Schoolkalender.Vakantie> vakanties = new ArrayList<>();
        for (Node vakantieNode : yaml.sequence(node, "vakanties")) {
            Map<String, NodeTuple> velden = yaml.mapping(vakantieNode, Set.of("naam", "van", "tot"), "vakanties[].");
            String naam = velden.containsKey("naam") ? yaml.tekst(velden.get("naam"), "vakanties[].naam") : "vakantie";
            LocalDate van = datum(yaml.verplicht(velden, "van", vakantieNode).getValueNode(), "vakanties[].van");
            LocalDate tot = datum(yaml.verplicht(velden, "tot", vakantieNode).getValueNode(), "vakanties[].tot");
            if (tot.isBefore(van)) {
                throw yaml.fout(vakantieNode, "vakantie '" + naam + "': 'tot' ligt voor 'van'");
            }
            vakanties.add(new Schoolkalender.Vakantie(naam, van, tot));
        }
        return vakanties;
    }

    private String email(NodeTuple tuple) {
        String waarde = yaml.tekst(tuple, "email");
        if (!EMAIL.matcher(waarde).matches()) {
            throw yaml.fout(tuple.getValueNode(), "'" + waarde + "' is geen e-mailadres");
        }
        return waarde;
    }

    private boolean bool(NodeTuple tuple) {
        String waarde = yaml.scalar(tuple.getValueNode(), "").toLowerCase(Locale.ROOT);
        return switch (waarde) {
            case "true", "ja", "yes" -> true;
            case "false", "nee", "no" -> false;
            default -> throw yaml.fout(tuple.getValueNode(), "'" + waarde + "' is geen true of false");
        };
    }

    private <E extends Enum<E>> E enumWaarde(NodeTuple tuple, Class<E> type) {
        String waarde = yaml.scalar(tuple.getValueNode(), "");
        for (E constante : type.getEnumConstants()) {
            if (constante.name().equalsIgnoreCase(waarde)) {
                return constante;
            }
        }
        StringBuilder toegestaan = new StringBuilder();
        for (E constante : type.getEnumConstants()) {
            toegestaan.append(toegestaan.isEmpty() ? "" : " | ").append(constante.name().toLowerCase(Locale.ROOT));
        }
        throw yaml.fout(tuple.getValueNode(), "'" + waarde + "' is niet toegestaan; kies " + toegestaan);
    }

    private LocalDate datum(Node node, String pad) {
        String waarde = yaml.scalar(node, pad);
        try {
            return LocalDate.parse(waarde);
        } catch (DateTimeParseException e) {
            throw yaml.fout(node, pad + " '" + waarde + "' is geen datum (jjjj-mm-dd)");
        }
    }

}
