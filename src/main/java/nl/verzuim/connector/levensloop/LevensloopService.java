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
    /** OT's Hoofdoorzaak (ot-api-v1.yaml); the letter before the first _ is its categorie. */
    static final Set<String> HOOFDOORZAKEN = Set.of("A_LEERLING_WIL_NIET_NAAR_SCHOOL",
            "A_OUDERS_WILLEN_NIET_DAT_KIND_NAAR_SCHOOL_GAAT", "A_GEEN_OVEREENSTEMMING_OVER_PASSENDE_ONDERWIJSPLEK",
            "A_WEL_IN_STAAT_GEEN_PASSENDE_ONDERWIJSPLEK", "B_PSYCHISCHE_OORZAAK", "B_LICHAMELIJKE_OORZAAK");
    /** Free texts a person types (toelichting, waarom): as long as MeldingActies allows a reden, well within OT's
     * 4000 and our varchar(4000) columns (audit, ot_opdracht with the JSON around it). */
    static final int MAX_TEKST = 2000;
    static final Set<String> INTERVENTIES = Set.of("GEEN_PASSEND_EN_GESTART_AANBOD",
            "INZET_JEUGDHULP_MEDISCHE_ZORG_BEHANDELING", "INZET_LEERPLICHT", "AANGEPAST_ONDERWIJSPROGRAMMA",
            "ZORGTRAJECT_DAGBESTEDING", "DAGINVULLINGSPROGRAMMA", "GESLOTEN_OF_RESIDENTIELE_INSTELLING");

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
        Levensloop.na(Levensloop.Status.van(melding.otStatus()), Levensloop.Stap.AFRONDEN);
        Instant nu = klok.instant();
        logboek(melding.id(), einddatum, "Afgerond door de verzuimconnector: " + toelichting);
        levensloop.opdracht(melding.id(), OutboxItem.Operatie.OT_AFRONDEN,
                new OtOpdracht.Afronding(reden, einddatum, toelichting), nu);
        audit.schrijf(melding.id(), "AFRONDEN", "OT", reden + ", einddatum verzuim " + einddatum, "connector", nu);
        LOG.info("Melding {} (traject {}) wordt afgerond: {}", melding.id(), melding.trajectId(), reden);
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
        Melding melding = otMelding(meldingId);
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
