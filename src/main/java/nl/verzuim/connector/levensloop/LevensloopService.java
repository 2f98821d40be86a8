package nl.verzuim.connector.levensloop;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.leerling.LeerlingRepository;
import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.melding.ActieGeweigerd;
import nl.verzuim.connector.melding.AuditRepository;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingActies;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.melding.Volledigheid;
import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.rules.PercentageOnderwijs;
import nl.verzuim.connector.rules.Uitleg;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * What happens to an OT melding after it was filed, by a person or by the connector: resubmitting a returned
 * melding, and changes to a running one (statusperiode, interventie, percentage onderwijs, logboek, afronding).
 * Each step is checked against {@link Levensloop}; each OT call goes into the outbox (kanaal OTLOOP) in the
 * caller's transaction, so nothing decided is lost, and each change the connector makes gets a logboek entry.
 */
@Service
public class LevensloopService {

    private static final Logger LOG = LoggerFactory.getLogger(LevensloopService.class);
    static final Set<String> CATEGORIEEN = Set.of("A_LANGDURIG_RELATIEF_VERZUIM", "B_LANGDURIG_GEOORLOOFD_VERZUIM");
    /** OT's Hoofdoorzaak (ot-api-v1.yaml), in its order; the letter before the first _ is its categorie. */
    public static final List<String> HOOFDOORZAKEN = List.of("A_LEERLING_WIL_NIET_NAAR_SCHOOL",
            "A_OUDERS_WILLEN_NIET_DAT_KIND_NAAR_SCHOOL_GAAT", "A_GEEN_OVEREENSTEMMING_OVER_PASSENDE_ONDERWIJSPLEK",
            "A_WEL_IN_STAAT_GEEN_PASSENDE_ONDERWIJSPLEK", "B_PSYCHISCHE_OORZAAK", "B_LICHAMELIJKE_OORZAAK");
    /** Free texts a person types (toelichting, waarom): as long as MeldingActies allows a reden, well within OT's
     * 4000 and our varchar(4000) columns (audit, ot_opdracht with the JSON around it). */
    static final int MAX_TEKST = 2000;
    /** OT's Interventiesoort (ot-api-v1.yaml), in its order. */
    public static final List<String> INTERVENTIES = List.of("GEEN_PASSEND_EN_GESTART_AANBOD",
            "INZET_JEUGDHULP_MEDISCHE_ZORG_BEHANDELING", "INZET_LEERPLICHT", "AANGEPAST_ONDERWIJSPROGRAMMA",
            "ZORGTRAJECT_DAGBESTEDING", "DAGINVULLINGSPROGRAMMA", "GESLOTEN_OF_RESIDENTIELE_INSTELLING");
    /** OT's Afrondingsreden (ot-api-v1.yaml): a school closes a lopende melding for one of these. */
    public static final List<String> AFRONDINGSREDENEN = List.of("VOLGT_WEER_ONDERWIJS", "UITGESCHREVEN",
            "VRIJSTELLING");
    /** The SPPOH-adviseur's name: as long as our column. */
    static final int MAX_ADVISEUR = 200;

    private final MeldingRepository meldingen;
    private final LevensloopRepository levensloop;
    private final LeerlingRepository leerlingen;
    private final RegistratieRepository registraties;
    private final OutboxRepository outbox;
    private final AuditRepository audit;
    private final Scholen scholen;
    private final Clock klok;

    public LevensloopService(MeldingRepository meldingen, LevensloopRepository levensloop,
                             LeerlingRepository leerlingen, RegistratieRepository registraties,
                             OutboxRepository outbox, AuditRepository audit, Scholen scholen, Clock klok) {
        this.meldingen = meldingen;
        this.levensloop = levensloop;
        this.leerlingen = leerlingen;
        this.registraties = registraties;
        this.outbox = outbox;
        this.audit = audit;
        this.scholen = scholen;
        this.klok = klok;
    }

    /** The result of an accepted action, for the API. */
    public record Uitkomst(long meldingId, String otStatus, String wat) {
    }

