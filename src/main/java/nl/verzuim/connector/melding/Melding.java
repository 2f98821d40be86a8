package nl.verzuim.connector.melding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import nl.verzuim.connector.rules.Kanaal;

/** A decision of the rules as the connector keeps it, with what became of it. No personal data in here. */
/**
 * @param nietOnderbouwd for a melding already at DUO or OT whose rule a later LAS export no longer supports: why, with
 *                       the figures before and after; null while it is supported
 */
public record Melding(long id, String brin, String vestiging, String leerlingId, Kanaal kanaal, String soort,
                      LocalDate begindatum, LocalDate einddatum, BigDecimal uren, LocalDate beslotenOp,
                      LocalDate uitersteMelddatum, String uitleg, MeldingStatus status, String ontbrekendeVelden,
                      String meldingsnummer, String duoStatus, String trajectId, String otId, String otStatus,
                      String otLink, String terugzetReden, String laatsteFout, Instant aangemaakt, Instant bijgewerkt,
                      LocalDate duoVerzondenOp, String nietOnderbouwd) {

    public String schoolcode() {
        return brin + vestiging;
    }

    /** DUO registered it after the uiterste melddatum (5 werkdagen after the decision, domain §2): the law's term was missed. */
    public boolean teLaatVerzonden() {
        return duoVerzondenOp != null && uitersteMelddatum != null && duoVerzondenOp.isAfter(uitersteMelddatum);
    }
}
