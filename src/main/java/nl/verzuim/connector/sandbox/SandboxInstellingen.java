package nl.verzuim.connector.sandbox;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code connector.sandbox-mocks.*}: the sandbox's own settings, with their defaults in {@code application-sandbox.yml}.
 *
 * @param map          where the sandbox lays out its files (schools file, sample exports, WireMock stubs)
 * @param wiremockPort the port of the mock DUO and OT
 * @param sppohBesluit what the simulated SPPOH answers a submission: GEACCEPTEERD or TERUGGEZET
 */
@ConfigurationProperties(prefix = "connector.sandbox-mocks")
public record SandboxInstellingen(Path map, int wiremockPort, String sppohBesluit) {
}
