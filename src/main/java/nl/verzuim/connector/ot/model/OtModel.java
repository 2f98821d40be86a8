package nl.verzuim.connector.ot.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON shapes of ot-api-v1.yaml the connector sends and reads: the wire model, a leaf only the OT module uses.
 * Absent values are left out, not sent as null.
 */
public final class OtModel {

    private OtModel() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adres(String straat, String huisnummer, String toevoeging, String postcode, String plaats,
                        String gemeente) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Leerling(String lasId, String bsn, String onderwijsnummer, String voornamen, String roepnaam,
                           String voorvoegsel, String achternaam, String geslacht, LocalDate geboortedatum,
                           Adres adres, String groepOfLeerjaar) {
        @Override
        public String toString() {
            return "OtModel.Leerling[" + lasId + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verzorger(String voornamen, String voorvoegsel, String achternaam, String geslacht, Adres adres,
                            String telefoon, String email, String relatie, Boolean wettelijkVertegenwoordiger) {
        @Override
        public String toString() {
            return "OtModel.Verzorger";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contactpersoon(String naam, String email, String telefoon) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AanvragendeSchool(String brin, String vestiging, String naam, Contactpersoon contactpersoon) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Statusperiode(String id, String categorie, String hoofdoorzaak, LocalDate startdatum,
                                LocalDate einddatum) {
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ZorgwekkendVerzuim(String sppohAdviseur, Statusperiode statusperiode,
                                     PercentageOnderwijs percentageOnderwijs, String wachtlijst, String toelichting) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NieuwTraject(Leerling leerling, List<Verzorger> verzorgers, AanvragendeSchool aanvragendeSchool,
                               ZorgwekkendVerzuim zorgwekkendVerzuim) {
        @Override
        public String toString() {
            return "OtModel.NieuwTraject[" + (leerling == null ? "?" : leerling.lasId()) + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Traject(String trajectId, String otId, String status, String terugzetReden, String link,
                          OffsetDateTime bijgewerkt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fout(String code, String melding, List<String> velden) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Token(String access_token, String token_type, Long expires_in) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gebeurtenis(String eventId, String type, String trajectId, String otId, String reden, String door,
                              OffsetDateTime tijdstip) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gebeurtenissen(List<Gebeurtenis> gebeurtenissen, String cursor) {
    }
}
