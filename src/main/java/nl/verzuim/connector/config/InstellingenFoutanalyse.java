package nl.verzuim.connector.config;

import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * A start that cannot work ends with one Dutch message: each missing or unreadable setting and what to do, and no
 * stack trace (Spring Boot prints an analysed failure as text and keeps the trace for DEBUG). Registered in
 * {@code META-INF/spring.factories}, ahead of Spring Boot's own analysers so that a wrong {@code connector.*} value is
 * explained here.
 */
public class InstellingenFoutanalyse implements FailureAnalyzer, Ordered {

    private static final String ACTIE = """
            Geef de genoemde instellingen op de opdrachtregel (--connector.duo.endpoint=...), in de omgeving \
            (CONNECTOR_DUO_ENDPOINT=...) of in een application.yml naast de jar, en start opnieuw. \
            Alle instellingen en hun standaardwaarden: src/docs/operating.md, 'Settings'; \
            'java -jar verzuim-connector.jar controleer' toetst ze zonder iets te versturen.""";

    @Override
    public FailureAnalysis analyze(Throwable fout) {
        for (Throwable f = fout; f != null; f = f.getCause()) {
            if (f instanceof OngeldigeInstellingen o) {
                return new FailureAnalysis(beschrijving(o), ACTIE, null);
            }
            if (f instanceof BindException b && b.getName().toString().startsWith("connector.")) {
                OngeldigeInstellingen o = new OngeldigeInstellingen(java.util.List.of(new OngeldigeInstellingen.Probleem(
                        b.getName().toString(), "onleesbare waarde"
                        + (b.getProperty() == null || b.getProperty().getOrigin() == null ? ""
                        : " (gezet in " + b.getProperty().getOrigin() + ")"))));
                return new FailureAnalysis(beschrijving(o), ACTIE, null);
            }
        }
        return null;
    }

    private static String beschrijving(OngeldigeInstellingen o) {
        return "De connector start niet: deze instellingen ontbreken of kloppen niet.\n"
                + o.problemen().stream().map(p -> "  - " + p.instelling() + ": " + p.wat())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