    /**
     * SPPOH returned the melding: remember which fields of OT's form the LAS left empty then, so that the melding
     * can be resubmitted once a later export supplies them. Runs in the event's transaction.
     */
    public void teruggezet(Melding melding) {
        Optional<LeerlingGegevens> leerling = leerlingen.vind(melding.brin(), melding.vestiging(), melding.leerlingId());
        String leeg = String.join(", ", Volledigheid.legeVeldenInOtFormulier(leerling));
        LevensloopRepository.Stand stand = levensloop.stand(melding.id()).orElseGet(() -> beginStand(melding));
        levensloop.bewaar(stand.metTeruggezet(leeg.isEmpty() ? null : leeg), klok.instant());
    }

    /**
     * Resubmits a returned melding (TERUGGEZET → INGEDIEND) through the outbox: the OT delivery route posts
     * {@code indienen} with a new Idempotency-Key and records INGEDIEND when OT confirms. Asking twice while it is
     * on its way does nothing more.
     */
    @Transactional
    public Uitkomst opnieuwIndienen(long meldingId, String door, String waarom) {
        tekst("de toelichting", waarom);
        // The row lock makes a person's click and the LAS round (or a double click) wait for each other, so the
        // second one sees the first one's OT_INDIENEN and places none.
        Melding melding = otMelding(meldingen.vindVoorUpdate(meldingId), meldingId);
        Levensloop.Status status = Levensloop.Status.van(melding.otStatus());
        Levensloop.na(status, Levensloop.Stap.OPNIEUW_INDIENEN);
        if (levensloop.open(meldingId, OutboxItem.Operatie.OT_INDIENEN) > 0) {
            return new Uitkomst(meldingId, status.name(), "opnieuw indienen is al onderweg naar OT");
        }
        Instant nu = klok.instant();
        outbox.plaats(meldingId, "OT", OutboxItem.Operatie.OT_INDIENEN, nu);
        meldingen.status(meldingId, MeldingStatus.TE_VERZENDEN, null, nu);
        LevensloopRepository.Stand stand = levensloop.stand(meldingId).orElseGet(() -> beginStand(melding));
        levensloop.bewaar(stand.metOpnieuwIngediend(nu), nu);
        audit.schrijf(meldingId, "OPNIEUW_INDIENEN", "OT", waarom, door, nu);
        LOG.info("Melding {} (traject {}) wordt opnieuw ingediend bij SPPOH", meldingId, melding.trajectId());
        return new Uitkomst(meldingId, status.name(), "opnieuw indienen staat klaar voor OT");
    }

    /** An interventie, only on a lopende melding; OT ties it to the running statusperiode. */
    @Transactional
    public Uitkomst interventie(long meldingId, String soort, LocalDate startdatum, String toelichting, String door) {
        if (soort == null || !INTERVENTIES.contains(soort)) {
            throw new MeldingActies.OngeldigVerzoek("onbekende interventie; kies uit " + INTERVENTIES);
        }
        if (startdatum == null) {
            throw new MeldingActies.OngeldigVerzoek("startdatum ontbreekt");
        }
        tekst("de toelichting", toelichting);
        Melding melding = lopend(meldingId);
        Instant nu = klok.instant();
        levensloop.opdracht(meldingId, OutboxItem.Operatie.OT_INTERVENTIE,
                new OtOpdracht.Interventie(soort, startdatum, toelichting), nu);
        logboek(meldingId, startdatum, "Interventie toegevoegd: " + soort + " vanaf " + Uitleg.datum(startdatum)
                + " (door de school, via de verzuimconnector).");
        audit.schrijf(meldingId, "INTERVENTIE", "OT", soort + " vanaf " + startdatum, door, nu);
        return new Uitkomst(meldingId, melding.otStatus(), "interventie staat klaar voor OT");
    }

