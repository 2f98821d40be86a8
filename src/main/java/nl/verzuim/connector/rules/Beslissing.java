package nl.verzuim.connector.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One decision of the rules: what must be reported where, from when, and why in figures.
 *
 * @param soort            the verzuimsoort, OT categorie or signal
 * @param begindatum       first day the decision covers
 * @param einddatum        last day, where the rule has one (DUO meldingen); null otherwise
 * @param uren             only for {@link Verzuimsoort#RELATIEF_16_UUR}: the hours counted, two decimals
 * @param beslotenOp       the day the rule first held: the connector, running daily, decides on that day
 * @param uitleg           the reason in Dutch words and figures, for a school administrator
 * @param verzuimoverzicht the registrations that prove the decision (what DUO receives with a melding is worked out
 *                         from the stored registrations when it leaves: {@link Verzuimoverzicht})
 */
public record Beslissing(Soort soort, LocalDate begindatum, LocalDate einddatum, BigDecimal uren,
                         LocalDate beslotenOp, String uitleg, List<Registratie> verzuimoverzicht) {

    public Beslissing {
        verzuimoverzicht = verzuimoverzicht == null ? List.of() : List.copyOf(verzuimoverzicht);
    }

    public Kanaal kanaal() {
        return soort.kanaal();
    }
}
