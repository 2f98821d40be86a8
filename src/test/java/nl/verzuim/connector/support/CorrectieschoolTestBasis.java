package nl.verzuim.connector.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector with the schools of {@code scholen-correcties.yaml} in an inbox of its own (one context shared by the
 * classes below this one): 00YY00 (standaard), 11AA00 (vervangt: leerlingen, registratie_id), 11BB00 (vervangt:
 * niets), 11CC00 ({@code kanalen: [OT]}) and 11DD00 ({@code meldingen_vanaf: 2026-11-16}).
 */
public abstract class CorrectieschoolTestBasis extends AfleveringTestBasis {

    @Autowired
    protected CamelContext camel;

    /**
     * This context's own folder: a subclass with settings of its own gets a context (and a folder) of its own, and
     * the static field would then point the shared context's tests at the other inbox.
     */
    @Value("${connector.test.map}")
    private Path eigen;

    @DynamicPropertySource
    static void correctiescholen(DynamicPropertyRegistry r) throws IOException {
        Path map = eigenMap(r, "scholen-correcties.yaml");
        Path profielen = Files.write(map.resolve("las-profielen-correcties.yaml"),
                klassepad("las-profielen-correcties.yaml"));
        r.add("connector.las-profielen", profielen::toString);
    }

    /** Drops a file into this connector's inbox and waits until the intake is done with it, without faults. */
    protected void lees(String naam, String inhoud) throws Exception {
        leesZonderFouten(camel, eigen, naam, inhoud);
    }

    /** The sandbox's OSO dossier, of school {@code brin} (vestiging 00). */
    protected void dossier(String brin) throws Exception {
        lees("dossier-" + brin + ".xml", new String(osoDossier(), StandardCharsets.UTF_8).replace("00YY", brin));
    }
}
