package nl.verzuim.connector.intake;

import java.util.List;

/** The whole file is rejected (not well-formed, fails its schema, unknown format, too large, wrong encoding). */
public class OngeldigBestandException extends Exception {

    private final transient List<IntakeFout> fouten;

    public OngeldigBestandException(IntakeFout fout) {
        this(List.of(fout));
    }

    public OngeldigBestandException(List<IntakeFout> fouten) {
        super(fouten.get(0).toString());
        this.fouten = List.copyOf(fouten);
    }

    public List<IntakeFout> fouten() {
        return fouten;
    }
}
