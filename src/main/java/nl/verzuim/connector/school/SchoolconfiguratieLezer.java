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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import nl.verzuim.connector.rules.Schoolkalender;

/**
 * Reads the schools file (las-input.md §3). Every key is read; an unknown or missing key, or a value that does
 * not fit, is an error naming the file and the line — at start-up, before anything is judged.
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
            "meld_18_plus_16_uur", "verzenden");
    private static final Set<String> VERPLICHT = Set.of("brin", "vestiging", "naam", "onderwijssoort",
            "contactpersoon", "melder", "lesminuten");

    private final String bestandsnaam;

    private SchoolconfiguratieLezer(String bestandsnaam) {
        this.bestandsnaam = bestandsnaam;
    }

    public static Scholen lees(Path bestand) {
        String naam = bestand.getFileName() == null ? bestand.toString() : bestand.getFileName().toString();
        if (!Files.isRegularFile(bestand)) {
            throw new SchoolconfiguratieFout("Schoolconfiguratie " + bestand + " bestaat niet of is geen bestand"
                    + " (instelling connector.schools)");
        }
        try (Reader reader = Files.newBufferedReader(bestand, StandardCharsets.UTF_8)) {
            return lees(reader, naam);
        } catch (IOException e) {
            throw new SchoolconfiguratieFout("Schoolconfiguratie " + bestand + " kan niet gelezen worden: "
                    + e.getMessage(), e);
        }
    }

    public static Scholen lees(Reader reader, String bestandsnaam) {
        return new SchoolconfiguratieLezer(bestandsnaam).leesDocument(reader);
    }

    private Scholen leesDocument(Reader reader) {
        LoaderOptions opties = new LoaderOptions();
        opties.setAllowDuplicateKeys(false);
        opties.setMaxAliasesForCollections(10);
        opties.setCodePointLimit(1_000_000);
        Node wortel;
        try {
            wortel = new Yaml(opties).compose(reader);
        } catch (RuntimeException e) {
            throw new SchoolconfiguratieFout(bestandsnaam + ": geen geldige YAML: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (wortel == null) {
            throw fout(null, "het bestand is leeg; verwacht 'scholen:'");
        }
        Map<String, NodeTuple> top = mapping(wortel, Set.of("scholen"), "");
        NodeTuple scholenNode = top.get("scholen");
        if (scholenNode == null) {
            throw fout(wortel, "sleutel 'scholen' ontbreekt");
        }
        List<School> scholen = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Node schoolNode : sequence(scholenNode.getValueNode(), "scholen")) {
            School school = school(schoolNode);
            if (!codes.add(school.code())) {
                throw fout(schoolNode, "school " + school.code() + " staat er twee keer in");
            }
            scholen.add(school);
        }
        if (scholen.isEmpty()) {
            throw fout(scholenNode.getValueNode(), "'scholen' bevat geen school");
        }
        return new Scholen(scholen);
    }

    private School school(Node node) {
        Map<String, NodeTuple> velden = mapping(node, SCHOOL_SLEUTELS, "scholen[].");
        for (String verplicht : VERPLICHT) {
            if (!velden.containsKey(verplicht)) {
                throw fout(node, "sleutel '" + verplicht + "' ontbreekt bij deze school");
            }
        }
        String brin = tekst(velden.get("brin"), "brin");
        if (!BRIN.matcher(brin).matches()) {
            throw fout(velden.get("brin").getValueNode(), "brin '" + brin + "' past niet bij [0-9]{2}[A-Z]{2}");
        }
        String vestiging = tekst(velden.get("vestiging"), "vestiging");
        if (!VESTIGING.matcher(vestiging).matches()) {
            throw fout(velden.get("vestiging").getValueNode(),
                    "vestiging '" + vestiging + "' moet twee cijfers zijn (schrijf \"00\" tussen aanhalingstekens)");
        }
        String naam = tekst(velden.get("naam"), "naam");
        School.Onderwijssoort onderwijssoort = enumWaarde(velden.get("onderwijssoort"), School.Onderwijssoort.class);
        Map<String, NodeTuple> contact = mapping(velden.get("contactpersoon").getValueNode(), Set.of("naam", "email"),
                "contactpersoon.");
        School.Contactpersoon contactpersoon = new School.Contactpersoon(
                tekst(verplicht(contact, "naam", velden.get("contactpersoon")), "contactpersoon.naam"),
                email(verplicht(contact, "email", velden.get("contactpersoon"))));
        Map<String, NodeTuple> melderVelden = mapping(velden.get("melder").getValueNode(),
                Set.of("naam", "email", "telefoon"), "melder.");
        School.Melder melder = new School.Melder(
                tekst(verplicht(melderVelden, "naam", velden.get("melder")), "melder.naam"),
                email(verplicht(melderVelden, "email", velden.get("melder"))),
                melderVelden.containsKey("telefoon") ? tekst(melderVelden.get("telefoon"), "melder.telefoon") : null);
        String profiel = velden.containsKey("las_profiel") ? tekst(velden.get("las_profiel"), "las_profiel") : "standaard";
        Map<DayOfWeek, Integer> lesminuten = lesminuten(velden.get("lesminuten"));
        List<Schoolkalender.Vakantie> vakanties = velden.containsKey("vakanties")
                ? vakanties(velden.get("vakanties").getValueNode()) : List.of();
        Set<LocalDate> vrijeDagen = new LinkedHashSet<>();
        if (velden.containsKey("vrije_dagen")) {
            for (Node dag : sequence(velden.get("vrije_dagen").getValueNode(), "vrije_dagen")) {
                vrijeDagen.add(datum(dag, "vrije_dagen"));
            }
        }
        boolean meld18 = velden.containsKey("meld_18_plus_16_uur") && bool(velden.get("meld_18_plus_16_uur"));
        School.Verzenden verzenden = velden.containsKey("verzenden")
                ? enumWaarde(velden.get("verzenden"), School.Verzenden.class) : School.Verzenden.AUTOMATISCH;
        return new School(brin, vestiging, naam, onderwijssoort, contactpersoon, melder, profiel, lesminuten,
                vakanties, vrijeDagen, meld18, verzenden);
    }

    private Map<DayOfWeek, Integer> lesminuten(NodeTuple tuple) {
        Map<String, NodeTuple> dagen = mapping(tuple.getValueNode(), DAGEN.keySet(), "lesminuten.");
        Map<DayOfWeek, Integer> lesminuten = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, NodeTuple> dag : dagen.entrySet()) {
            Node waarde = dag.getValue().getValueNode();
            String tekst = scalar(waarde, "lesminuten." + dag.getKey());
            int minuten;
            try {
                minuten = Integer.parseInt(tekst);
            } catch (NumberFormatException e) {
                throw fout(waarde, "lesminuten." + dag.getKey() + " '" + tekst + "' is geen geheel getal");
            }
            if (minuten < 0 || minuten > 24 * 60) {
                throw fout(waarde, "lesminuten." + dag.getKey() + " " + minuten + " ligt niet tussen 0 en 1440");
            }
            lesminuten.put(DAGEN.get(dag.getKey()), minuten);
        }
        if (lesminuten.values().stream().noneMatch(m -> m > 0)) {
            throw fout(tuple.getValueNode(), "lesminuten: geen enkele dag heeft lesminuten");
        }
        return lesminuten;
    }

    private List<Schoolkalender.Vakantie> vakanties(Node node) {
        List<Schoolkalender.Vakantie> vakanties = new ArrayList<>();
        for (Node vakantieNode : sequence(node, "vakanties")) {
            Map<String, NodeTuple> velden = mapping(vakantieNode, Set.of("naam", "van", "tot"), "vakanties[].");
            String naam = velden.containsKey("naam") ? tekst(velden.get("naam"), "vakanties[].naam") : "vakantie";
            LocalDate van = datum(verplicht(velden, "van", vakantieNode).getValueNode(), "vakanties[].van");
            LocalDate tot = datum(verplicht(velden, "tot", vakantieNode).getValueNode(), "vakanties[].tot");
            if (tot.isBefore(van)) {
                throw fout(vakantieNode, "vakantie '" + naam + "': 'tot' ligt voor 'van'");
            }
            vakanties.add(new Schoolkalender.Vakantie(naam, van, tot));
        }
        return vakanties;
    }

    private Map<String, NodeTuple> mapping(Node node, Set<String> toegestaan, String pad) {
        if (!(node instanceof MappingNode mappingNode)) {
            throw fout(node, "verwacht sleutels en waarden onder '" + pad + "'");
        }
        Map<String, NodeTuple> velden = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            String sleutel = scalar(tuple.getKeyNode(), pad);
            if (!toegestaan.contains(sleutel)) {
                throw fout(tuple.getKeyNode(), "onbekende sleutel '" + pad + sleutel + "'");
            }
            velden.put(sleutel, tuple);
        }
        return velden;
    }

    private List<Node> sequence(Node node, String pad) {
        if (!(node instanceof SequenceNode sequenceNode)) {
            throw fout(node, "'" + pad + "' moet een lijst zijn");
        }
        return sequenceNode.getValue();
    }

    private NodeTuple verplicht(Map<String, NodeTuple> velden, String sleutel, Object ouder) {
        NodeTuple tuple = velden.get(sleutel);
        if (tuple == null) {
            Node node = ouder instanceof NodeTuple t ? t.getKeyNode() : (Node) ouder;
            throw fout(node, "sleutel '" + sleutel + "' ontbreekt");
        }
        return tuple;
    }

    private String tekst(NodeTuple tuple, String pad) {
        String waarde = scalar(tuple.getValueNode(), pad);
        if (waarde.isBlank()) {
            throw fout(tuple.getValueNode(), pad + " is leeg");
        }
        return waarde.trim();
    }

    private String email(NodeTuple tuple) {
        String waarde = tekst(tuple, "email");
        if (!EMAIL.matcher(waarde).matches()) {
            throw fout(tuple.getValueNode(), "'" + waarde + "' is geen e-mailadres");
        }
        return waarde;
    }

    private boolean bool(NodeTuple tuple) {
        String waarde = scalar(tuple.getValueNode(), "").toLowerCase(Locale.ROOT);
        return switch (waarde) {
            case "true", "ja", "yes" -> true;
            case "false", "nee", "no" -> false;
            default -> throw fout(tuple.getValueNode(), "'" + waarde + "' is geen true of false");
        };
    }

    private <E extends Enum<E>> E enumWaarde(NodeTuple tuple, Class<E> type) {
        String waarde = scalar(tuple.getValueNode(), "");
        for (E constante : type.getEnumConstants()) {
            if (constante.name().equalsIgnoreCase(waarde)) {
                return constante;
            }
        }
        StringBuilder toegestaan = new StringBuilder();
        for (E constante : type.getEnumConstants()) {
            toegestaan.append(toegestaan.isEmpty() ? "" : " | ").append(constante.name().toLowerCase(Locale.ROOT));
        }
        throw fout(tuple.getValueNode(), "'" + waarde + "' is niet toegestaan; kies " + toegestaan);
    }

    private LocalDate datum(Node node, String pad) {
        String waarde = scalar(node, pad);
        try {
            return LocalDate.parse(waarde);
        } catch (DateTimeParseException e) {
            throw fout(node, pad + " '" + waarde + "' is geen datum (jjjj-mm-dd)");
        }
    }

    private String scalar(Node node, String pad) {
        if (!(node instanceof ScalarNode scalarNode)) {
            throw fout(node, "verwacht een enkele waarde bij '" + pad + "'");
        }
        return scalarNode.getValue();
    }

    private SchoolconfiguratieFout fout(Node node, String reden) {
        String plaats = node == null ? bestandsnaam : bestandsnaam + " regel " + (node.getStartMark().getLine() + 1);
        return new SchoolconfiguratieFout(plaats + ": " + reden);
    }
}
