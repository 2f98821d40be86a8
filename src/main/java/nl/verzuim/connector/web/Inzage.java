package nl.verzuim.connector.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.outbox.VerzondenBerichten;
import nl.verzuim.connector.persistence.Schoolbereik;
import nl.verzuim.connector.privacy.Toegangslog;

/**
 * The AVG right of access (domain §5): everything the connector holds and sent about one pupil — the pupil and
 * verzorgers as received from the LAS (with the source files and when), the registrations with file and line, the
 * meldingen with their uitleg and history, what went to DUO and OT exactly as sent with the answers, and the mails
 * about the meldingen. Only for an account serving the pupil's school: for any other it does not exist (404), like a
 * pupil the connector does not know. Every look is written to the {@link Toegangslog}.
 */
@Service
public class Inzage {

    private final JdbcClient jdbc;
    private final Beheeroverzicht overzicht;
    private final VerzondenBerichten verzonden;
    private final Toegangslog toegangslog;
    private final Clock klok;

    public Inzage(JdbcClient jdbc, Beheeroverzicht overzicht, VerzondenBerichten verzonden, Toegangslog toegangslog,
                  Clock klok) {
        this.jdbc = jdbc;
        this.overzicht = overzicht;
        this.verzonden = verzonden;
        this.toegangslog = toegangslog;
        this.klok = klok;
    }

    @Schema(description = "Een inzageverzoek: de leerling staat in de body, nooit in de URL")
    public record Verzoek(@Schema(example = "00YY", requiredMode = Schema.RequiredMode.REQUIRED) String brin,
                          @Schema(example = "00", requiredMode = Schema.RequiredMode.REQUIRED) String vestiging,
                          @Schema(description = "de sleutel van de leerling in het LAS", example = "LN094837",
                                  requiredMode = Schema.RequiredMode.REQUIRED) String leerlingId) {
    }

    @Schema(description = "Alles wat de connector over één leerling heeft en verstuurde")
    public record Dossier(String school, String leerlingId, LocalDate opgemaakt,
                          @Schema(description = "de leerling zoals uit het LAS ontvangen (bronnen: de soorten export; bijgewerkt: wanneer)")
                          Map<String, Object> leerling,
                          List<Map<String, Object>> verzorgers,
                          @Schema(description = "de verzuimregistraties met bronbestand en regel")
                          List<Map<String, Object>> registraties,
                          List<MeldingInzage> meldingen) {
    }

    @Schema(description = "Een melding met haar uitleg, geschiedenis, wat verstuurd is (zoals verstuurd) en de mails erover")
    public record MeldingInzage(BeheerModel.MeldingDetail melding,
                                List<VerzondenBerichten.VerzondenBericht> verzonden,
                                List<Map<String, Object>> mails) {
    }

    /** The dossier; 404 when the pupil is unknown or of a school outside the account's reach. */
    public Dossier dossier(Verzoek verzoek, Authentication wie) {
        if (verzoek == null || leeg(verzoek.brin()) || leeg(verzoek.vestiging()) || leeg(verzoek.leerlingId())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "brin, vestiging en leerlingId zijn verplicht");
        }
        String brin = verzoek.brin().trim().toUpperCase(Locale.ROOT);
        String vestiging = verzoek.vestiging().trim();
        String leerlingId = verzoek.leerlingId().trim();
        Schoolbereik bereik = Beveiliging.bereik(wie);
        if (!bereik.dekt(brin, vestiging)) {
            throw nietGevonden();
        }
        LocalDate vandaag = LocalDate.now(klok);
        Object[] sleutel = {brin, vestiging, leerlingId};
        Map<String, Object> leerling = jdbc.sql("""
                select * from leerling where brin = ? and vestiging = ? and leerling_id = ?""")
                .params(sleutel).query().listOfRows().stream().findFirst().orElse(null);
        List<Map<String, Object>> verzorgers = leerling == null ? List.of() : jdbc.sql("""
                select * from verzorger where leerling_ref = ? order by volgorde""")
                .param(leerling.get("id")).query().listOfRows();
        List<Map<String, Object>> registraties = jdbc.sql("""
                select datum, begintijd, eindtijd, minuten, code, omschrijving, bron_bestand, bron_regel
                from registratie where brin = ? and vestiging = ? and leerling_id = ? order by datum, begintijd""")
                .params(sleutel).query().listOfRows();
        List<Melding> meldingen = jdbc.sql("""
                select * from melding where brin = ? and vestiging = ? and leerling_id = ? order by id""")
                .params(sleutel).query(MeldingRepository::rij).list();
        if (leerling == null && registraties.isEmpty() && meldingen.isEmpty()) {
            throw nietGevonden();
        }
        List<MeldingInzage> perMelding = new ArrayList<>();
        for (Melding m : meldingen) {
            perMelding.add(new MeldingInzage(overzicht.detail(m, vandaag), verzonden.voorMelding(m.id()),
                    jdbc.sql("""
                            select soort, ontvanger, onderwerp, status, aangemaakt, verzonden, tekst from mail_outbox
                            where melding_id = ? order by id""").param(m.id()).query().listOfRows()));
        }
        toegangslog.schrijf(wie.getName(), "INZAGE", brin, vestiging, leerlingId, null, klok.instant());
        return new Dossier(brin + vestiging, leerlingId, vandaag, leerling == null ? null : zonderIntern(leerling),
                verzorgers.stream().map(Inzage::zonderIntern).toList(), registraties, perMelding);
    }

    /** What was sent for one melding, as sent; logged. 404 outside the account's reach. */
    public List<VerzondenBerichten.VerzondenBericht> verzonden(long meldingId, Authentication wie) {
        Melding m = overzicht.vind(meldingId, Beveiliging.bereik(wie)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "geen melding " + meldingId));
        toegangslog.schrijf(wie.getName(), "VERZONDEN", m.brin(), m.vestiging(), m.leerlingId(), m.id(),
                klok.instant());
        return verzonden.voorMelding(m.id());
    }

    /** A melding's detail was opened (page or API). */
    public void meldingGeopend(BeheerModel.MeldingDetail d, Authentication wie) {
        BeheerModel.MeldingOverzicht m = d.melding();
        toegangslog.schrijf(wie.getName(), "MELDING", m.school().substring(0, 4), m.school().substring(4),
                m.leerlingId(), m.id(), klok.instant());
    }

    private static Map<String, Object> zonderIntern(Map<String, Object> rij) {
        Map<String, Object> kopie = new LinkedHashMap<>(rij);
        kopie.remove("id");
        kopie.remove("leerling_ref");
        return kopie;
    }

    private static boolean leeg(String s) {
        return s == null || s.isBlank();
    }

    private static ResponseStatusException nietGevonden() {
        // the same answer for a pupil of another school as for one nobody knows: no existence leaks
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "geen leerling met deze gegevens");
    }
}