    /** A new statusperiode (categorie + hoofdoorzaak + startdatum): only once the running one has an einddatum. */
    @Transactional
    public Uitkomst statusperiode(long meldingId, String categorie, String hoofdoorzaak, LocalDate startdatum,
                                  String door) {
        if (categorie == null || !CATEGORIEEN.contains(categorie)) {
            throw new MeldingActies.OngeldigVerzoek("onbekende categorie; kies uit " + CATEGORIEEN);
        }
        if (hoofdoorzaak != null && !HOOFDOORZAKEN.contains(hoofdoorzaak)) {
            throw new MeldingActies.OngeldigVerzoek("onbekende hoofdoorzaak; kies uit " + HOOFDOORZAKEN);
        }
        if (hoofdoorzaak != null && !hoofdoorzaak.startsWith(categorie.substring(0, 2))) {
            throw new MeldingActies.OngeldigVerzoek("een hoofdoorzaak van categorie " + hoofdoorzaak.charAt(0)
                    + " hoort niet bij categorie " + categorie.charAt(0));
        }
        if (startdatum == null) {
            throw new MeldingActies.OngeldigVerzoek("startdatum ontbreekt");
        }
        Melding melding = lopend(meldingId);
        LevensloopRepository.Stand stand = levensloop.standVoorUpdate(meldingId).orElseGet(() -> beginStand(melding));
        if (stand.statusperiodeEind() == null) {
            throw new ActieGeweigerd("een nieuwe status kan pas als de lopende statusperiode (vanaf "
                    + Uitleg.datum(stand.statusperiodeStart()) + ") een einddatum heeft; beëindig die eerst");
        }
        if (!startdatum.isAfter(stand.statusperiodeEind())) {
            throw new ActieGeweigerd("de nieuwe statusperiode moet na de einddatum van de vorige ("
                    + Uitleg.datum(stand.statusperiodeEind()) + ") beginnen");
        }
        Instant nu = klok.instant();
        levensloop.opdracht(meldingId, OutboxItem.Operatie.OT_STATUSPERIODE,
                new OtOpdracht.Statusperiode(categorie, hoofdoorzaak, startdatum), nu);
        levensloop.bewaar(stand.metStatusperiode(null, categorie, hoofdoorzaak, startdatum, null), nu);
        logboek(meldingId, startdatum, "Nieuwe statusperiode: categorie " + categorie.charAt(0) + " vanaf "
                + Uitleg.datum(startdatum) + " (door de school, via de verzuimconnector).");
        audit.schrijf(meldingId, "STATUSPERIODE", "OT", categorie + " vanaf " + startdatum, door, nu);
        return new Uitkomst(meldingId, melding.otStatus(), "statusperiode staat klaar voor OT");
    }

    /** Ends the running statusperiode, so that a new one can follow. */
    @Transactional
    public Uitkomst beeindigStatusperiode(long meldingId, LocalDate einddatum, String door) {
        Melding melding = lopend(meldingId);
        LevensloopRepository.Stand stand = levensloop.standVoorUpdate(meldingId).orElseGet(() -> beginStand(melding));
        if (stand.statusperiodeEind() != null) {
            throw new ActieGeweigerd("er loopt geen statusperiode: de laatste eindigde op "
                    + Uitleg.datum(stand.statusperiodeEind()));
        }
        if (stand.statusperiodeId() == null) {
            throw new ActieGeweigerd("OT gaf het id van deze statusperiode niet terug (de eerste periode komt met het"
                    + " traject mee); beëindig haar in OT zelf");
        }
        if (einddatum == null || einddatum.isBefore(stand.statusperiodeStart())) {
            throw new MeldingActies.OngeldigVerzoek("einddatum ontbreekt of ligt voor de startdatum van de periode");
        }
        Instant nu = klok.instant();
        levensloop.opdracht(meldingId, OutboxItem.Operatie.OT_STATUSPERIODE_BEEINDIGEN,
                new OtOpdracht.Beeindiging(stand.statusperiodeId(), einddatum), nu);
        levensloop.bewaar(stand.metStatusperiode(stand.statusperiodeId(), stand.categorie(), stand.hoofdoorzaak(),
                stand.statusperiodeStart(), einddatum), nu);
        audit.schrijf(meldingId, "STATUSPERIODE_BEEINDIGD", "OT", "einddatum " + einddatum, door, nu);
        return new Uitkomst(meldingId, melding.otStatus(), "einde statusperiode staat klaar voor OT");
    }

