package nl.verzuim.connector;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The design, checked on the compiled main code: the packages below {@code nl.verzuim.connector} are modules whose
 * dependencies form a DAG, each reaching another only through what that one exposes (its top-level package) and
 * only the modules its {@code package-info.java} allows ({@code config} and {@code persistence} are shared by all).
 * Spring Modulith verifies that; ArchUnit adds what Modulith does not cover. The module diagram in {@code src/docs/}
 * is drawn from the same modules, and this test fails when the committed one is not what the code says: rewrite it
 * with {@code mvn test -Dtest=ArchitectuurTest -Dverzuim.docs.schrijf=true}.
 */
class ArchitectuurTest {

    static final String BASIS = "nl.verzuim.connector";
    static final ApplicationModules MODULES = ApplicationModules.of(VerzuimConnectorApplication.class);
    static final JavaClasses KLASSEN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASIS);
    static final Path DOCS = Path.of("src/docs");

    @Test
    void elkeModuleGebruiktAlleenWatEenAndereModuleToontEnWatZijMag() {
        MODULES.verify();
    }

    @Test
    void deRegelsZijnGewoonJavaZonderSpringCamelOfDeRestVanDeConnector() {
        classes().that().resideInAPackage(BASIS + ".rules..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", BASIS + ".rules..")
                .because("the rules are plain Java, judged the same in the connector and in 'beoordeel' (domain §3)")
                .check(KLASSEN);
    }

    @Test
    void dePlaatjesZijnGewoonJavaZonderSpring() {
        noClasses().that().resideInAPackage(BASIS + ".web.plaatjes..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..",
                        "jakarta.servlet..")
                .because("the pictures' builders take plain data and give SVG; web.Plaatjes gathers the data")
                .check(KLASSEN);
    }

    @Test
    void deGedeeldeModulesKennenGeenAndereModule() {
        for (String gedeeld : List.of("config", "persistence")) {
            noClasses().that().resideInAPackage(BASIS + "." + gedeeld + "..")
                    .should().dependOnClassesThat(resideInAPackage(BASIS + "..")
                            .and(not(resideInAPackage(BASIS + "." + gedeeld + ".."))))
                    .because("every module may use " + gedeeld + ", so it may use none of them")
                    .check(KLASSEN);
        }
    }

    @Test
    void nietsHangtAfVanWebOfSandbox() {
        // The application class in the base package is the composition root: it dispatches the command line,
        // 'wachtwoord-hash' included; no module may.
        noClasses().that().resideInAPackage(BASIS + ".(*)..").and().resideOutsideOfPackage(BASIS + ".web..")
                .should().dependOnClassesThat().resideInAPackage(BASIS + ".web..")
                .because("the page and the API are on top; nothing is built on them")
                .check(KLASSEN);
        noClasses().that().resideInAPackage(BASIS + ".(*)..").and().resideOutsideOfPackage(BASIS + ".sandbox..")
                .should().dependOnClassesThat().resideInAPackage(BASIS + ".sandbox..")
                .because("the sandbox's mocks run beside the connector, never inside its decisions")
                .check(KLASSEN);
    }

    @Test
    void geenKringenTussenDePakketten() {
        slices().matching(BASIS + ".(*)..").should().beFreeOfCycles().check(KLASSEN);
    }

    @Test
    void deLevensloopKentOtNiet() {
        noClasses().that().resideInAPackage(BASIS + ".levensloop..")
                .should().dependOnClassesThat(resideInAPackage(BASIS + ".ot..").and(not(resideInAPackage(BASIS + ".levensloop.."))))
                .because("the lifecycle decides; the OT module delivers and applies")
                .check(KLASSEN);
    }

    @Test
    void deModuleplaatInSrcDocsIsDieVanDeCode() throws IOException {
        Path doel = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(doel.toString()))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
                        .withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        vergelijkOfSchrijf(geordend(Files.readString(doel.resolve("components.puml"), StandardCharsets.UTF_8)),
                DOCS.resolve("modules/components.puml"));
        vergelijkOfSchrijf(modulesMarkdown(), DOCS.resolve("modules.md"));
    }

    /** Documenter writes the arrows in no fixed order: sorted in their places, so that one code gives one file. */
    static String geordend(String puml) {
        List<String> regels = new java.util.ArrayList<>(puml.lines().toList());
        List<Integer> pijlen = new java.util.ArrayList<>();
        for (int i = 0; i < regels.size(); i++) {
            if (regels.get(i).contains("].> ")) {
                pijlen.add(i);
            }
        }
        List<String> gesorteerd = pijlen.stream().map(regels::get).sorted().toList();
        for (int i = 0; i < pijlen.size(); i++) {
            regels.set(pijlen.get(i), gesorteerd.get(i));
        }
        return String.join("\n", regels) + "\n";
    }

    /** The committed copy must be what the code says now; with -Dverzuim.docs.schrijf=true it is rewritten. */
    private static void vergelijkOfSchrijf(String gemaakt, Path vastgelegd) throws IOException {
        if (Boolean.getBoolean("verzuim.docs.schrijf")) {
            Files.createDirectories(vastgelegd.getParent());
            Files.writeString(vastgelegd, gemaakt, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(vastgelegd) ? Files.readString(vastgelegd, StandardCharsets.UTF_8) : "")
                .as(vastgelegd + " is not what the code says; rewrite it with"
                        + " mvn test -Dtest=ArchitectuurTest -Dverzuim.docs.schrijf=true")
                .isEqualTo(gemaakt);
    }

    /** The modules and their dependencies as the code has them: a Mermaid graph (GitHub draws it) and a table. */
    static String modulesMarkdown() {
        List<ApplicationModule> modules = MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getName))
                .toList();
        List<String> gedeeld = MODULES.getSharedModules().stream().map(ApplicationModule::getName).sorted().toList();
        StringBuilder md = new StringBuilder();
        md.append("# Modules\n\n")
                .append("Generated by `ArchitectuurTest` from the code it verifies (Spring Modulith's `ApplicationModules`);"
                        + " do not edit. Rewrite with\n`mvn test -Dtest=ArchitectuurTest -Dverzuim.docs.schrijf=true`."
                        + " Modulith's own diagram (PlantUML): [modules/components.puml](modules/components.puml).\n\n")
                .append("An arrow means \"uses\". ").append(String.join(" and ", gedeeld.stream().map(m -> "`" + m + "`")
                        .toList())).append(" are shared by every module and left out of the picture.\n\n")
                .append("```mermaid\ngraph TD\n");
        for (ApplicationModule module : modules) {
            if (gedeeld.contains(module.getName())) {
                continue;
            }
            List<String> doelen = afhankelijkheden(module).stream().filter(d -> !gedeeld.contains(d)).toList();
            if (doelen.isEmpty()) {
                md.append("  ").append(module.getName()).append('\n');
            }
            for (String d : doelen) {
                md.append("  ").append(module.getName()).append(" --> ").append(d).append('\n');
            }
        }
        md.append("```\n\n| module | uses | may use (`package-info.java`; shared modules always) |\n| --- | --- | --- |\n");
        for (ApplicationModule module : modules) {
            org.springframework.modulith.ApplicationModule verklaard = verklaring(module);
            String mag = verklaard == null ? "not declared" : verklaard.allowedDependencies().length == 0 ? "shared only"
                    : String.join(", ", verklaard.allowedDependencies());
            md.append("| `").append(module.getName()).append("` | ")
                    .append(afhankelijkheden(module).stream().collect(Collectors.joining(", "))).append(" | ")
                    .append(mag).append(" |\n");
        }
        md.append("\n`rules` declares nothing, so that it imports nothing of Spring: `ArchitectuurTest` checks that it"
                + " uses only `java.*` and itself. `web` may use any module; no module may use `web` or `sandbox`.\n");
        return md.toString();
    }

    /** The module's @ApplicationModule in its package-info.java; null when it declares none. */
    private static org.springframework.modulith.ApplicationModule verklaring(ApplicationModule module) {
        try {
            return Class.forName(module.getBasePackage().getName() + ".package-info").getPackage()
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static List<String> afhankelijkheden(ApplicationModule module) {
        return module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName).distinct()
                .sorted().toList();
    }
}
