package nl.verzuim.connector.ot;

import java.util.List;
import java.util.Optional;

import nl.verzuim.connector.leerling.Adres;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.leerling.Verzorger;
import nl.verzuim.connector.levensloop.OtOpdracht;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.ot.model.OtModel;
import nl.verzuim.connector.school.School;

/**
 * Builds OT's messages. NieuwTraject from a melding: the tabs Leerling, Verzorgers and Aanvragende school filled
 * from the LAS (so the school types less), and Zorgwekkend verzuim with the categorie and its startdatum (=
 * startdatum verzuim). The hoofdoorzaak is left to a person: the LAS does not know why a pupil stays away — with
 * {@code ot_indienen: na_aanvulling} the person adds it (and SPPOH-adviseur, wachtlijst, toelichting) in the
 * connector before the traject is opened ({@link OtOpdracht.Aanvulling}). And the
 * calls that keep a running melding current, from what the lifecycle put in the outbox ({@link OtOpdracht}).
 */
public final class OtBerichtBouwer {

    private OtBerichtBouwer() {
    }

    public static OtModel.NieuwTraject nieuwTraject(Melding melding, LeerlingGegevens leerling, School school,
                                                    int percentageOnderwijs) {
        return nieuwTraject(melding, leerling, school, percentageOnderwijs, Optional.empty());
    }

    /** With what a person added before it was opened, if anything: their toelichting comes before the connector's. */
    public static OtModel.NieuwTraject nieuwTraject(Melding melding, LeerlingGegevens leerling, School school,
                                                    int percentageOnderwijs,
                                                    Optional<OtOpdracht.Aanvulling> aanvulling) {
        OtModel.Leerling otLeerling = new OtModel.Leerling(leerling.leerlingId(), leeg(leerling.bsn()),
                leerling.bsn() == null ? leeg(leerling.onderwijsnummer()) : null, leeg(leerling.voornamen()),
                leeg(leerling.roepnaam()), leeg(leerling.voorvoegsel()), leerling.achternaam(),
                leerling.geslacht() == null ? null : leerling.geslacht().name(), leerling.geboortedatum(),
                adres(leerling.adres()), leeg(leerling.groepOfLeerjaar()));
        List<OtModel.Verzorger> verzorgers = leerling.verzorgers().stream().map(OtBerichtBouwer::verzorger).toList();
        OtModel.AanvragendeSchool aanvrager = new OtModel.AanvragendeSchool(school.brin(), school.vestiging(),
                school.naam(), new OtModel.Contactpersoon(school.contactpersoon().naam(),
                school.contactpersoon().email(), null));
        OtOpdracht.Aanvulling a = aanvulling.orElse(new OtOpdracht.Aanvulling(null, null, null, null));
        String toelichting = a.toelichting() == null ? melding.uitleg()
                : a.toelichting() + "\n\nVolgens de verzuimconnector: " + melding.uitleg();
        OtModel.ZorgwekkendVerzuim verzuim = new OtModel.ZorgwekkendVerzuim(a.sppohAdviseur(),
                new OtModel.Statusperiode(null, melding.soort(), a.hoofdoorzaak(), melding.begindatum(), null),
                new OtModel.PercentageOnderwijs(percentageOnderwijs, melding.begindatum(), null), a.wachtlijst(),
                toelichting.length() > 4000 ? toelichting.substring(0, 4000) : toelichting);
        return new OtModel.NieuwTraject(otLeerling, verzorgers, aanvrager, verzuim);
    }

    private static OtModel.Verzorger verzorger(Verzorger v) {
        return new OtModel.Verzorger(leeg(v.voornamen()), leeg(v.voorvoegsel()), v.achternaam(),
                v.geslacht() == null ? null : v.geslacht().name(), adres(v.adres()), leeg(v.telefoon()),
                leeg(v.email()), leeg(v.relatie()), v.wettelijkVertegenwoordiger());
    }

    private static OtModel.Adres adres(Adres adres) {
        if (adres == null || !adres.isVolledig()) {
            return null;
        }
        return new OtModel.Adres(adres.straat(), adres.huisnummer(), leeg(adres.toevoeging()), adres.postcode(),
                adres.plaats(), leeg(adres.gemeente()));
    }

    private static String leeg(String waarde) {
        return waarde == null || waarde.isBlank() ? null : waarde;
    }

    static OtModel.PercentageOnderwijs percentage(OtOpdracht.Percentage p) {
        return new OtModel.PercentageOnderwijs(p.percentage(), p.startdatum(), null);
    }

    static OtModel.Statusperiode statusperiode(OtOpdracht.Statusperiode p) {
        return new OtModel.Statusperiode(null, p.categorie(), p.hoofdoorzaak(), p.startdatum(), null);
    }

    static OtModel.Einddatum einde(OtOpdracht.Beeindiging b) {
        return new OtModel.Einddatum(b.einddatum());
    }

    static OtModel.Interventie interventie(OtOpdracht.Interventie i) {
        return new OtModel.Interventie(null, i.soort(), i.startdatum(), null, i.toelichting());
    }

    static OtModel.Logboek logboek(OtOpdracht.Logboek l) {
        return new OtModel.Logboek(l.datum(), l.tekst());
    }

    static OtModel.Afronding afronding(OtOpdracht.Afronding a) {
        return new OtModel.Afronding(a.reden(), a.einddatum(), a.toelichting());
    }
}
