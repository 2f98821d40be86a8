package nl.verzuim.connector.mail;

import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mail templates in {@code templates/mail/}: {@code <soort>.html} and {@code <soort>.txt}. A template
 * engine, not string building: the wording is for a person to change without touching code.
 */
public final class MailOpsteller {

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine tekst = engine(TemplateMode.TEXT, ".txt");

    public record Inhoud(String html, String tekst) {
    }

    public Inhoud stelOp(String soort, Map<String, Object> gegevens) {
        Context context = new Context(new java.util.Locale("nl", "NL"), gegevens);
        return new Inhoud(html.process(soort, context), tekst.process(soort, context));
    }

    private static TemplateEngine engine(TemplateMode modus, String achtervoegsel) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(achtervoegsel);
        resolver.setTemplateMode(modus);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        // SpringTemplateEngine: expressions in SpEL, as on the pages (plain Thymeleaf would need OGNL).
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
