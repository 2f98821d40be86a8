package nl.verzuim.connector.levensloop;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The OT calls that keep a running melding current, as the lifecycle decides them and the outbox keeps them until
 * they leave (kanaal OTLOOP; the body as JSON in table ot_opdracht; route ot-bijhouden sends them). The lifecycle's
 * own records, so that it does not depend on the OT client: their field names are OT's (ot-api-v1.yaml), and the OT
 * module maps them onto its wire model. Absent values are not stored.
 */
public final class OtOpdracht {

    private OtOpdracht() {
    }

    /** A new percentage onderwijs from {@code startdatum}; OT ends the running one the day before. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Percentage(Integer percentage, LocalDate startdatum) {
    }

    /** A new statusperiode (after the running one was ended). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Statusperiode(String categorie, String hoofdoorzaak, LocalDate startdatum) {
    }

    /** Ends the running statusperiode: which one (OT's id), and on which day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Beeindiging(String periodeId, LocalDate einddatum) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interventie(String soort, LocalDate startdatum, String toelichting) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Logboek(LocalDate datum, String tekst) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Afronding(String reden, LocalDate einddatum, String toelichting) {
    }

    /**
     * What a person added before the traject was opened (ot_indienen: na_aanvulling): OT's hoofdoorzaak of the
     * first statusperiode, sppohAdviseur, wachtlijst and the school's toelichting (zorgwekkendVerzuim).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Aanvulling(String hoofdoorzaak, String sppohAdviseur, String wachtlijst, String toelichting) {
        @Override
        public String toString() {
            return "Aanvulling[" + hoofdoorzaak + "]"; // wachtlijst and toelichting may say things about the pupil
        }
    }
}
