/**
 * DUO verzuimmeldingen over SOAP: the CXF client generated from the WSDL (package {@code duo.wsdl}, never
 * hand-edited), WS-Addressing, one identificatiecodeBedrijfsdocument per melding reused on every retry, and the
 * classification of DUO's answers into delivered, retry later, or dead letter.
 */
@ApplicationModule(allowedDependencies = {"melding", "outbox", "leerling", "school", "rules"})
package nl.verzuim.connector.duo;

import org.springframework.modulith.ApplicationModule;
