package nl.verzuim.connector.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.verzuim.connector.intake.QuarantaineBestand;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.VerzondenBerichten;
import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.school.School;

/**
 * What the API answers. Pupils appear by their LAS key (leerlingId) only: no name, BSN, birth date or address —
 * the page and API need none of them to find and act on a melding.
 */
public final class BeheerModel {

    private BeheerModel() {
    }

    @Schema(description = "Een school die de connector bedient")
    public record SchoolWeergave(String school, String brin, String vestiging, String naam, String verzenden) {
        static SchoolWeergave van(School s) {
            return new SchoolWeergave(s.code(), s.brin(), s.vestiging(), s.naam(),
                    s.verzenden() == School.Verzenden.NA_GOEDKEURING ? "na_goedkeuring" : "automatisch");
        }
    }

    @Schema(description = "Een melding in een lijst")
    public record MeldingOverzicht(
            long id, String school, String leerlingId, Kanaal kanaal, String soort, LocalDate begindatum,
            LocalDate einddatum, BigDecimal uren, LocalDate beslotenOp,
            @Schema(description = "DUO: de laatste dag om te melden (5 werkdagen na het besluit; vakanties tellen mee, feestdagen niet)") LocalDate uitersteMelddatum,
            String status,
            @Schema(description = "DUO-melding voorbij de uiterste melddatum die DUO nog niet heeft") boolean termijnVerstreken,
            @Schema(description = "OT-melding door SPPOH teruggezet en nog niet opnieuw ingediend") boolean teruggezet,
            @Schema(description = "DUO: de dag dat DUO de melding registreerde") LocalDate duoVerzondenOp,
            @Schema(description = "DUO registreerde de melding na de uiterste melddatum") boolean teLaatVerzonden,
            String meldingsnummer, String duoStatus, String otId, String otStatus, String ontbrekendeVelden,
            String laatsteFout, Instant bijgewerkt,
            @Schema(description = "Bij DUO of OT, maar een latere LAS-export onderbouwt haar niet meer: waarom, met de"
                    + " cijfers voor en na (intrekken bij DUO: POST /api/meldingen/{id}/intrekken)")
            String nietOnderbouwd) {

        static MeldingOverzicht van(Melding m, LocalDate vandaag) {
            return new MeldingOverzicht(m.id(), m.schoolcode(), m.leerlingId(), m.kanaal(), m.soort(), m.begindatum(),
                    m.einddatum(), m.uren(), m.beslotenOp(), m.uitersteMelddatum(), m.status().name(),
                    Beheeroverzicht.termijnVerstreken(m, vandaag), Beheeroverzicht.teruggezet(m), m.duoVerzondenOp(),
                    m.teLaatVerzonden(), m.meldingsnummer(),
                    m.duoStatus(), m.otId(), m.otStatus(), m.ontbrekendeVelden(), m.laatsteFout(), m.bijgewerkt(),
                    m.nietOnderbouwd());
        }
    }

    @Schema(description = "Een melding met haar uitleg en geschiedenis: wat wanneer waarheen ging en wat terugkwam")
    public record MeldingDetail(MeldingOverzicht melding, String uitleg, String trajectId, String otLink,
                                String terugzetReden, Instant aangemaakt,
                                List<Beheeroverzicht.AuditRegel> geschiedenis,
                                List<Aflevering> afleveringen,
                                @Schema(description = "wat naar DUO en OT ging: wanneer, met welke sleutel, en het antwoord"
                                        + " (status); de berichten zelf: /api/meldingen/{id}/verzonden")
                                List<VerzondenKop> verzonden) {
    }

    @Schema(description = "Een bericht zoals het naar DUO of OT ging, zonder de inhoud")
    public record VerzondenKop(long id, String kanaal, String operatie, String sleutel, String adres, Instant verzonden,
                               Integer httpStatus, Instant beantwoord) {
        static VerzondenKop van(VerzondenBerichten.VerzondenBericht b) {
            return new VerzondenKop(b.id(), b.kanaal(), b.operatie(), b.sleutel(), b.adres(), b.verzonden(),
                    b.httpStatus(), b.beantwoord());
        }
    }

    @Schema(description = "Het afleverwerk van een melding: elke handeling met haar pogingen en laatste fout")
    public record Aflevering(long id, String kanaal, String operatie, String status, int pogingen,
                             Instant volgendePoging, Instant aangemaakt, Instant verzonden, String laatsteFout) {
        static Aflevering van(OutboxItem o) {
            return new Aflevering(o.id(), o.kanaal(), o.operatie().name(), o.status(), o.pogingen(),
                    o.volgendePoging(), o.aangemaakt(), o.verzonden(), o.laatsteFout());
        }
    }

    @Schema(description = "Een bestand in quarantaine")
    public record QuarantaineWeergave(long id, String bestand, String samenvatting, int aantalFouten,
                                      int aantalGeaccepteerd, Instant tijdstip,
                                      @Schema(description = "alleen bij één bestand: het rapport (bestand, regel, veld, reden)") String rapport) {
        static QuarantaineWeergave van(QuarantaineBestand q, String rapport) {
            return new QuarantaineWeergave(q.id(), q.bestand(), q.samenvatting(), q.aantalFouten(),
                    q.aantalGeaccepteerd(), q.tijdstip(), rapport);
        }
    }

    @Schema(description = "Een melding overig verzuim of LRV, met de hand; de leerling staat in de body, nooit in de URL")
    public record OverigVerzoek(
            @Schema(example = "00YY", requiredMode = Schema.RequiredMode.REQUIRED) String brin,
            @Schema(example = "00", requiredMode = Schema.RequiredMode.REQUIRED) String vestiging,
            @Schema(description = "de sleutel van de leerling in het LAS", example = "LN094837",
                    requiredMode = Schema.RequiredMode.REQUIRED) String leerlingId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate begindatum,
            LocalDate einddatum,
            @Schema(description = "waarom de school dit meldt (blijft bij de connector; niet naar DUO)",
                    requiredMode = Schema.RequiredMode.REQUIRED) String toelichting) {
    }

    @Schema(description = "Een bestand terug in de inbox")
    public record Herlezen(String bestand, String bericht) {
    }
}