    /** A new percentage onderwijs from {@code vanaf}; OT (and our copy) ends the running one the day before. */
    void percentage(Melding melding, LevensloopRepository.Stand stand, int nieuw, LocalDate vanaf, String waarom) {
        Instant nu = klok.instant();
        levensloop.opdracht(melding.id(), OutboxItem.Operatie.OT_PERCENTAGE,
                new OtOpdracht.Percentage(nieuw, vanaf), nu);
        levensloop.nieuwPercentage(melding.id(), nieuw, vanaf);
        logboek(melding.id(), vanaf, "Percentage onderwijs gewijzigd van " + stand.percentage() + "% naar " + nieuw
                + "% per " + Uitleg.datum(vanaf) + " (" + waarom + "; bijgewerkt door de verzuimconnector).");
        audit.schrijf(melding.id(), "PERCENTAGE", "OT", stand.percentage() + " -> " + nieuw + " vanaf " + vanaf,
                "connector", nu);
    }

    /** Closes a lopende melding in OT: afronding with reden and einddatum verzuim, after a logboek entry. */
    void afronden(Melding melding, String reden, LocalDate einddatum, String toelichting) {
        afronden(melding, reden, einddatum, toelichting, "Afgerond door de verzuimconnector: " + toelichting,
                "connector");
    }

    private void afronden(Melding melding, String reden, LocalDate einddatum, String toelichting, String logboek,
                          String door) {
        Levensloop.na(Levensloop.Status.van(melding.otStatus()), Levensloop.Stap.AFRONDEN);
        Instant nu = klok.instant();
        logboek(melding.id(), einddatum, logboek);
        levensloop.opdracht(melding.id(), OutboxItem.Operatie.OT_AFRONDEN,
                new OtOpdracht.Afronding(reden, einddatum, toelichting), nu);
        audit.schrijf(melding.id(), "AFRONDEN", "OT", reden + ", einddatum verzuim " + einddatum, door, nu);
        LOG.info("Melding {} (traject {}) wordt afgerond: {}", melding.id(), melding.trajectId(), reden);
    }

    /**
     * A person closes a lopende melding (OT's afronding): one of OT's Afrondingsredenen — the pupil follows education
     * again, is uitgeschreven, or got a vrijstelling — with the einddatum verzuim. Once per melding: a second request
     * while the first is on its way, or after the connector closed it itself, is refused.
     */
    @Transactional
    public Uitkomst afronden(long meldingId, String reden, LocalDate einddatum, String toelichting, String door) {
        if (reden == null || !AFRONDINGSREDENEN.contains(reden)) {
            throw new MeldingActies.OngeldigVerzoek("onbekende reden van afronden; kies uit "
                    + String.join(", ", AFRONDINGSREDENEN));
        }
        tekst("de toelichting", toelichting);
        Melding melding = lopend(meldingen.vindVoorUpdate(meldingId), meldingId);
        if (einddatum == null || einddatum.isBefore(melding.begindatum()) || einddatum.isAfter(LocalDate.now(klok))) {
            throw new MeldingActies.OngeldigVerzoek("de einddatum verzuim ontbreekt, ligt voor de startdatum ("
                    + Uitleg.datum(melding.begindatum()) + ") of na vandaag");
        }
        LevensloopRepository.Stand stand = levensloop.standVoorUpdate(meldingId).orElseGet(() -> beginStand(melding));
        if (stand.afrondingReden() != null) {
            throw new ActieGeweigerd("de afronding (" + stand.afrondingReden() + ") is al onderweg naar OT");
        }
        String uitleg = toelichting == null || toelichting.isBlank() ? null : toelichting.strip();
        afronden(melding, reden, einddatum, uitleg, "Afgerond door de school: " + reden.toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + " per " + Uitleg.datum(einddatum) + (uitleg == null ? "" : " (" + uitleg + ")")
                + " (via de verzuimconnector).", door);
        levensloop.bewaar(stand.metAfronding(reden, einddatum), klok.instant());
        return new Uitkomst(meldingId, melding.otStatus(), "afronding staat klaar voor OT");
    }

