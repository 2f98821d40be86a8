package nl.verzuim.connector.duo;

import java.io.OutputStream;
import java.time.Clock;

import org.apache.cxf.io.CacheAndWriteOutputStream;
import org.apache.cxf.io.CachedOutputStream;
import org.apache.cxf.io.CachedOutputStreamCallback;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.outbox.VerzondenBerichten;

/**
 * Keeps the SOAP envelope exactly as CXF wrote it to DUO (after WS-Addressing and, in production, the WS-Security
 * signature), for outbox work only: the request context names the work's key ({@link #SLEUTEL}). The bytes are
 * copied while they go out, so what is kept is what was sent, not a rebuild. Never logged.
 */
@Component
public class DuoVerzondenSoap extends AbstractPhaseInterceptor<Message> {

    /** The request context's key naming the outbox work (its identificatiecodeBedrijfsdocument). */
    public static final String SLEUTEL = "nl.verzuim.outbox.sleutel";

    private static final Logger LOG = LoggerFactory.getLogger(DuoVerzondenSoap.class);

    private final VerzondenBerichten berichten;
    private final Clock klok;

    public DuoVerzondenSoap(VerzondenBerichten berichten, Clock klok) {
        super(Phase.PRE_STREAM);
        this.berichten = berichten;
        this.klok = klok;
    }

    @Override
    public void handleMessage(Message bericht) {
        Object sleutel = bericht.getContextualProperty(SLEUTEL);
        OutputStream uit = bericht.getContent(OutputStream.class);
        if (sleutel == null || uit == null) {
            return;
        }
        Object adres = bericht.get(Message.ENDPOINT_ADDRESS);
        CacheAndWriteOutputStream kopie = new CacheAndWriteOutputStream(uit);
        bericht.setContent(OutputStream.class, kopie);
        kopie.registerCallback(new CachedOutputStreamCallback() {
            @Override
            public void onFlush(CachedOutputStream cos) {
            }

            @Override
            public void onClose(CachedOutputStream cos) {
                try {
                    StringBuilder envelop = new StringBuilder();
                    cos.writeCacheTo(envelop, "UTF-8");
                    berichten.verzonden(sleutel.toString(), adres == null ? null : adres.toString(),
                            envelop.toString(), klok.instant());
                } catch (Exception e) {
                    // keeping the copy must never stop the melding; the audit trail still says what was sent
                    LOG.warn("Verzonden DUO-bericht niet bewaard ({})", e.getClass().getSimpleName());
                }
            }
        });
    }
}
