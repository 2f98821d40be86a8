package nl.verzuim.connector.melding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.rules.Beoordelaar;
import nl.verzuim.connector.rules.Beslissing;
import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.rules.Leerling;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Verzuimsoort;
import nl.verzuim.connector.school.School;

/**
 * What a correction does to meldingen already made (issue 12): after each export the pupil is judged again, and a
 * melding the rules made whose decision no longer holds
 * <ul>
 *   <li>not yet sent (onvolledig, waiting for approval, historical, or in the outbox and not claimed): lapses —
 *       {@link MeldingStatus#VERVALLEN}, never sent, with an audit line naming the file. The outbox item is cancelled
 *       by one conditional update that skips an item a delivery worker holds ({@link OutboxRepository#annuleer}): of
 *       the two, one wins;</li>
 *   <li>at DUO (or claimed for it at this moment): flagged "niet meer onderbouwd" with the figures before and after;
 *       with {@code connector.intrekken-na-correctie: automatisch} the connector asks DUO to withdraw it
 *       ({@code intrekkenVerzuimmelding}, through the outbox) once DUO has it;</li>
 *   <li>at OT: flagged for a person (OT's API has no withdrawal).</li>
 * </ul>
 * A 16-uur melding that still holds with other hours stays as it was sent; the audit keeps both figures. Meldingen a
 * person filed (overig verzuim, by hand) are not the rules' to take away.
 */
@Component
public class Correcties {

    private static final Logger LOG = LoggerFactory.getLogger(Correcties.class);
    private static final Set<MeldingStatus> AFGEHANDELD = Set.of(MeldingStatus.INGETROKKEN, MeldingStatus.VERVALLEN,
            MeldingStatus.GESIGNALEERD);

    private final MeldingRepository meldingen;
    private final OutboxRepository outbox;
    private final AuditRepository audit;
    private final ConnectorInstellingen.IntrekkenNaCorrectie intrekken;

    public Correcties(MeldingRepository meldingen, OutboxRepository outbox, AuditRepository audit,
                      ConnectorInstellingen instellingen) {
        this.meldingen = meldingen;
        this.outbox = outbox;
        this.audit = audit;
        this.intrekken = instellingen.intrekkenNaCorrectie() == null
                ? ConnectorInstellingen.IntrekkenNaCorrectie.NA_GOEDKEURING : instellingen.intrekkenNaCorrectie();
    }

    /**
     * Tests the pupil's meldingen against the decisions of this judgement; returns the ids of those that lapsed.
     *
     * @param bron the LAS file after which the pupil is judged (null: not after a file)
     */
    Set<Long> toets(School school, Leerling leerling, List<Registratie> regs, LocalDate peildatum,
                    List<Melding> bestaand, List<Beslissing> beslissingen, String bron, Instant nu) {
        Set<Long> vervallen = new HashSet<>();
        List<Beslissing> zonderEerdere = null;
        for (Melding m : bestaand) {
            if (m.kanaal() == Kanaal.SIGNAAL || AFGEHANDELD.contains(m.status())
                    || m.soort().equals(Verzuimsoort.OVERIG.name())) {
                continue;
            }
            Optional<Beslissing> nog = zelfde(beslissingen, m);
            if (nog.isEmpty() && m.soort().equals(Verzuimsoort.RELATIEF_16_UUR.name())) {
                // The replay is given the 16-uur meldingen already made, and one blocks a new one in its 4 lesweken;
                // whether it holds itself is asked of a replay without them.
                if (zonderEerdere == null) {
                    zonderEerdere = Beoordelaar.beoordeel(leerling, school.kalender(), school.regelinstellingen(),
                            regs, peildatum, List.of());
                }
                nog = zelfde(zonderEerdere, m);
            }
            if (nog.isPresent()) {
                nogOnderbouwd(m, nog.get(), bron, nu);
            } else if (!audit.heeft(m.id(), "HANDMATIG_GEMELD", null)) {
                String waarom = waarom(school, m, regs, bron);
                if (neemWeg(m, waarom, nu)) {
                    vervallen.add(m.id());
                }
            }
        }
        return vervallen;
    }

    private static Optional<Beslissing> zelfde(List<Beslissing> beslissingen, Melding m) {
        return beslissingen.stream().filter(b -> b.kanaal() == m.kanaal() && b.soort().name().equals(m.soort())
                && b.begindatum().equals(m.begindatum())).findFirst();
    }

