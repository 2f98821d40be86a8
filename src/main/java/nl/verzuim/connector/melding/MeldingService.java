package nl.verzuim.connector.melding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.leerling.LeerlingRepository;
import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.rules.Beoordelaar;
import nl.verzuim.connector.rules.Beslissing;
import nl.verzuim.connector.rules.Categorie;
import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.rules.Leerling;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Termijnen;
import nl.verzuim.connector.rules.Verzuimsoort;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * Judges a pupil again on the data now stored and turns new decisions into meldingen. Runs inside the caller's
 * transaction (the intake's), so a decision, its melding and its outbox work are stored together with the intake
 * state that caused them — or not at all.
 */
@Service
public class MeldingService {

    private static final Logger LOG = LoggerFactory.getLogger(MeldingService.class);

    private final LeerlingRepository leerlingen;
    private final RegistratieRepository registraties;
    private final MeldingRepository meldingen;
    private final OutboxRepository outbox;
    private final AuditRepository audit;
    private final NieuweMeldingen nieuweMeldingen;
    private final Correcties correcties;
    private final Scholen scholen;
    private final Clock klok;

    public MeldingService(LeerlingRepository leerlingen, RegistratieRepository registraties,
                          MeldingRepository meldingen, OutboxRepository outbox, AuditRepository audit,
                          NieuweMeldingen nieuweMeldingen, Correcties correcties, Scholen scholen, Clock klok) {
        this.leerlingen = leerlingen;
        this.registraties = registraties;
        this.meldingen = meldingen;
        this.outbox = outbox;
        this.audit = audit;
        this.nieuweMeldingen = nieuweMeldingen;
        this.correcties = correcties;
        this.scholen = scholen;
        this.klok = klok;
    }

    /** Judges one pupil as of {@code peildatum}; returns how many new meldingen were made. */
    @Transactional
    public int herbeoordeel(School school, String leerlingId, LocalDate peildatum) {
        return herbeoordeel(school, leerlingId, peildatum, null);
    }

    /**
     * Judges one pupil as of {@code peildatum} after the LAS file {@code bron} (named in the audit of a melding it
     * takes the basis of) was stored; returns how many new meldingen were made. What a correction does to meldingen
     * already made: {@link Correcties}.
     */
    @Transactional
    public int herbeoordeel(School school, String leerlingId, LocalDate peildatum, String bron) {
        Telling telling = new Telling(false);
        beoordeel(school, leerlingId, leerlingen.vind(school.brin(), school.vestiging(), leerlingId),
                registraties.voorLeerling(school.brin(), school.vestiging(), leerlingId),
                meldingen.voorLeerling(school.brin(), school.vestiging(), leerlingId), peildatum, bron, telling);
        return telling.nieuw();
    }

    /** Below this many pupils a school's pupils are judged one by one; above, the school's data is read at once. */
    static final int PER_SCHOOL_VANAF = 50;

    /** At most this many pupils named in one query (below any database's limit of parameters). */
    private static final int MAX_GENOEMD = 5_000;

    /**
     * Judges the given pupils of one school as {@link #herbeoordeel(School, String, LocalDate, String)} does each,
     * but for many of them reads the school's pupils, meldingen and registrations in three queries (the
     * registrations in one pass ordered by pupil, one pupil's held at a time) instead of three per pupil. The same
     * decisions, meldingen, corrections and audit; per melding only a DEBUG line — the caller logs a summary of the
     * returned {@link Telling}.
     */
    @Transactional
    public Telling herbeoordeel(School school, java.util.Collection<String> leerlingIds, LocalDate peildatum,
                                String bron) {
        Telling telling = new Telling(true);
        if (leerlingIds.size() < PER_SCHOOL_VANAF) {
            for (String leerlingId : leerlingIds) {
                beoordeel(school, leerlingId, leerlingen.vind(school.brin(), school.vestiging(), leerlingId),
                        registraties.voorLeerling(school.brin(), school.vestiging(), leerlingId),
                        meldingen.voorLeerling(school.brin(), school.vestiging(), leerlingId), peildatum, bron, telling);
            }
            schrijf(telling);
            return telling;
        }
        Set<String> teBeoordelen = new java.util.HashSet<>(leerlingIds);
        java.util.Map<String, LeerlingGegevens> gegevens = leerlingen.voorSchool(school.brin(), school.vestiging());
        java.util.Map<String, List<Melding>> bestaand = meldingen.voorSchool(school.brin(), school.vestiging());
        // a few of a large school's pupils (a daily EDEXML export of one school's part): read only theirs
        List<String> alleen = leerlingIds.size() <= MAX_GENOEMD && leerlingIds.size() * 2 <= gegevens.size()
                ? List.copyOf(teBeoordelen) : null;
        registraties.perLeerling(school.brin(), school.vestiging(), alleen, (leerlingId, regs) -> {
            if (teBeoordelen.remove(leerlingId)) {
                beoordeel(school, leerlingId, Optional.ofNullable(gegevens.get(leerlingId)), regs,
                        bestaand.getOrDefault(leerlingId, List.of()), peildatum, bron, telling);
            }
        });
        // pupils without a registration left (a file took all of theirs away, or an EDEXML export named them)
        for (String leerlingId : leerlingIds) {
            if (teBeoordelen.remove(leerlingId)) {
                beoordeel(school, leerlingId, Optional.ofNullable(gegevens.get(leerlingId)), List.of(),
                        bestaand.getOrDefault(leerlingId, List.of()), peildatum, bron, telling);
            }
        }
        schrijf(telling);
        return telling;
    }

    /** What judging a set of pupils did: pupils judged, new meldingen per kanaal, meldingen that lapsed. */
    public static final class Telling {
        private final boolean samengevat;
        /** New meldingen not written yet (summarising only): written by {@link #schrijf} before the count is read. */
        private final List<NieuweMeldingen.Nieuwe> wachtrij = new java.util.ArrayList<>();
        private int leerlingen;
        private final java.util.Map<Kanaal, Integer> nieuwPerKanaal = new java.util.EnumMap<>(Kanaal.class);
        private int vervallen;

        Telling(boolean samengevat) {
            this.samengevat = samengevat;
        }

        public int leerlingen() {
            return leerlingen;
        }

        public int nieuw() {
            return nieuwPerKanaal.values().stream().mapToInt(Integer::intValue).sum();
        }

        public java.util.Map<Kanaal, Integer> nieuwPerKanaal() {
            return java.util.Collections.unmodifiableMap(nieuwPerKanaal);
        }

        public int vervallen() {
            return vervallen;
        }

        /** Adds another's counts (of another school) to these. */
        public void tel(Telling andere) {
            leerlingen += andere.leerlingen;
            andere.nieuwPerKanaal.forEach((k, n) -> nieuwPerKanaal.merge(k, n, Integer::sum));
            vervallen += andere.vervallen;
        }

        public static Telling leeg() {
            return new Telling(true);
        }
    }

    private void beoordeel(School school, String leerlingId, Optional<LeerlingGegevens> gegevens,
                           List<Registratie> regs, List<Melding> bestaand, LocalDate peildatum, String bron,
                           Telling telling) {
        Instant nu = klok.instant();
        telling.leerlingen++;
        Leerling leerling = new Leerling(leerlingId, gegevens.map(LeerlingGegevens::geboortedatum).orElse(null), false);
        List<Beslissing> eerdere = bestaand.stream()
                .filter(m -> m.soort().equals(Verzuimsoort.RELATIEF_16_UUR.name()))
                .map(m -> new Beslissing(Verzuimsoort.RELATIEF_16_UUR, m.begindatum(), m.einddatum(), m.uren(),
                        m.beslotenOp(), m.uitleg(), List.of()))
                .toList();
        List<Beslissing> beslissingen = Beoordelaar.beoordeel(leerling, school.kalender(), school.regelinstellingen(),
                regs, peildatum, eerdere);
        Set<Long> vervallen = correcties.toets(school, leerling, regs, peildatum, bestaand, beslissingen, bron, nu);
        telling.vervallen += vervallen.size();
        for (Beslissing beslissing : beslissingen) {
            if (!school.bedient(beslissing.kanaal())) {
                continue; // kanalen: the school's LAS reports to this receiver itself
            }
            Optional<Melding> zelfde = bestaand.stream()
                    .filter(m -> m.kanaal() == beslissing.kanaal() && m.soort().equals(beslissing.soort().name())
                            && m.begindatum().equals(beslissing.begindatum()))
                    .findFirst();
            if (zelfde.isPresent()) {
                Melding m = zelfde.get();
                if (m.status() == MeldingStatus.VERVALLEN) {
                    weerOnderbouwd(school, m, gegevens, bron, nu);
                    continue;
                }
                if (beslissing.einddatum() != null && !beslissing.einddatum().equals(m.einddatum())) {
                    meldingen.werkBij(m.id(), beslissing.einddatum(), beslissing.uitleg(), nu);
                }
                continue;
            }
            maak(school, leerlingId, gegevens, beslissing, nu, telling);
            telling.nieuwPerKanaal.merge(beslissing.kanaal(), 1, Integer::sum);
        }
        for (Melding m : bestaand) {
            if (m.status() == MeldingStatus.ONVOLLEDIG && !vervallen.contains(m.id())) {
                List<String> ontbrekend = ontbrekend(m.kanaal(), gegevens);
                if (ontbrekend.isEmpty()) {
                    geefVrij(school, m.id(), m.kanaal(), nu);
                } else {
                    meldingen.status(m.id(), MeldingStatus.ONVOLLEDIG, String.join(", ", ontbrekend), nu);
                }
            }
        }
    }

    /** A lapsed melding whose rule holds again (a correction undone): it takes the way of a new one once more. */
    private void weerOnderbouwd(School school, Melding m, Optional<LeerlingGegevens> gegevens, String bron,
                                Instant nu) {
        List<String> ontbrekend = ontbrekend(m.kanaal(), gegevens);
        MeldingStatus naar = ontbrekend.isEmpty() ? MeldingStatus.TE_VERZENDEN : MeldingStatus.ONVOLLEDIG;
        if (!meldingen.wissel(m.id(), MeldingStatus.VERVALLEN, naar, nu)) {
            return;
        }
        audit.schrijf(m.id(), "WEER_ONDERBOUWD", m.kanaal().name(), "de regel geldt weer"
                + (bron == null ? "" : " na " + bron), "regels", nu);
        if (ontbrekend.isEmpty()) {
            geefVrij(school, m.id(), m.kanaal(), nu);
        } else {
            meldingen.status(m.id(), MeldingStatus.ONVOLLEDIG, String.join(", ", ontbrekend), nu);
        }
    }

    private void maak(School school, String leerlingId, Optional<LeerlingGegevens> gegevens, Beslissing beslissing,
                      Instant nu, Telling telling) {
        if (beslissing.kanaal() != Kanaal.SIGNAAL && school.voorMeldingenVanaf(beslissing.beslotenOp())) {
            // before go-live: kept, shown, no deadline; a person may still send it (MeldingActies.keurGoed)
            bewaar(new MeldingRepository.Nieuw(school.brin(), school.vestiging(), leerlingId, beslissing, null,
                    MeldingStatus.HISTORISCH, null, nu), "HISTORISCH", beslissing.kanaal().name(),
                    beslissing.soort().name() + "; besloten voor meldingen_vanaf " + school.meldingenVanaf()
                            + ": niet verzonden", "regels", false, telling);
            return;
        }
        LocalDate uiterste = beslissing.kanaal() == Kanaal.DUO
                ? Termijnen.uitersteMelddatumDuo(beslissing.beslotenOp()) : null;
        maak(school, leerlingId, gegevens, beslissing, uiterste, "BESLOTEN", "regels", nu, telling);
    }

    /**
     * Stores a melding and sends it on its way: a signal stays a signal; a melding missing fields its receiver needs
     * is held as ONVOLLEDIG; a complete one waits for approval or goes into the outbox. {@code actie} and {@code door}
     * go to the audit trail (the rules, or the person who filed it). With a summarising {@link Telling} (a file's
     * many pupils) it is written with the next batch and the id is not known yet: -1.
     */
    private long maak(School school, String leerlingId, Optional<LeerlingGegevens> gegevens, Beslissing beslissing,
                      LocalDate uiterste, String actie, String door, Instant nu, Telling telling) {
        Kanaal kanaal = beslissing.kanaal();
        if (kanaal == Kanaal.SIGNAAL) {
            return bewaar(new MeldingRepository.Nieuw(school.brin(), school.vestiging(), leerlingId, beslissing, null,
                    MeldingStatus.GESIGNALEERD, null, nu), actie, null, beslissing.soort().name(), door, false, telling);
        }
        List<String> ontbrekend = ontbrekend(kanaal, gegevens);
        if (!ontbrekend.isEmpty()) {
            long id = bewaar(new MeldingRepository.Nieuw(school.brin(), school.vestiging(), leerlingId, beslissing,
                    uiterste, MeldingStatus.ONVOLLEDIG, String.join(", ", ontbrekend), nu), actie, kanaal.name(),
                    beslissing.soort().name() + "; onvolledig: " + String.join(", ", ontbrekend), door, false, telling);
            // The melding id only: the LAS key (leerlingId) is a personal identifier and stays out of the log.
            if (telling == null || !telling.samengevat) {
                LOG.info("Melding {} {} {} is onvolledig: {}", id, kanaal, beslissing.soort().name(), ontbrekend);
            }
            return id;
        }
        MeldingStatus wacht = wachtOpAanvulling(school, kanaal) ? MeldingStatus.WACHT_OP_AANVULLING
                : school.verzenden() == School.Verzenden.NA_GOEDKEURING ? MeldingStatus.WACHT_OP_GOEDKEURING : null;
        // one that waits for a person is stored waiting at once (as geefVrij would decide); else it goes to the outbox
        return bewaar(new MeldingRepository.Nieuw(school.brin(), school.vestiging(), leerlingId, beslissing, uiterste,
                wacht != null ? wacht : MeldingStatus.TE_VERZENDEN, null, nu), actie, kanaal.name(),
                beslissing.soort().name(), door, wacht == null, telling);
    }

    /**
     * Writes a new melding with its audit line, and its outbox work when it is to be sent: at once, or — with a
     * summarising {@link Telling} — queued for the next batch ({@link #schrijf}), then -1.
     */
    private long bewaar(MeldingRepository.Nieuw nieuw, String actie, String ontvanger, String details, String door,
                        boolean naarOutbox, Telling telling) {
        NieuweMeldingen.Nieuwe melding = new NieuweMeldingen.Nieuwe(nieuw, actie, ontvanger, details, door, naarOutbox);
        if (telling != null && telling.samengevat) {
            telling.wachtrij.add(melding);
            if (telling.wachtrij.size() >= NieuweMeldingen.BATCH) {
                schrijf(telling);
            }
            return -1;
        }
        long id = nieuweMeldingen.schrijf(List.of(melding)).get(0);
        if (naarOutbox) {
            klaarVoorVerzending(id, nieuw.beslissing().kanaal());
        }
        return id;
    }

    /** Writes what waits in a summarising {@link Telling}. */
    private void schrijf(Telling telling) {
        nieuweMeldingen.schrijf(telling.wachtrij);
        telling.wachtrij.clear();
    }

    /** A complete melding either waits for a person (na_goedkeuring) or goes into the outbox. */
    private void geefVrij(School school, long meldingId, Kanaal kanaal, Instant nu) {
        if (wachtOpAanvulling(school, kanaal)) {
            // the person who completes it submits it: that is the approval too
            meldingen.status(meldingId, MeldingStatus.WACHT_OP_AANVULLING, null, nu);
            return;
        }
        if (school.verzenden() == School.Verzenden.NA_GOEDKEURING) {
            meldingen.status(meldingId, MeldingStatus.WACHT_OP_GOEDKEURING, null, nu);
            return;
        }
        zetInOutbox(meldingId, kanaal, nu);
    }

    /**
     * A person sends a historical melding after all: held as ONVOLLEDIG while its receiver's fields are missing,
     * else into the outbox.
     */
    void verstuurHistorisch(Melding m, Instant nu) {
        List<String> ontbrekend = ontbrekend(m.kanaal(), leerlingen.vind(m.brin(), m.vestiging(), m.leerlingId()));
        if (ontbrekend.isEmpty()) {
            naarOntvanger(m, nu);
        } else {
            meldingen.status(m.id(), MeldingStatus.ONVOLLEDIG, String.join(", ", ontbrekend), nu);
        }
    }

    /** An approved melding leaves; an OT melding of a {@code na_aanvulling} school first waits for its aanvulling. */
    void naarOntvanger(Melding m, Instant nu) {
        if (scholen.vind(m.brin(), m.vestiging()).filter(s -> wachtOpAanvulling(s, m.kanaal())).isPresent()) {
            meldingen.status(m.id(), MeldingStatus.WACHT_OP_AANVULLING, null, nu);
            return;
        }
        zetInOutbox(m.id(), m.kanaal(), nu);
    }

    private static boolean wachtOpAanvulling(School school, Kanaal kanaal) {
        return kanaal == Kanaal.OT && school.otIndienen() == School.OtIndienen.NA_AANVULLING;
    }

    void zetInOutbox(long meldingId, Kanaal kanaal, Instant nu) {
        meldingen.status(meldingId, MeldingStatus.TE_VERZENDEN, null, nu);
        outbox.plaats(meldingId, kanaal.name(), NieuweMeldingen.operatie(kanaal), nu);
        klaarVoorVerzending(meldingId, kanaal);
    }

    /** The melding id only: the LAS key is a personal identifier and stays out of the log. */
    private static void klaarVoorVerzending(long meldingId, Kanaal kanaal) {
        LOG.info("Melding {} ({}) staat klaar voor verzending", meldingId, kanaal);
    }

    private static List<String> ontbrekend(Kanaal kanaal, Optional<LeerlingGegevens> gegevens) {
        return kanaal == Kanaal.DUO ? Volledigheid.ontbrekendVoorDuo(gegevens) : Volledigheid.ontbrekendVoorOt(gegevens);
    }

    /** Why a hand-filed melding (OVERIG, LRV) was refused. */
    public static class OverigGeweigerd extends RuntimeException {
        public enum Reden { LEERLING_ONBEKEND, BESTAAT_AL, ONGELDIG, NIET_CATEGORIE_A }

        private final Reden reden;

        OverigGeweigerd(Reden reden, String bericht) {
            super(bericht);
            this.reden = reden;
        }

        public Reden reden() {
            return reden;
        }
    }

    /**
     * A person files an {@code OVERIG} (overig verzuim) DUO melding for a pupil: absence below the legal threshold
     * the school finds worrying. The rules never decide this themselves. It then takes the path of every DUO
     * melding: held as ONVOLLEDIG while DUO's fields are missing, else waiting for approval (na_goedkeuring) or into
     * the outbox. Overig verzuim is not required by law, so it has no uiterste melddatum. Returns the melding's id.
     *
     * @param einddatum   optional: the last day of the absence reported
     * @param toelichting why the school reports it; kept in the uitleg, not sent to DUO
     * @param door        who filed it (the login name), for the audit trail
     */
    @Transactional
    public long meldOverig(School school, String leerlingId, LocalDate begindatum, LocalDate einddatum,
                           String toelichting, String door) {
        return meldHandmatig(Verzuimsoort.OVERIG, school, leerlingId, begindatum, einddatum, toelichting, door);
    }

    /**
     * A person files an LRV melding for a categorie A pupil who is not continuously absent (domain §4: SPPOH asks
     * that categorie A be reported to DUO "als langdurig relatief verzuim"; DUO's own rule, 28 days continuously,
     * is what the rules decide). Categorie A here means: the connector holds an OT melding of categorie A for the
     * pupil that is still open (not afgerond, not withdrawn). It then takes the path of {@link #meldOverig}; DUO
     * needs an einddatum for LRV. Its uiterste melddatum is 5 werkdagen after the day it was filed, as for any LRV.
     */
    @Transactional
    public long meldLrv(School school, String leerlingId, LocalDate begindatum, LocalDate einddatum,
                        String toelichting, String door) {
        if (einddatum == null) {
            throw new OverigGeweigerd(OverigGeweigerd.Reden.ONGELDIG, "einddatum ontbreekt (DUO vraagt hem voor LRV)");
        }
        boolean categorieA = meldingen.voorLeerling(school.brin(), school.vestiging(), leerlingId).stream()
                .anyMatch(m -> m.kanaal() == Kanaal.OT && m.soort().equals(Categorie.A_LANGDURIG_RELATIEF_VERZUIM.name())
                        && OPEN.contains(m.status()) && !"AFGEROND".equalsIgnoreCase(m.otStatus()));
        if (!categorieA && leerlingen.vind(school.brin(), school.vestiging(), leerlingId).isPresent()) {
            throw new OverigGeweigerd(OverigGeweigerd.Reden.NIET_CATEGORIE_A, "de leerling heeft geen open OT-melding"
                    + " categorie A; LRV met de hand is alleen voor categorie A (de regels melden LRV zelf bij 28 dagen"
                    + " aaneengesloten verzuim)");
        }
        return meldHandmatig(Verzuimsoort.LANGDURIG_RELATIEF, school, leerlingId, begindatum, einddatum, toelichting,
                door);
    }

    /** The states of a melding that is still under way or at its receiver (not failed, not withdrawn). */
    private static final java.util.Set<MeldingStatus> OPEN = java.util.EnumSet.of(MeldingStatus.ONVOLLEDIG,
            MeldingStatus.WACHT_OP_GOEDKEURING, MeldingStatus.WACHT_OP_AANVULLING, MeldingStatus.TE_VERZENDEN,
            MeldingStatus.VERZONDEN);

    private long meldHandmatig(Verzuimsoort soort, School school, String leerlingId, LocalDate begindatum,
                               LocalDate einddatum, String toelichting, String door) {
        String naam = soort == Verzuimsoort.OVERIG ? "overig verzuim" : "LRV";
        Instant nu = klok.instant();
        LocalDate vandaag = LocalDate.now(klok);
        if (begindatum == null || begindatum.isAfter(vandaag)) {
            throw new OverigGeweigerd(OverigGeweigerd.Reden.ONGELDIG, "begindatum ontbreekt of ligt na vandaag");
        }
        if (einddatum != null && (einddatum.isBefore(begindatum) || einddatum.isAfter(vandaag))) {
            throw new OverigGeweigerd(OverigGeweigerd.Reden.ONGELDIG,
                    "einddatum ligt voor de begindatum of na vandaag");
        }
        String uitleg = toelichting == null ? "" : toelichting.strip();
        if (uitleg.isEmpty() || uitleg.length() > 1000) {
            throw new OverigGeweigerd(OverigGeweigerd.Reden.ONGELDIG, "toelichting ontbreekt of is langer dan 1000 tekens");
        }
        Optional<LeerlingGegevens> gegevens = leerlingen.vind(school.brin(), school.vestiging(), leerlingId);
        if (gegevens.isEmpty()) {
            throw new OverigGeweigerd(OverigGeweigerd.Reden.LEERLING_ONBEKEND,
                    "leerling onbekend bij school " + school.code());
        }
        boolean bestaat = meldingen.voorLeerling(school.brin(), school.vestiging(), leerlingId).stream()
                .anyMatch(m -> m.kanaal() == Kanaal.DUO && m.soort().equals(soort.name())
                        && m.begindatum().equals(begindatum));
        if (bestaat) {
            throw new OverigGeweigerd(OverigGeweigerd.Reden.BESTAAT_AL,
                    "er is al een melding " + naam + " met deze begindatum");
        }
        String wat = soort == Verzuimsoort.OVERIG ? "Overig verzuim" : "Langdurig relatief verzuim (categorie A,"
                + " niet aaneengesloten afwezig)";
        Beslissing beslissing = new Beslissing(soort, begindatum, einddatum, null, vandaag,
                wat + ", gemeld door " + door + " op " + vandaag + ": " + uitleg, List.of());
        // Overig verzuim is not required by law: no uiterste melddatum. An LRV melding has DUO's term from today.
        LocalDate uiterste = soort == Verzuimsoort.OVERIG ? null : Termijnen.uitersteMelddatumDuo(vandaag);
        long id;
        try {
            id = maak(school, leerlingId, gegevens, beslissing, uiterste, "HANDMATIG_GEMELD", door, nu, null);
        } catch (DuplicateKeyException e) {
            // Two people filed the same one at once: the check above passed for both, the unique key stopped one.
            throw new OverigGeweigerd(OverigGeweigerd.Reden.BESTAAT_AL,
                    "er is al een melding " + naam + " met deze begindatum");
        }
        LOG.info("Melding {} {} handmatig gemeld door {}", id, soort.name(), door);
        return id;
    }
}
