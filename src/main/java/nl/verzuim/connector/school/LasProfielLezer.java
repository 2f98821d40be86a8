package nl.verzuim.connector.school;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Vervangt;

/**
 * Reads a file of CSV profiles ({@code profielen:} with one entry per LAS layout). Every key is read; an unknown or
 * missing key, an unknown meaning, a date format without a day, or a code listed twice is an error naming the file
 * and the line — at start-up, before any CSV is read.
 */
public final class LasProfielLezer {

    private static final Set<String> SLEUTELS = Set.of("naam", "scheidingsteken", "codering", "datumformaat",
            "tijdformaat", "kolommen", "codes", "vervangt");

    private final YamlBron yaml;

    private LasProfielLezer(String bestandsnaam) {
        this.yaml = new YamlBron(bestandsnaam);
    }

    /** A profile as read, with the line it starts on (for errors about it found later). */
    record Gelezen(LasProfiel profiel, int regel) {
    }

    public static List<LasProfiel> lees(Path bestand) {
        return leesMetRegels(bestand).stream().map(Gelezen::profiel).toList();
    }

    static List<Gelezen> leesMetRegels(Path bestand) {
        String naam = bestand.getFileName() == null ? bestand.toString() : bestand.getFileName().toString();
        if (!Files.isRegularFile(bestand)) {
            throw new SchoolconfiguratieFout("LAS-profielen " + bestand + " bestaat niet of is geen bestand"
                    + " (instelling connector.las-profielen)");
        }
        try (Reader reader = Files.newBufferedReader(bestand, StandardCharsets.UTF_8)) {
            return leesMetRegels(reader, naam);
        } catch (IOException e) {
            throw new SchoolconfiguratieFout("LAS-profielen " + bestand + " kunnen niet gelezen worden: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    public static List<LasProfiel> lees(Reader reader, String bestandsnaam) {
        return leesMetRegels(reader, bestandsnaam).stream().map(Gelezen::profiel).toList();
    }

    static List<Gelezen> leesMetRegels(Reader reader, String bestandsnaam) {
        return new LasProfielLezer(bestandsnaam).leesDocument(reader);
    }

    private List<Gelezen> leesDocument(Reader reader) {
        Node wortel = yaml.wortel(reader);
        if (wortel == null) {
            throw yaml.fout(null, "het bestand is leeg; verwacht 'profielen:'");
        }
        Map<String, NodeTuple> top = yaml.mapping(wortel, Set.of("profielen"), "");
        NodeTuple lijst = yaml.verplicht(top, "profielen", wortel);
        List<Gelezen> profielen = new ArrayList<>();
        Map<String, Integer> namen = new HashMap<>();
        for (Node node : yaml.sequence(lijst.getValueNode(), "profielen")) {
            LasProfiel profiel = profiel(node);
            Integer eerder = namen.putIfAbsent(profiel.naam(), regel(node));
            if (eerder != null) {
                throw yaml.fout(node, "profiel '" + profiel.naam() + "' staat er twee keer in (ook op regel " + eerder + ")");
            }
            profielen.add(new Gelezen(profiel, regel(node)));
        }
        return profielen;
    }

    private LasProfiel profiel(Node node) {
        Map<String, NodeTuple> velden = yaml.mapping(node, SLEUTELS, "profielen[].");
        for (String verplicht : List.of("naam", "kolommen", "codes")) {
            yaml.verplicht(velden, verplicht, node);
        }
        String naam = yaml.tekst(velden.get("naam"), "naam");
        char scheidingsteken = velden.containsKey("scheidingsteken") ? scheidingsteken(velden.get("scheidingsteken")) : ';';
        Charset codering = velden.containsKey("codering") ? codering(velden.get("codering")) : StandardCharsets.UTF_8;
        String datumformaat = velden.containsKey("datumformaat") ? yaml.tekst(velden.get("datumformaat"), "datumformaat")
                : "yyyy-MM-dd";
        try {
            LasProfiel.datumFormatter(datumformaat);
        } catch (IllegalArgumentException e) {
            throw yaml.fout(velden.get("datumformaat").getValueNode(), e.getMessage());
        }
        String tijdformaat = velden.containsKey("tijdformaat") ? yaml.tekst(velden.get("tijdformaat"), "tijdformaat")
                : "HH:mm";
        try {
            LasProfiel.tijdFormatter(tijdformaat);
        } catch (IllegalArgumentException e) {
            throw yaml.fout(velden.get("tijdformaat").getValueNode(), e.getMessage());
        }
        Map<String, String> kolommen = kolommen(velden.get("kolommen"));
        Map<String, Afwezigheidscode> codes = codes(velden.get("codes"));
        try {
            return new LasProfiel(naam, scheidingsteken, kolommen, datumformaat, tijdformaat, codering, codes,
                    velden.containsKey("vervangt") ? vervangt(velden.get("vervangt")) : Vervangt.SCHOOL);
        } catch (IllegalArgumentException e) {
            throw yaml.fout(node, e.getMessage());
        }
    }

    private Vervangt vervangt(NodeTuple tuple) {
        String waarde = yaml.scalar(tuple.getValueNode(), "vervangt");
        for (Vervangt v : Vervangt.values()) {
            if (v.name().equalsIgnoreCase(waarde.trim())) {
                return v;
            }
        }
        throw yaml.fout(tuple.getValueNode(), "vervangt moet school, leerlingen of niets zijn");
    }

    private char scheidingsteken(NodeTuple tuple) {
        String waarde = yaml.scalar(tuple.getValueNode(), "scheidingsteken");
        if ("\\t".equals(waarde) || "tab".equalsIgnoreCase(waarde)) {
            return '\t';
        }
        if (waarde.length() != 1 || waarde.charAt(0) == '"' || waarde.charAt(0) == '\n' || waarde.charAt(0) == '\r') {
            throw yaml.fout(tuple.getValueNode(), "scheidingsteken moet één teken zijn, zoals \";\" of \",\" (of \"tab\")");
        }
        return waarde.charAt(0);
    }

    private Charset codering(NodeTuple tuple) {
        String waarde = yaml.tekst(tuple, "codering");
        try {
            return Charset.forName(waarde);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw yaml.fout(tuple.getValueNode(), "codering '" + waarde + "' is onbekend; gebruik UTF-8 of windows-1252");
        }
    }

    private Map<String, String> kolommen(NodeTuple tuple) {
        Map<String, NodeTuple> velden = yaml.mapping(tuple.getValueNode(), Set.copyOf(LasProfiel.VELDEN), "kolommen.");
        Map<String, String> kolommen = new LinkedHashMap<>();
        Map<String, String> gebruikt = new HashMap<>();
        for (Map.Entry<String, NodeTuple> veld : velden.entrySet()) {
            String kolom = yaml.tekst(veld.getValue(), "kolommen." + veld.getKey());
            String eerder = gebruikt.put(kolom.toLowerCase(Locale.ROOT), veld.getKey());
            if (eerder != null) {
                throw yaml.fout(veld.getValue().getValueNode(), "kolom '" + kolom + "' is al gebruikt voor '" + eerder + "'");
            }
            kolommen.put(veld.getKey(), kolom);
        }
        for (String verplicht : LasProfiel.VERPLICHT) {
            if (!kolommen.containsKey(verplicht)) {
                throw yaml.fout(tuple.getKeyNode(), "kolommen: '" + verplicht + "' ontbreekt (verplicht: "
                        + String.join(", ", LasProfiel.VERPLICHT) + ")");
            }
        }
        return kolommen;
    }

    private Map<String, Afwezigheidscode> codes(NodeTuple tuple) {
        Map<String, NodeTuple> velden = yaml.mapping(tuple.getValueNode(), null, "codes.");
        if (velden.isEmpty()) {
            throw yaml.fout(tuple.getKeyNode(), "codes: geen enkele code");
        }
        Map<String, Afwezigheidscode> codes = new LinkedHashMap<>();
        Map<String, Integer> gezien = new HashMap<>();
        for (Map.Entry<String, NodeTuple> code : velden.entrySet()) {
            String lasCode = code.getKey().trim();
            Node waardeNode = code.getValue().getValueNode();
            if (lasCode.isEmpty()) {
                throw yaml.fout(code.getValue().getKeyNode(), "codes: een lege code");
            }
            Integer eerder = gezien.putIfAbsent(lasCode.toUpperCase(Locale.ROOT), regel(code.getValue().getKeyNode()));
            if (eerder != null) {
                throw yaml.fout(code.getValue().getKeyNode(), "code '" + lasCode + "' staat er al (regel " + eerder
                        + "; hoofdletters tellen niet)");
            }
            String betekenis = yaml.scalar(waardeNode, "codes." + lasCode).trim();
            codes.put(lasCode, betekenisVan(betekenis, waardeNode, lasCode));
        }
        return codes;
    }

    private Afwezigheidscode betekenisVan(String betekenis, Node node, String lasCode) {
        for (Afwezigheidscode code : Afwezigheidscode.values()) {
            if (code.name().equals(betekenis)) {
                return code;
            }
        }
        List<String> toegestaan = new ArrayList<>();
        for (Afwezigheidscode code : Afwezigheidscode.values()) {
            toegestaan.add(code.name());
        }
        throw yaml.fout(node, "code '" + lasCode + "': betekenis '" + betekenis + "' is onbekend; kies "
                + String.join(" | ", toegestaan) + " (las-input.md §2)");
    }

    private static int regel(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