    /** A person's logboek entry on a lopende melding; the audit names who, OT hears the text only. */
    @Transactional
    public Uitkomst logboekregel(long meldingId, LocalDate datum, String tekst, String door) {
        if (tekst == null || tekst.isBlank()) {
            throw new MeldingActies.OngeldigVerzoek("de tekst van de logboekregel ontbreekt");
        }
        tekst("de logboekregel", tekst);
        LocalDate dag = datum == null ? LocalDate.now(klok) : datum;
        if (dag.isAfter(LocalDate.now(klok))) {
            throw new MeldingActies.OngeldigVerzoek("de datum van de logboekregel ligt na vandaag");
        }
        Melding melding = lopend(meldingId);
        Instant nu = klok.instant();
        logboek(meldingId, dag, tekst.strip());
        audit.schrijf(meldingId, "LOGBOEK", "OT", "logboekregel van " + dag, door, nu);
        return new Uitkomst(meldingId, melding.otStatus(), "logboekregel staat klaar voor OT");
    }

    /** The hoofdoorzaken OT allows with a categorie (domain §4: A-causes with categorie A, B-causes with B). */
    public static List<String> hoofdoorzaken(String categorie) {
        if (categorie == null || categorie.length() < 2) {
            return List.of();
        }
        return HOOFDOORZAKEN.stream().filter(h -> h.startsWith(categorie.substring(0, 2))).toList();
    }

    /**
     * ot_indienen: na_aanvulling. A person adds what the LAS cannot know to an OT melding that waits in the connector
     * (WACHT_OP_AANVULLING) and submits it: the traject is opened with it through the outbox (its own
     * Idempotency-Key, as every OT call), then submitted to SPPOH, once. OT has no call to change a traject after it
     * was opened, so nothing is sent before this. The hoofdoorzaak must be one of the melding's categorie.
     */
    @Transactional
    public Uitkomst aanvullenEnIndienen(long meldingId, String hoofdoorzaak, String sppohAdviseur,
                                        String toelichting, String wachtlijst, String door) {
        // The row lock makes two submissions (a double click, two people) wait for each other: the second one finds
        // the melding no longer waiting and places nothing.
        Melding melding = meldingen.vindVoorUpdate(meldingId).orElseThrow(() ->
                new NoSuchElementException("melding " + meldingId + " bestaat niet"));
        if (melding.status() != MeldingStatus.WACHT_OP_AANVULLING) {
            throw new ActieGeweigerd("melding " + meldingId + " wacht niet op aanvulling (status "
                    + melding.status() + ")");
        }
        List<String> passend = hoofdoorzaken(melding.soort());
        if (hoofdoorzaak == null || hoofdoorzaak.isBlank()) {
            throw new MeldingActies.OngeldigVerzoek("kies een hoofdoorzaak: " + String.join(", ", passend));
        }
        if (!passend.contains(hoofdoorzaak)) {
            throw new MeldingActies.OngeldigVerzoek("hoofdoorzaak " + hoofdoorzaak + " hoort niet bij categorie "
                    + melding.soort().charAt(0) + " van deze melding; kies uit " + String.join(", ", passend));
        }
        if (sppohAdviseur == null || sppohAdviseur.isBlank()) {
            throw new MeldingActies.OngeldigVerzoek("de SPPOH-adviseur ontbreekt");
        }
        if (sppohAdviseur.strip().length() > MAX_ADVISEUR) {
            throw new MeldingActies.OngeldigVerzoek("de naam van de SPPOH-adviseur is langer dan " + MAX_ADVISEUR
                    + " tekens");
        }
        tekst("de toelichting", toelichting);
        tekst("de wachtlijst", wachtlijst);
        Instant nu = klok.instant();
        OtOpdracht.Aanvulling aanvulling = new OtOpdracht.Aanvulling(hoofdoorzaak, sppohAdviseur.strip(),
                leeg(wachtlijst), leeg(toelichting));
        levensloop.bewaarAanvulling(meldingId, aanvulling, nu);
        meldingen.status(meldingId, MeldingStatus.TE_VERZENDEN, null, nu);
        outbox.plaats(meldingId, "OT", OutboxItem.Operatie.OT_TRAJECT_AANMAKEN, nu);
        audit.schrijf(meldingId, "AANGEVULD", "OT", "hoofdoorzaak " + hoofdoorzaak + "; SPPOH-adviseur "
                + aanvulling.sppohAdviseur() + (aanvulling.wachtlijst() == null ? "" : "; wachtlijst opgegeven")
                + "; gaat naar OT en wordt ingediend", door, nu);
        LOG.info("Melding {} aangevuld; het traject gaat naar OT", meldingId);
        return new Uitkomst(meldingId, Levensloop.Status.NIEUW.name(),
                "aangevuld; het traject gaat naar OT en wordt ingediend bij SPPOH");
    }

