package nl.verzuim.connector.melding;

import org.springframework.stereotype.Component;

import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.leerling.LeerlingRepository;
import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.Scholen;

/**
 * Reads a melding's {@link Afleverdossier} when it leaves (DUO aanleveren, OT traject aanmaken): one loader, so both
 * receivers are built from the same stored picture. A school no longer configured or a pupil no longer stored is an
 * error that names the melding, never the pupil.
 */
@Component
public class Afleverdossiers {

    private final MeldingRepository meldingen;
    private final LeerlingRepository leerlingen;
    private final RegistratieRepository registraties;
    private final Scholen scholen;

    public Afleverdossiers(MeldingRepository meldingen, LeerlingRepository leerlingen,
                           RegistratieRepository registraties, Scholen scholen) {
        this.meldingen = meldingen;
        this.leerlingen = leerlingen;
        this.registraties = registraties;
        this.scholen = scholen;
    }

    public Afleverdossier laad(long meldingId) {
        return voor(meldingen.vind(meldingId).orElseThrow());
    }

    public Afleverdossier voor(Melding melding) {
        School school = school(melding);
        LeerlingGegevens leerling = leerlingen.vind(melding.brin(), melding.vestiging(), melding.leerlingId())
                .orElseThrow(() -> new IllegalStateException("leerling van melding " + melding.id() + " ontbreekt"));
        return new Afleverdossier(melding, school, leerling,
                registraties.voorLeerling(melding.brin(), melding.vestiging(), melding.leerlingId()));
    }

    /** The school of a melding, as configured now. */
    public School school(Melding melding) {
        return scholen.vind(melding.brin(), melding.vestiging()).orElseThrow(() -> new IllegalStateException(
                "school " + melding.schoolcode() + " staat niet meer in de schoolconfiguratie"));
    }
}
