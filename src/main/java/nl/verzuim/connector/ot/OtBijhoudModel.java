package nl.verzuim.connector.ot;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes of ot-api-v1.yaml for a running melding (percentages, interventies, logboek, afronding). */
public final class OtBijhoudModel {

    private OtBijhoudModel() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PercentageOnderwijs(Integer percentage, LocalDate startdatum, LocalDate einddatum) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interventie(String id, String soort, LocalDate startdatum, LocalDate einddatum,
                              String toelichting) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Logboek(LocalDate datum, String tekst) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Afronding(String reden, LocalDate einddatum, String toelichting) {
    }

    public record Einddatum(LocalDate einddatum) {
    }

    /** What the outbox keeps for ending a statusperiode: which one, and the einddatum sent to OT. */
    public record Beeindiging(String periodeId, LocalDate einddatum) {
    }
}