    private static String leeg(String tekst) {
        return tekst == null || tekst.isBlank() ? null : tekst.strip();
    }

    /** A logboek entry in OT. Never a login name: OT is told "door de school", our audit trail keeps who. */
    private void logboek(long meldingId, LocalDate datum, String tekst) {
        levensloop.opdracht(meldingId, OutboxItem.Operatie.OT_LOGBOEK, new OtOpdracht.Logboek(datum, tekst),
                klok.instant());
    }

    /**
     * The stand of a melding the connector has not kept yet: the statusperiode and percentage the traject was
     * opened with (OtAflevering judged the percentage on the day it opened the traject).
     */
    LevensloopRepository.Stand beginStand(Melding melding) {
        LocalDate geopend = levensloop.trajectAangemaakt(melding.id())
                .map(t -> LocalDate.ofInstant(t, zone())).orElse(melding.beslotenOp());
        Integer percentage = null;
        Optional<School> school = scholen.vind(melding.brin(), melding.vestiging());
        if (school.isPresent()) {
            percentage = PercentageOnderwijs.over4Lesweken(registraties.voorLeerling(melding.brin(),
                    melding.vestiging(), melding.leerlingId()), school.get().kalender(), geopend);
            levensloop.nieuwPercentage(melding.id(), percentage, melding.begindatum());
        }
        LevensloopRepository.Stand stand = new LevensloopRepository.Stand(melding.id(), percentage,
                melding.begindatum(), geopend, null, melding.soort(), null, melding.begindatum(), null, null, null,
                null, null);
        levensloop.bewaar(stand, klok.instant());
        return stand;
    }

    private ZoneId zone() {
        return klok.getZone();
    }

    private Melding otMelding(long meldingId) {
        return otMelding(meldingen.vind(meldingId), meldingId);
    }

    private static Melding otMelding(Optional<Melding> gevonden, long meldingId) {
        Melding melding = gevonden.orElseThrow(() ->
                new NoSuchElementException("melding " + meldingId + " bestaat niet"));
        if (!"OT".equals(melding.kanaal().name()) || melding.trajectId() == null) {
            throw new ActieGeweigerd("melding " + meldingId + " heeft geen traject in OT");
        }
        return melding;
    }

    private Melding lopend(long meldingId) {
        return lopend(meldingen.vind(meldingId), meldingId);
    }

    private static Melding lopend(Optional<Melding> gevonden, long meldingId) {
        Melding melding = otMelding(gevonden, meldingId);
        String waarom = Levensloop.waaromNietBijwerken(Levensloop.Status.van(melding.otStatus()));
        if (waarom != null) {
            throw new ActieGeweigerd(waarom);
        }
        return melding;
    }

    /** A free text a person typed: refused when longer than {@link #MAX_TEKST}, before anything is written. */
    private static void tekst(String wat, String tekst) {
        if (tekst != null && tekst.length() > MAX_TEKST) {
            throw new MeldingActies.OngeldigVerzoek(wat + " is langer dan " + MAX_TEKST + " tekens");
        }
    }

    static List<String> velden(String lijst) {
        return lijst == null || lijst.isBlank() ? List.of() : List.of(lijst.split(",\\s*"));
    }
}