    /** The rule still holds: a flag goes; other hours of a 16-uur melding are kept beside the sent ones. */
    private void nogOnderbouwd(Melding m, Beslissing nu16, String bron, Instant nu) {
        if (m.nietOnderbouwd() != null) {
            meldingen.nietOnderbouwd(m.id(), null, nu);
            audit.schrijf(m.id(), "WEER_ONDERBOUWD", m.kanaal().name(), "de regel geldt weer"
                    + (bron == null ? "" : " na " + bron), "regels", nu);
        }
        if (m.uren() != null && nu16.uren() != null && m.uren().compareTo(nu16.uren()) != 0) {
            String details = "gemeld met " + uren(m.uren()) + " uur; na de correctie " + uren(nu16.uren())
                    + " uur (de melding blijft zoals ze is gemaakt)";
            if (!audit.heeft(m.id(), "UREN_GEWIJZIGD", details)) {
                audit.schrijf(m.id(), "UREN_GEWIJZIGD", m.kanaal().name(), details + (bron == null ? "" : "; " + bron),
                        "regels", nu);
            }
        }
    }

    /**
     * Takes away a melding whose rule no longer holds: it lapses if it has not left; else it is flagged (and, for
     * DUO with automatisch, withdrawn). Returns whether it lapsed.
     */
    private boolean neemWeg(Melding m, String waarom, Instant nu) {
        boolean bijOntvanger = m.status() == MeldingStatus.VERZONDEN || m.meldingsnummer() != null
                || m.trajectId() != null;
        if (!bijOntvanger) {
            MeldingStatus status = m.status();
            if (status == MeldingStatus.TE_VERZENDEN || status == MeldingStatus.MISLUKT) {
                long open = outbox.voorMelding(m.id()).stream().filter(w -> OutboxRepository.TE_VERZENDEN
                        .equals(w.status()) || OutboxRepository.MISLUKT.equals(w.status())).count();
                // one conditional update: it cancels only what no delivery worker holds
                if (outbox.annuleer(m.id(), nu) < open) {
                    markeer(m, waarom + " (de melding was op dat moment onderweg)", nu);
                    return false;
                }
            }
            if (meldingen.wissel(m.id(), status, MeldingStatus.VERVALLEN, nu)) {
                audit.schrijf(m.id(), "VERVALLEN", m.kanaal().name(), waarom + "; niet verzonden", "regels", nu);
                LOG.info("Melding {} ({} {}) vervallen na een correctie in de LAS; niet verzonden", m.id(), m.kanaal(),
                        m.soort());
                return true;
            }
            return false;
        }
        markeer(m, waarom, nu);
        if (m.kanaal() == Kanaal.DUO && m.meldingsnummer() != null
                && intrekken == ConnectorInstellingen.IntrekkenNaCorrectie.AUTOMATISCH
                && outbox.voorMelding(m.id()).stream().noneMatch(w -> w.operatie() == OutboxItem.Operatie.DUO_INTREKKEN
                        && !OutboxRepository.GEANNULEERD.equals(w.status()))) {
            outbox.plaats(m.id(), "DUO", OutboxItem.Operatie.DUO_INTREKKEN, "niet meer onderbouwd: " + waarom, nu);
            audit.schrijf(m.id(), "INTREKKEN_GEVRAAGD", "DUO", "reden: niet meer onderbouwd: " + waarom, "connector", nu);
            LOG.info("Intrekken van melding {} bij DUO staat klaar (niet meer onderbouwd)", m.id());
        }
        return false;
    }

    private void markeer(Melding m, String waarom, Instant nu) {
        if (waarom.equals(m.nietOnderbouwd())) {
            return;
        }
        meldingen.nietOnderbouwd(m.id(), waarom, nu);
        audit.schrijf(m.id(), "NIET_MEER_ONDERBOUWD", m.kanaal().name(), waarom, "regels", nu);
        LOG.info("Melding {} ({} {}) is niet meer onderbouwd na een correctie in de LAS", m.id(), m.kanaal(),
                m.soort());
    }

    /** Why, in figures: the ongeoorloofd hours of the melding's days when it was made and now. */
    private static String waarom(School school, Melding m, List<Registratie> regs, String bron) {
        LocalDate tot = m.einddatum() == null ? m.begindatum() : m.einddatum();
        int minuten = 0;
        for (Registratie r : regs) {
            if (r.code().isOngeoorloofd() && !r.datum().isBefore(m.begindatum()) && !r.datum().isAfter(tot)) {
                minuten += r.minutenOp(school.kalender().lesminuten(r.datum()));
            }
        }
        String voor = m.uren() == null ? "" : "gemeld met " + uren(m.uren()) + " uur ongeoorloofd; ";
        return (bron == null ? "na een latere export" : "na " + bron) + " geldt " + m.soort() + " van "
                + m.begindatum() + (m.einddatum() == null ? "" : " t/m " + m.einddatum()) + " niet meer: " + voor
                + "nu " + uren(BigDecimal.valueOf(minuten).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP))
                + " uur ongeoorloofd in die periode";
    }

    private static String uren(BigDecimal uren) {
        return uren.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
