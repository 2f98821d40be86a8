package nl.verzuim.connector.ot;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.ot.model.OtModel;

/**
 * Fetches OT's events after the stored cursor, for when webhooks are lost. Events and the new cursor are stored in
 * one transaction; an event the webhook already brought is recognised by its eventId.
 */
@Component
public class OtGebeurtenisPoller {

    private static final Logger LOG = LoggerFactory.getLogger(OtGebeurtenisPoller.class);
    private static final int PAGINA = 100;

    private final OtClient ot;
    private final GebeurtenisRepository gebeurtenissen;
    private final TransactionTemplate transactie;
    private final Clock klok;

    public OtGebeurtenisPoller(OtClient ot, GebeurtenisRepository gebeurtenissen, TransactionTemplate transactie,
                               Clock klok) {
        this.ot = ot;
        this.gebeurtenissen = gebeurtenissen;
        this.transactie = transactie;
        this.klok = klok;
    }

    public void mislukt(Throwable fout) {
        LOG.warn("OT-gebeurtenissen ophalen mislukt ({}); volgende keer opnieuw", Foutketen.van(fout));
    }

    /** Returns the number of new events. */
    public int haalOp() {
        int nieuw = 0;
        for (int pagina = 0; pagina < 50; pagina++) {
            String cursor = gebeurtenissen.cursor().orElse(null);
            OtModel.Gebeurtenissen antwoord = ot.gebeurtenissen(cursor, PAGINA);
            if (antwoord == null || antwoord.gebeurtenissen() == null) {
                return nieuw;
            }
            Integer opgeslagen = transactie.execute(status -> {
                int aantal = 0;
                for (OtModel.Gebeurtenis g : antwoord.gebeurtenissen()) {
                    if (OtWebhookController.ontbrekend(g) != null) {
                        LOG.warn("OT-gebeurtenis uit de poll overgeslagen: {}", OtWebhookController.ontbrekend(g));
                        continue;
                    }
                    if (gebeurtenissen.bewaar(g, "POLL", klok.instant())) {
                        aantal++;
                    }
                }
                if (antwoord.cursor() != null) {
                    gebeurtenissen.cursor(antwoord.cursor());
                }
                return aantal;
            });
            nieuw += opgeslagen == null ? 0 : opgeslagen;
            if (antwoord.gebeurtenissen().size() < PAGINA || antwoord.cursor() == null
                    || antwoord.cursor().equals(cursor)) {
                return nieuw;
            }
        }
        return nieuw;
    }
}
