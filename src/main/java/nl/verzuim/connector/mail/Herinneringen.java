package nl.verzuim.connector.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.config.LevensloopInstellingen;
import nl.verzuim.connector.levensloop.LevensloopRepository;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * Route herinneringen asks this bean, on the connector's clock, which reminders are due today
 * ({@link Herinneringsplan}) and puts each in the mail outbox — once, by its key.
 */
@Component
public class Herinneringen {

    private static final Logger LOG = LoggerFactory.getLogger(Herinneringen.class);
    static final List<String> OPEN = List.of("NIEUW", "INGEDIEND", "TERUGGEZET", "LOPEND");

    private final LevensloopRepository levensloop;
    private final Scholen scholen;
    private final MailService mail;
    private final LevensloopInstellingen instellingen;
    private final TransactionTemplate transactie;
    private final Clock klok;

    public Herinneringen(LevensloopRepository levensloop, Scholen scholen, MailService mail,
                         LevensloopInstellingen instellingen, TransactionTemplate transactie, Clock klok) {
        this.levensloop = levensloop;
        this.scholen = scholen;
        this.mail = mail;
        this.instellingen = instellingen;
        this.transactie = transactie;
        this.klok = klok;
    }

    /** Today's reminders; returns how many mails were new. */
    public int plan() {
        return plan(LocalDate.now(klok));
    }

    public synchronized int plan(LocalDate dag) {
        List<Herinneringsplan.Open> open = levensloop.otMeldingen(OPEN).stream()
                .filter(m -> m.otId() != null)
                .map(m -> new Herinneringsplan.Open(m.id(), m.schoolcode(), m.otId(), m.otStatus(), m.begindatum(),
                        m.soort()))
                .toList();
        List<String> alleScholen = scholen.scholen().stream().map(School::code).toList();
        int nieuw = 0;
        for (Herinneringsplan.Herinnering h : Herinneringsplan.watIsEr(dag, alleScholen, open,
                instellingen.opgaveDagenVooraf(), instellingen.managementafstemming(), instellingen.inhaalDagen())) {
            try {
                Boolean geplaatst = transactie.execute(s -> mail.herinnering(h));
                nieuw += Boolean.TRUE.equals(geplaatst) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("Herinnering {} niet klaargezet ({}); volgende ronde opnieuw", h.sleutel(), Foutketen.van(e));
            }
        }
        if (nieuw > 0) {
            LOG.info("{} herinnering(en) klaargezet voor {}", nieuw, dag);
        }
        return nieuw;
    }
}
