package nl.verzuim.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.support.LevensloopTestBasis;
import nl.verzuim.connector.support.Mails;

/**
 * Every mail kind as the contactpersoon receives it over SMTP (GreenMail): recipient, subject, both parts, the
 * school, the OT-ID and the link to the traject — and none of the sandbox pupil's name, BSN, birth date or
 * address, although the connector holds them (the OSO dossier is read first).
 */
class SchoolMailsTest extends LevensloopTestBasis {

    static final String SCHOOL = "Testschool De Verrekijker";
    static final String CONTACTPERSOON = "verzuim@verrekijker.example";

    @Autowired
    Herinneringen herinneringen;
    @Autowired
    nl.verzuim.connector.mail.MailService mailService;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    Clock klok;

    @BeforeEach
    void leerlingMetPersoonsgegevens() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from leerling where leerling_id = ? and bsn = '111222333' and achternaam = 'Berg'")
                .param(LEERLING).query(Integer.class).single() == 1);
    }

    @Test
    void geaccepteerd() throws Exception {
        otMelding(LEERLING, "ACC", "INGEDIEND", LocalDate.of(2026, 10, 26));
        String g = gebeurtenis("ev-acc", "GEACCEPTEERD", "ACC", null);
        assertThat(webhook(g, handtekening(g)).statusCode()).isEqualTo(202);
        MimeMessage mail = deEnigeMail();
        assertThat(mail.getSubject()).contains("geaccepteerd").contains(SCHOOL).contains("OT-ACC");
        controleer(mail, "ACC", "Geaccepteerd", "Vervolgstap", "lopende melding");
    }

    @Test
    void teruggezetMetDeRedenVanSppoh() throws Exception {
        otMelding(LEERLING, "TZ", "INGEDIEND", LocalDate.of(2026, 10, 26));
        String g = gebeurtenis("ev-tz", "TERUGGEZET", "TZ", "Graag de ondernomen acties van school aanvullen.");
        assertThat(webhook(g, handtekening(g)).statusCode()).isEqualTo(202);
        MimeMessage mail = deEnigeMail();
        assertThat(mail.getSubject()).contains("teruggezet").contains(SCHOOL).contains("OT-TZ");
        controleer(mail, "TZ", "Teruggezet", "Graag de ondernomen acties van school aanvullen.", "opnieuw in");
    }

    @Test
    void conceptOnvolledigNoemtDeVeldenDieOtMist() throws Exception {
        // OT answers 422 FORMULIER_ONVOLLEDIG with velden [zorgwekkendVerzuim.sppohAdviseur] for TR-422-….
        long melding = otMelding(LEERLING, "422-ADV", "NIEUW", LocalDate.of(2026, 10, 26));
        outbox.plaats(melding, "OT", OutboxItem.Operatie.OT_INDIENEN, klok.instant());
        MimeMessage mail = deEnigeMail();
        assertThat(mail.getSubject()).contains("onvolledig").contains(SCHOOL).contains("OT-422-ADV");
        controleer(mail, "422-ADV", "Concept onvolledig", "zorgwekkendVerzuim.sppohAdviseur", "Vervolgstap");
        assertThat(jdbc.sql("select status from melding where id = ?").param(melding).query(String.class).single())
                .isEqualTo("MISLUKT");
    }

    @Test
    void kwartaalherinneringVoor15DecemberMetDeOpenMeldingen() throws Exception {
        otMelding(LEERLING, "KW1", "LOPEND", LocalDate.of(2026, 11, 20));
        otMelding("LN100200", "KW2", "TERUGGEZET", LocalDate.of(2026, 11, 19));
        otMelding("LN-KLAAR", "KW3", "AFGEROND", LocalDate.of(2026, 11, 18));
        assertThat(herinneringen.plan(LocalDate.of(2026, 11, 30))).as("15 dagen voor 15 december: nog niet").isZero();
        assertThat(herinneringen.plan(LocalDate.of(2026, 12, 1))).isEqualTo(1);
        assertThat(herinneringen.plan(LocalDate.of(2026, 12, 1))).as("dezelfde dag nog eens").isZero();
        assertThat(herinneringen.plan(LocalDate.of(2026, 12, 2))).as("de dag erna").isZero();
        // A key already in the mail outbox is known before any melding is read (here: one that no longer exists).
        assertThat(mailService.herinnering(new Herinneringsplan.Herinnering(Herinneringsplan.Soort.OPGAVE, "00YY00",
                LocalDate.of(2026, 12, 15), null, List.of(new Herinneringsplan.Open(999_999L, "00YY00", "OT-X",
                        "LOPEND", LocalDate.of(2026, 11, 20), "A_LANGDURIG_RELATIEF_VERZUIM"))))).isFalse();
        MimeMessage mail = deEnigeMail();
        assertThat(mail.getSubject()).contains("opgave").contains("15 december 2026").contains(SCHOOL)
                .contains("2 open meldingen");
        for (String deel : Mails.delen(mail).values()) {
            assertThat(deel).contains(SCHOOL).contains("OT-KW1").contains("OT-KW2").doesNotContain("OT-KW3")
                    .contains(MOCK.baseUrl() + "/ot/web/trajecten/TR-KW1").contains("lopend (door SPPOH geaccepteerd)")
                    .contains("teruggezet door SPPOH");
            geenPersoonsgegevens(deel);
        }
    }

    /** Domain §4: the opgave reminder goes to "every school, also one with nothing open". */
    @Test
    void kwartaalherinneringOokVoorEenSchoolZonderOpenMeldingen() throws Exception {
        otMelding(LEERLING, "AF", "AFGEROND", LocalDate.of(2026, 10, 5));
        assertThat(herinneringen.plan(LocalDate.of(2026, 12, 1))).isEqualTo(1);
        assertThat(herinneringen.plan(LocalDate.of(2026, 12, 7))).as("once per opgavedatum").isZero();
        MimeMessage mail = deEnigeMail();
        assertThat(mail.getSubject()).contains("opgave").contains("15 december 2026").contains(SCHOOL)
                .contains("geen open meldingen");
        geenPersoonsgegevens(mail.getSubject());
        for (String deel : Mails.delen(mail).values()) {
            assertThat(deel).contains(SCHOOL).contains("geen zorgwekkend verzuim").doesNotContain("OT-AF");
            geenPersoonsgegevens(deel);
        }
    }

    /**
     * Domain §4: "a reminder to the contactpersoon two months after the start of a categorie B melding that is still
     * open", and seed 001 note 2: "Dit geldt ook bij vermoeden van ongeoorloofd verzuim" (categorie A too; the seed
     * wins). Started Sunday 20 September 2026; the connector's clock stands on Friday 20 November.
     */
    @Test
    void tweeMaandenNaDeStartVanEenOpenMeldingZorgwekkendVerzuim() throws Exception {
        long melding = otMelding(LEERLING, "CATB", "LOPEND", LocalDate.of(2026, 9, 20));
        jdbc.sql("update melding set soort = 'B_LANGDURIG_GEOORLOOFD_VERZUIM' where id = ?").param(melding).update();
        long a = otMelding("LN-A", "CATA", "LOPEND", LocalDate.of(2026, 9, 20));
        jdbc.sql("update melding set soort = 'A_LANGDURIG_RELATIEF_VERZUIM' where id = ?").param(a).update();
        herinneringen.plan(); // the route's own timer may have planned it already: either way, one mail each
        herinneringen.plan();
        assertThat(jdbc.sql("select count(*) from mail_outbox where sleutel like 'twee-maanden:%'").query(Integer.class)
                .single()).isEqualTo(2);
        for (long id : new long[] {melding, a}) {
            assertThat(jdbc.sql("select ontvanger from mail_outbox where sleutel = ?")
                    .param("twee-maanden:" + id + ":2026-11-20").query(String.class).single()).isEqualTo(CONTACTPERSOON);
        }
        // The 8-week escalation step (15 November) is also due for both: those mails are the opschaling's own.
        await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.getReceivedMessages().length >= 4);
        MimeMessage mailB = null;
        MimeMessage mailA = null;
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getSubject().startsWith("Twee maanden") && m.getSubject().contains("categorie B")) {
                assertThat(mailB).as("one two-month mail for B").isNull();
                mailB = m;
            } else if (m.getSubject().startsWith("Twee maanden") && m.getSubject().contains("categorie A")) {
                assertThat(mailA).as("one two-month mail for A").isNull();
                mailA = m;
            }
        }
        assertThat(mailB).isNotNull();
        assertThat(mailB.getAllRecipients()).extracting(Object::toString).containsExactly(CONTACTPERSOON);
        assertThat(mailB.getSubject()).contains(SCHOOL).contains("OT-CATB");
        controleer(mailB, "CATB", "20 september 2026", "20 november 2026", "Leerplicht", "lopend (door SPPOH geaccepteerd)",
                "geoorloofd afwezig (categorie B)");
        assertThat(mailA).isNotNull();
        assertThat(mailA.getSubject()).contains(SCHOOL).contains("OT-CATA");
        controleer(mailA, "CATA", "20 november 2026", "Leerplicht", "vermoeden van ongeoorloofd verzuim (categorie A)");
    }

    @Test
    void opschalingNa4WekenOpDeKlokVanDeConnector() throws Exception {
        // First date Friday 23 October; the clock stands on Friday 20 November: 4 weeks.
        long melding = otMelding(LEERLING, "OPS", "LOPEND", LocalDate.of(2026, 10, 23));
        herinneringen.plan(); // the route's own timer may have planned it already: either way, one mail
        assertThat(jdbc.sql("select count(*) from mail_outbox where sleutel = ?")
                .param("opschaling:" + melding + ":INTERCOLLEGIALE_AFSTEMMING:2026-11-20").query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(herinneringen.plan()).isZero();
        MimeMessage mail = deEnigeMail();
        assertThat(mail.getSubject()).contains("Opschalingsroute 4 weken").contains(SCHOOL).contains("OT-OPS");
        controleer(mail, "OPS", "intercollegiale afstemming", "23 oktober 2026", "20 november 2026");
    }

    private MimeMessage deEnigeMail() throws Exception {
        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).as("een mail").isTrue();
        Thread.sleep(800);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(CONTACTPERSOON);
        return mail;
    }

    private void controleer(MimeMessage mail, String x, String... inhoud) throws Exception {
        Map<String, String> delen = Mails.delen(mail);
        assertThat(delen).as("HTML met een platte-tekstdeel").containsKeys("text/plain", "text/html");
        geenPersoonsgegevens(mail.getSubject());
        for (String deel : delen.values()) {
            assertThat(deel).contains(SCHOOL).contains("OT-" + x).contains(MOCK.baseUrl() + "/ot/web/trajecten/TR-" + x)
                    .contains(inhoud);
            geenPersoonsgegevens(deel);
        }
    }

    private static void geenPersoonsgegevens(String tekst) {
        for (String verboden : PERSOONSGEGEVENS) {
            assertThat(tekst).doesNotContain(verboden);
        }
        assertThat(tekst).doesNotContain(LEERLING);
    }
}
