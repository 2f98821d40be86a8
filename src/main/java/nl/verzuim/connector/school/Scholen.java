package nl.verzuim.connector.school;

import java.util.List;
import java.util.Optional;

/** The schools this connector serves. */
public record Scholen(List<School> scholen) {

    public Scholen {
        scholen = List.copyOf(scholen);
    }

    public Optional<School> vind(String brin, String vestiging) {
        return scholen.stream().filter(s -> s.brin().equals(brin) && s.vestiging().equals(vestiging)).findFirst();
    }

    public Optional<School> vind(String code) {
        return scholen.stream().filter(s -> s.code().equals(code)).findFirst();
    }
}
