package nl.verzuim.connector.sandbox;

import java.nio.file.Path;
import java.time.Clock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * Starts the sandbox's mocks before anything sends to them. Only in the profile {@code sandbox}, which is on unless
 * {@code connector.sandbox=false} (application.yml); its settings are in {@code application-sandbox.yml}.
 */
@Configuration
@Profile("sandbox")
@EnableConfigurationProperties(SandboxInstellingen.class)
public class SandboxConfiguratie {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxConfiguratie.class);

    /**
     * The schools are read from the sandbox's schools file ({@code school.SchoolConfiguratie}): it is laid out first.
     * Said here, so that the school configuration need not know the sandbox.
     */
    @Bean
    static BeanFactoryPostProcessor sandboxBestandenVoorDeScholen() {
        return fabriek -> {
            if (fabriek.containsBeanDefinition("scholen")) {
                BeanDefinition scholen = fabriek.getBeanDefinition("scholen");
                String[] eerder = scholen.getDependsOn() == null ? new String[0] : scholen.getDependsOn();
                String[] samen = java.util.Arrays.copyOf(eerder, eerder.length + 1);
                samen[eerder.length] = "sandboxBestanden";
                scholen.setDependsOn(samen);
            }
        };
    }

    @Bean
    public SandboxBestanden sandboxBestanden(ConnectorInstellingen instellingen, SandboxInstellingen sandbox,
                                             Clock klok) {
        SandboxBestanden bestanden = new SandboxBestanden(instellingen, sandbox.map(), klok);
        bestanden.klaar();
        return bestanden;
    }

    @Bean(destroyMethod = "stop")
    public WireMockServer sandboxWireMock(SandboxBestanden bestanden, ConnectorInstellingen instellingen,
                                          SandboxInstellingen sandbox, Environment omgeving, Clock klok) {
        int poort = sandbox.wiremockPort();
        Path wortel = bestanden.wiremockWortel();
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .port(poort)
                .bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(wortel.toString())
                .notifier(new Slf4jNotifier(false))
                .maxRequestJournalEntries(500)
                .extensions(new SppohSimulator(() -> omgeving.getProperty("local.server.port", Integer.class, 8080),
                        instellingen.ot().webhookSecret(), sandbox.sppohBesluit(), klok)));
        server.start();
        LOG.info("Sandbox: nep-DUO en nep-OT (WireMock) op http://localhost:{} met stubs uit {}", poort,
                wortel.resolve("mappings"));
        return server;
    }

    @Bean(destroyMethod = "stop")
    public GreenMail sandboxSmtp(@Value("${spring.mail.port}") int poort) {
        GreenMail smtp = new GreenMail(new ServerSetup(poort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        LOG.info("Sandbox: SMTP-server op localhost:{}; lees de mails op de pagina /", poort);
        return smtp;
    }
}
