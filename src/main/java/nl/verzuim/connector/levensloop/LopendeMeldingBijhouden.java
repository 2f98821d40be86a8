package nl.verzuim.connector.levensloop;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.verzuim.connector.config.Foutketen;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.leerling.LeerlingRepository;
import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingRepository;
import nl.verzuim.connector.melding.Volledigheid;
import nl.verzuim.connector.rules.PercentageOnderwijs;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Schoolkalender;
import nl.verzuim.connector.rules.Uitleg;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * Keeps OT meldingen current from the LAS data the intake stored (route levensloop):
 * <ul>
 * <li>a lopende melding gets a new percentage onderwijs on each school day the bucket of the last 4 lesweken
 * changes, judged day by day from where it was left, up to the last day the school's exports reach;</li>
 * <li>it is afgerond with {@code UITGESCHREVEN} when the LAS shows a datumuitschrijving, or with
 * {@code VOLGT_WEER_ONDERWIJS} at the end of the first lesweek whose 4-lesweken window the pupil followed more
 * than 50 % (the same window the OT rule of domain §3 closes a melding on);</li>
 * <li>a teruggezette melding is resubmitted once a later export fills the OT form fields that were empty when
 * SPPOH returned it.</li>
 * </ul>
 * Each melding is judged in its own transaction, its stand locked, so a crash repeats at most that melding's work.
 */
@Component
public class LopendeMeldingBijhouden {

    private static final Logger LOG = LoggerFactory.getLogger(LopendeMeldingBijhouden.class);

    private final MeldingRepository meldingen;
    private final LevensloopRepository levensloop;
    private final LeerlingRepository leerlingen;
    private final RegistratieRepository registraties;
    private final LevensloopService service;
    private final Scholen scholen;
    private final TransactionTemplate transactie;
    private final Clock klok;

    public LopendeMeldingBijhouden(MeldingRepository meldingen, LevensloopRepository levensloop,
                                   LeerlingRepository leerlingen, RegistratieRepository registraties,
                                   LevensloopService service, Scholen scholen, TransactionTemplate transactie,
                                   Clock klok) {
        this.meldingen = meldingen;
        this.levensloop = levensloop;
        this.leerlingen = leerlingen;
        this.registraties = registraties;
        this.service = service;
        this.scholen = scholen;
        this.transactie = transactie;
        this.klok = klok;
    }

    /** Every lopende and teruggezette OT melding; returns how many were judged. */
    public synchronized int werkAllesBij() {
        LocalDate vandaag = LocalDate.now(klok);
        int aantal = 0;
        // How far each school's exports reach, once per round (not once per melding).
        Map<String, LocalDate> totPerSchool = new HashMap<>();
        Function<Melding, LocalDate> tot = m -> totPerSchool.computeIfAbsent(m.brin() + m.vestiging(), k ->
                levensloop.laatsteRegistratiedag(m.brin(), m.vestiging()).filter(d -> d.isBefore(vandaag))
                        .orElse(vandaag));
        for (Melding m : levensloop.otMeldingen(List.of("LOPEND", "TERUGGEZET"))) {
            try {
                transactie.executeWithoutResult(s -> werkBij(m.id(), vandaag, tot));
                aantal++;
            } catch (RuntimeException e) {
                LOG.warn("Melding {} niet bijgewerkt ({}); volgende ronde opnieuw", m.id(), Foutketen.van(e));
            }
        }
        return aantal;
    }

