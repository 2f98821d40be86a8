package nl.verzuim.connector.mail;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.ot.OtModel;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.Scholen;

/**
 * Puts mails for the school's contactpersoon in the mail outbox, in the caller's transaction. The key of a mail
 * (e.g. the OT eventId it answers) makes the same mail go in once.
 */
@Service
public class MailService {

    private final MailOpsteller opsteller = new MailOpsteller();
    private final JdbcClient jdbc;
    private final Scholen scholen;
    private final Clock klok;

    public MailService(JdbcClient jdbc, Scholen scholen, Clock klok) {
        this.jdbc = jdbc;
        this.scholen = scholen;
        this.klok = klok;
    }

    public void geaccepteerd(Melding melding, OtModel.Gebeurtenis gebeurtenis) {
        School school = school(melding);
        Map<String, Object> gegevens = basis(melding, school, gebeurtenis);
        plaats("ot:" + gebeurtenis.eventId(), "geaccepteerd", melding.id(), school.contactpersoon().email(),
                "Melding zorgwekkend verzuim geaccepteerd door SPPOH – " + school.naam() + ", OT-ID "
                        + gebeurtenis.otId(), gegevens);
    }

    public void teruggezet(Melding melding, OtModel.Gebeurtenis gebeurtenis) {
        School school = school(melding);
        Map<String, Object> gegevens = basis(melding, school, gebeurtenis);
        gegevens.put("reden", gebeurtenis.reden() == null || gebeurtenis.reden().isBlank()
                ? "SPPOH heeft geen reden opgegeven." : gebeurtenis.reden());
        plaats("ot:" + gebeurtenis.eventId(), "teruggezet", melding.id(), school.contactpersoon().email(),
                "Melding zorgwekkend verzuim teruggezet door SPPOH – " + school.naam() + ", OT-ID "
                        + gebeurtenis.otId(), gegevens);
    }

    private Map<String, Object> basis(Melding melding, School school, OtModel.Gebeurtenis gebeurtenis) {
        Map<String, Object> gegevens = new LinkedHashMap<>();
        gegevens.put("school", school.naam());
        gegevens.put("contactpersoon", school.contactpersoon().naam());
        gegevens.put("otId", gebeurtenis.otId());
        gegevens.put("trajectId", gebeurtenis.trajectId());
        gegevens.put("link", melding.otLink());
        gegevens.put("categorie", melding.soort().startsWith("A_") ? "A – langdurig relatief verzuim"
                : "B – langdurig geoorloofd verzuim");
        return gegevens;
    }

    private School school(Melding melding) {
        return scholen.vind(melding.brin(), melding.vestiging()).orElseThrow(() ->
                new IllegalStateException("school " + melding.schoolcode() + " staat niet in de schoolconfiguratie"));
    }

    void plaats(String sleutel, String soort, Long meldingId, String ontvanger, String onderwerp,
                Map<String, Object> gegevens) {
        if (jdbc.sql("select count(*) from mail_outbox where sleutel = ?").param(sleutel).query(Integer.class)
                .single() > 0) {
            return;
        }
        MailOpsteller.Inhoud inhoud = opsteller.stelOp(soort, gegevens);
        jdbc.sql("""
                insert into mail_outbox (sleutel, melding_id, soort, ontvanger, onderwerp, html, tekst, status, pogingen,
                    volgende_poging, aangemaakt) values (?, ?, ?, ?, ?, ?, ?, 'TE_VERZENDEN', 0, ?, ?)""")
                .params(sleutel, meldingId, soort, ontvanger, onderwerp, inhoud.html(), inhoud.tekst(),
                        Dialect.tijd(klok.instant()), Dialect.tijd(klok.instant()))
                .update();
    }
}
