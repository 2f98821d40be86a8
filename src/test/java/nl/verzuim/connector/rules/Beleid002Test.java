package nl.verzuim.connector.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import nl.verzuim.connector.rules.Signaalregel.Telling;
import nl.verzuim.connector.rules.Signaalregel.Venster;

/**
 * The README's example is one policy in two forms: {@link Beleid002#YAML} read key for key onto {@link Signaalregel}
 * is {@link Beleid002#REGELS}. The reading here is the plain mapping of the {@code signalen:} shape (every key a
 * component of the rule). The schools file's reader, which adds file, line, school and key to its errors, reads the
 * same example in {@code SchoolconfiguratieLezerTest}.
 */
class Beleid002Test {

    private static final Set<String> SLEUTELS = Set.of("naam", "titel", "codes", "telt", "stappen", "daarna_elke",
            "na_de_eerste", "laatste", "minstens", "venster", "wijkt_voor");

    @Test
    void deYamlIsHetzelfdeBeleidAlsDeJava() {
        Map<String, Object> document = new Yaml().load(Beleid002.YAML);
        List<Signaalregel> gelezen = new ArrayList<>();
        for (Object regel : (List<?>) document.get("signalen")) {
            gelezen.add(regel((Map<?, ?>) regel));
        }
        assertThat(gelezen).isEqualTo(Beleid002.REGELS);
    }

    private static Signaalregel regel(Map<?, ?> velden) {
        assertThat(SLEUTELS).as("every key of the example is a component of the rule").containsAll(tekst(velden.keySet()));
        Set<Afwezigheidscode> codes = EnumSet.noneOf(Afwezigheidscode.class);
        for (Object code : (List<?>) velden.get("codes")) {
            codes.add(Afwezigheidscode.valueOf((String) code));
        }
        Telling telt = Telling.valueOf(((String) velden.get("telt")).toUpperCase(Locale.ROOT));
        List<Integer> stappen = new ArrayList<>();
        if (velden.containsKey("stappen")) {
            for (Object stap : (List<?>) velden.get("stappen")) {
                stappen.add((Integer) stap);
            }
        }
        Object v = velden.get("venster");
        Venster venster;
        if (v == null) {
            venster = Venster.ziekmelding();
        } else if (v instanceof Map<?, ?> m) {
            Map.Entry<?, ?> e = m.entrySet().iterator().next();
            venster = new Venster(Venster.Eenheid.valueOf(((String) e.getKey()).toUpperCase(Locale.ROOT)),
                    (Integer) e.getValue());
        } else {
            venster = new Venster(Venster.Eenheid.valueOf(((String) v).toUpperCase(Locale.ROOT)), 1);
        }
        Set<Verzuimsoort> wijktVoor = EnumSet.noneOf(Verzuimsoort.class);
        if (velden.containsKey("wijkt_voor")) {
            for (Object soort : (List<?>) velden.get("wijkt_voor")) {
                wijktVoor.add(Verzuimsoort.valueOf((String) soort));
            }
        }
        return new Signaalregel((String) velden.get("naam"), (String) velden.get("titel"), codes, telt, stappen,
                getal(velden, "daarna_elke"), getal(velden, "na_de_eerste"), getal(velden, "laatste"),
                getal(velden, "minstens"), venster, wijktVoor);
    }

    private static int getal(Map<?, ?> velden, String sleutel) {
        Object waarde = velden.get(sleutel);
        return waarde == null ? 0 : (Integer) waarde;
    }

    private static List<String> tekst(Set<?> sleutels) {
        return sleutels.stream().map(String::valueOf).toList();
    }
}
