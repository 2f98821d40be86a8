/**
 * The sandbox a user gets with no settings: DUO and OT mocked by WireMock from the stubs in {@code mappings/}, an
 * embedded SMTP server whose mails can be read on the page, an H2 database and an inbox under
 * {@code ./verzuim-data/}, and sample files that show one full flow. Its beans run in the {@code sandbox} profile
 * only ({@code application-sandbox.yml}); nothing depends on it.
 */
@ApplicationModule(allowedDependencies = {"ot", "school", "rules"})
package nl.verzuim.connector.sandbox;

import org.springframework.modulith.ApplicationModule;
