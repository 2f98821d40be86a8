package nl.verzuim.connector.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.rules.Uitleg;

/** Dutch words for codes on the page ({@code @weergave} in templates); an unknown code is shown as it is. */
@Component("weergave")
public class Weergave {

    private static final Map<String, String> SOORTEN = Map.ofEntries(
            Map.entry("RELATIEF_16_UUR", "16 uur in 4 lesweken"),
            Map.entry("LANGDURIG_RELATIEF", "Langdurig relatief verzuim"),
            Map.entry("LUXE", "Luxe verzuim"),
            Map.entry("OVERIG", "Overig verzuim"),
            Map.entry("RMC", "RMC (18 t/m 22 jaar)"),
            Map.entry("A_LANGDURIG_RELATIEF_VERZUIM", "Zorgwekkend verzuim, categorie A"),
            Map.entry("B_LANGDURIG_GEOORLOOFD_VERZUIM", "Zorgwekkend verzuim, categorie B"),
            Map.entry("ZAS_4E_ZIEKMELDING_IN_12_WEKEN", "ZAS: 4e ziekmelding in 12 weken"),
            Map.entry("ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN", "ZAS: 7e ziektedag aaneengesloten"));

    private static final Map<String, String> STATUSSEN = Map.ofEntries(
            Map.entry("ONVOLLEDIG", "Onvolledig"),
            Map.entry("WACHT_OP_GOEDKEURING", "Wacht op goedkeuring"),
            Map.entry("WACHT_OP_AANVULLING", "Wacht op aanvulling (OT)"),
            Map.entry("TE_VERZENDEN", "Wordt verzonden"),
            Map.entry("VERZONDEN", "Verzonden"),
            Map.entry("MISLUKT", "Mislukt"),
            Map.entry("INGETROKKEN", "Ingetrokken"),
            Map.entry("GESIGNALEERD", "Signaal voor de school"),
            Map.entry("BESPROKEN", "Signaal besproken"),
            Map.entry("VERVALLEN", "Vervallen (niet verzonden)"),
            Map.entry("HISTORISCH", "Historisch (voor de start)"));

    private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final ZoneId zone;

    public Weergave(ConnectorInstellingen instellingen) {
        this.zone = ZoneId.of(instellingen.tijdzone());
    }

    public String soort(String code) {
        return code == null ? "" : SOORTEN.getOrDefault(code, code);
    }

    public String status(String code) {
        return code == null ? "" : STATUSSEN.getOrDefault(code, code);
    }

    public String datum(java.time.LocalDate dag) {
        return dag == null ? "" : Uitleg.datum(dag);
    }

    public String tijd(Instant tijdstip) {
        return tijdstip == null ? "" : TIJD.format(tijdstip.atZone(zone));
    }
}
