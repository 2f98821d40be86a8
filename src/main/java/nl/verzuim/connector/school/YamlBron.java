package nl.verzuim.connector.school;

import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One configuration file read as YAML nodes, so that every error can name the file and the line. Only the keys a
 * caller allows are accepted; anything else is an error, never silently ignored.
 */
final class YamlBron {

    private final String bestandsnaam;

    YamlBron(String bestandsnaam) {
        this.bestandsnaam = bestandsnaam;
    }

    String bestandsnaam() {
        return bestandsnaam;
    }

    /** The document's root node, or null for an empty file. Aliases and size are bounded. */
    Node wortel(Reader reader) {
        LoaderOptions opties = new LoaderOptions();
        opties.setAllowDuplicateKeys(false);
        opties.setMaxAliasesForCollections(10);
        opties.setCodePointLimit(1_000_000);
        try {
            return new Yaml(opties).compose(reader);
        } catch (MarkedYAMLException e) {
            String plaats = e.getProblemMark() == null ? bestandsnaam
                    : bestandsnaam + " regel " + (e.getProblemMark().getLine() + 1);
            throw new SchoolconfiguratieFout(plaats + ": geen geldige YAML: " + e.getProblem(), e);
        } catch (RuntimeException e) {
            throw new SchoolconfiguratieFout(bestandsnaam + ": geen geldige YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    Map<String, NodeTuple> mapping(Node node, Set<String> toegestaan, String pad) {
        if (!(node instanceof MappingNode mappingNode)) {
            throw fout(node, "verwacht sleutels en waarden onder '" + pad + "'");
        }
        Map<String, NodeTuple> velden = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            String sleutel = scalar(tuple.getKeyNode(), pad);
            if (toegestaan != null && !toegestaan.contains(sleutel)) {
                throw fout(tuple.getKeyNode(), "onbekende sleutel '" + pad + sleutel + "'");
            }
            velden.put(sleutel, tuple);
        }
        return velden;
    }

    List<Node> sequence(Node node, String pad) {
        if (!(node instanceof SequenceNode sequenceNode)) {
            throw fout(node, "'" + pad + "' moet een lijst zijn");
        }
        return sequenceNode.getValue();
    }

    NodeTuple verplicht(Map<String, NodeTuple> velden, String sleutel, Object ouder) {
        NodeTuple tuple = velden.get(sleutel);
        if (tuple == null) {
            Node node = ouder instanceof NodeTuple t ? t.getKeyNode() : (Node) ouder;
            throw fout(node, "sleutel '" + sleutel + "' ontbreekt");
        }
        return tuple;
    }

    /** A non-blank single value, trimmed. */
    String tekst(NodeTuple tuple, String pad) {
        String waarde = scalar(tuple.getValueNode(), pad);
        if (waarde.isBlank()) {
            throw fout(tuple.getValueNode(), pad + " is leeg");
        }
        return waarde.trim();
    }

    String scalar(Node node, String pad) {
        if (!(node instanceof ScalarNode scalarNode)) {
            throw fout(node, "verwacht een enkele waarde bij '" + pad + "'");
        }
        return scalarNode.getValue();
    }

    SchoolconfiguratieFout fout(Node node, String reden) {
        String plaats = node == null ? bestandsnaam : bestandsnaam + " regel " + (node.getStartMark().getLine() + 1);
        return new SchoolconfiguratieFout(plaats + ": " + reden);
    }
}
