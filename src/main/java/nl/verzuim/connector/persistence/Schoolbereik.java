package nl.verzuim.connector.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which schools a person may see and act on (AVG need to know, domain §5): the whole board, or a list of schools
 * (BRIN + vestiging, {@code 00YY00}; a bare BRIN {@code 00YY} stands for all its vestigingen). Every query of the
 * page and the API takes one and filters in SQL ({@link #sql}), so another school's rows are never loaded, never
 * counted and never named in an error.
 *
 * @param scholen null for the whole board; otherwise the school codes, upper case
 */
public record Schoolbereik(Set<String> scholen) {

    /** An account without {@code scholen}: serves the whole board. */
    public static final Schoolbereik BESTUUR = new Schoolbereik(null);

    public Schoolbereik {
        scholen = scholen == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(scholen));
    }

    public static Schoolbereik van(Collection<String> codes) {
        if (codes == null) {
            return BESTUUR;
        }
        Set<String> scholen = new TreeSet<>();
        for (String code : codes) {
            scholen.add(code.trim().toUpperCase(Locale.ROOT));
        }
        return new Schoolbereik(scholen);
    }

    public boolean heelBestuur() {
        return scholen == null;
    }

    /** Whether a school (BRIN, vestiging) is within reach. */
    public boolean dekt(String brin, String vestiging) {
        return heelBestuur() || scholen.contains(brin + vestiging) || scholen.contains(brin);
    }

    /**
     * A condition for a query's where clause, on the columns of the BRIN and the vestiging: {@code 1 = 1} for the
     * whole board, {@code 1 = 0} for an account with no school, else one test per school. Its values are
     * {@link #parameters()}, in this order.
     */
    public String sql(String brinKolom, String vestigingKolom) {
        if (heelBestuur()) {
            return "1 = 1";
        }
        if (scholen.isEmpty()) {
            return "1 = 0";
        }
        List<String> delen = new ArrayList<>();
        for (String s : scholen) {
            delen.add(s.length() == 4 ? brinKolom + " = ?"
                    : "(" + brinKolom + " = ? and " + vestigingKolom + " = ?)");
        }
        return "(" + String.join(" or ", delen) + ")";
    }

    /** The values of {@link #sql}'s condition. */
    public List<Object> parameters() {
        List<Object> waarden = new ArrayList<>();
        if (!heelBestuur()) {
            for (String s : scholen) {
                waarden.add(s.substring(0, 4));
                if (s.length() == 6) {
                    waarden.add(s.substring(4));
                }
            }
        }
        return waarden;
    }
}
