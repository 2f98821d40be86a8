package nl.verzuim.connector.school;

import java.util.List;
import java.util.Optional;


/**
 * The schools this connector serves, and the CSV profiles their LAS exports are read with. Every school's
 * {@code las_profiel} exists among {@code profielen}: that is checked when the configuration is read.
 */
public record Scholen(List<School> scholen, LasProfielen profielen) {

    public Scholen {
        scholen = List.copyOf(scholen);
        for (School school : scholen) {
            if (profielen.vind(school.lasProfiel()).isEmpty()) {
                throw new SchoolconfiguratieFout("school " + school.code() + ": las_profiel '" + school.lasProfiel()
                        + "' bestaat niet; bekende profielen: " + String.join(", ", profielen.namen()));
            }
        }
    }

    /** With the built-in profiles only. */
    public Scholen(List<School> scholen) {
        this(scholen, LasProfielen.ingebouwd());
    }

    public Optional<School> vind(String brin, String vestiging) {
        return scholen.stream().filter(s -> s.brin().equals(brin) && s.vestiging().equals(vestiging)).findFirst();
    }

    public Optional<School> vind(String code) {
        return scholen.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The CSV profile of a school's LAS. */
    public LasProfiel profiel(School school) {
        return profielen.profiel(school.lasProfiel());
    }
}
