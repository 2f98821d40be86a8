package nl.verzuim.connector.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}; both need a login). */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Verzuimconnector — beheer-API", version = "1",
        description = "Meldingen zoeken en bekijken met hun geschiedenis, quarantaine, overig verzuim melden. "
                + "HTTP basic: lezen met de rol lezer of beheerder, handelen alleen als beheerder. Geen "
                + "persoonsgegevens in URL's: alleen id's en schoolcodes."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class OpenApiConfiguratie {
}