    void werkBij(long meldingId, LocalDate vandaag, Function<Melding, LocalDate> totVoorSchool) {
        Melding melding = meldingen.vind(meldingId).orElseThrow();
        Optional<School> school = scholen.vind(melding.brin(), melding.vestiging());
        if (school.isEmpty()) {
            return;
        }
        Optional<LeerlingGegevens> leerling = leerlingen.vind(melding.brin(), melding.vestiging(), melding.leerlingId());
        Levensloop.Status status = Levensloop.Status.van(melding.otStatus());
        if (status == Levensloop.Status.TERUGGEZET) {
            herindienenAlsAangevuld(melding, leerling);
            return;
        }
        if (status != Levensloop.Status.LOPEND) {
            return;
        }
        LevensloopRepository.Stand stand = levensloop.standVoorUpdate(meldingId)
                .orElseGet(() -> service.beginStand(melding));
        if (stand.afrondingReden() != null) {
            return; // the afronding is on its way to OT
        }
        LocalDate uitgeschreven = leerling.map(LeerlingGegevens::datumUitschrijving).orElse(null);
        if (uitgeschreven != null && !uitgeschreven.isAfter(vandaag)) {
            service.afronden(melding, "UITGESCHREVEN", uitgeschreven, "de leerling is volgens het LAS op "
                    + Uitleg.datum(uitgeschreven) + " van school uitgeschreven.");
            levensloop.bewaar(stand.metAfronding("UITGESCHREVEN", uitgeschreven), klok.instant());
            return;
        }
        LocalDate tot = totVoorSchool.apply(melding);
        if (!tot.isAfter(stand.beoordeeldTot())) {
            return; // no new day to judge: leave the pupil's registrations unread
        }
        Schoolkalender kalender = school.get().kalender();
        List<Registratie> regs = registraties.voorLeerling(melding.brin(), melding.vestiging(), melding.leerlingId());
        for (LocalDate d = stand.beoordeeldTot().plusDays(1); !d.isAfter(tot); d = d.plusDays(1)) {
            if (!kalender.isSchooldag(d)) {
                continue;
            }
            double aandeel = PercentageOnderwijs.aandeelOver4Lesweken(regs, kalender, d); // once per day
            int bucket = PercentageOnderwijs.bucket(aandeel);
            if (stand.percentage() == null || bucket != stand.percentage()) {
                service.percentage(melding, stand, bucket, d, "gemiddelde over de laatste 4 lesweken volgens het LAS");
                stand = stand.metPercentage(bucket, d);
            }
            if (laatsteSchooldagVanLesweek(kalender, d)) {
                if (aandeel > 50.0) {
                    service.afronden(melding, "VOLGT_WEER_ONDERWIJS", d, String.format(java.util.Locale.ROOT,
                            "de leerling volgde in de 4 lesweken t/m %s %.0f%% van de lestijd onderwijs (meer dan"
                                    + " 50%%).", Uitleg.datum(d), aandeel));
                    stand = stand.metAfronding("VOLGT_WEER_ONDERWIJS", d);
                    tot = d;
                    break;
                }
            }
        }
        if (tot.isAfter(stand.beoordeeldTot())) {
            stand = stand.metBeoordeeldTot(tot);
        }
        levensloop.bewaar(stand, klok.instant());
    }

    private void herindienenAlsAangevuld(Melding melding, Optional<LeerlingGegevens> leerling) {
        Optional<LevensloopRepository.Stand> stand = levensloop.standVoorUpdate(melding.id());
        if (stand.isEmpty() || stand.get().ontbrakBijTerugzetten() == null || stand.get().opnieuwIngediend() != null) {
            return; // nothing the LAS could supply, or already on its way: a person resubmits
        }
        List<String> ontbrak = LevensloopService.velden(stand.get().ontbrakBijTerugzetten());
        List<String> nogLeeg = Volledigheid.legeVeldenInOtFormulier(leerling);
        if (ontbrak.stream().anyMatch(nogLeeg::contains)) {
            return;
        }
        service.opnieuwIndienen(melding.id(), "connector (LAS)",
                "het LAS vult nu aan wat leeg was toen SPPOH de melding terugzette: " + String.join(", ", ontbrak));
    }

    static boolean laatsteSchooldagVanLesweek(Schoolkalender kalender, LocalDate dag) {
        LocalDate volgende = kalender.volgendeSchooldag(dag);
        return volgende == null || !Schoolkalender.maandagVan(volgende).equals(Schoolkalender.maandagVan(dag));
    }
}
