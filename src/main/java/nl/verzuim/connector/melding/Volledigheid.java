package nl.verzuim.connector.melding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.verzuim.connector.leerling.Adres;
import nl.verzuim.connector.leerling.LeerlingGegevens;

/**
 * Whether the LAS data holds what a receiver needs, and if not, which fields are missing — named, never invented.
 * DUO needs identification (BSN or onderwijsnummer), name, birth date and a full address; OT needs the name, the
 * birth date and the LAS key.
 */
public final class Volledigheid {

    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");

    private Volledigheid() {
    }

    public static List<String> ontbrekendVoorDuo(Optional<LeerlingGegevens> leerling) {
        List<String> ontbrekend = new ArrayList<>();
        if (leerling.isEmpty()) {
            ontbrekend.add("leerling (geen OSO-dossier of EDEXML-export met deze leerling)");
            return ontbrekend;
        }
        LeerlingGegevens l = leerling.get();
        if (leeg(l.bsn()) && leeg(l.onderwijsnummer())) {
            ontbrekend.add("burgerservicenummer of onderwijsnummer");
        }
        if (leeg(l.achternaam())) {
            ontbrekend.add("achternaam");
        }
        if (l.geboortedatum() == null) {
            ontbrekend.add("geboortedatum");
        }
        Adres adres = l.adres();
        if (adres == null) {
            ontbrekend.add("adres (straat, huisnummer, postcode, plaats)");
        } else {
            if (leeg(adres.straat())) {
                ontbrekend.add("adres.straat");
            }
            if (leeg(adres.huisnummer())) {
                ontbrekend.add("adres.huisnummer");
            }
            if (leeg(adres.postcode()) || !POSTCODE.matcher(adres.postcode()).matches()) {
                ontbrekend.add("adres.postcode");
            }
            if (leeg(adres.plaats())) {
                ontbrekend.add("adres.plaats");
            }
        }
        return ontbrekend;
    }

    public static List<String> ontbrekendVoorOt(Optional<LeerlingGegevens> leerling) {
        List<String> ontbrekend = new ArrayList<>();
        if (leerling.isEmpty()) {
            ontbrekend.add("leerling (geen OSO-dossier of EDEXML-export met deze leerling)");
            return ontbrekend;
        }
        if (leeg(leerling.get().achternaam())) {
            ontbrekend.add("achternaam");
        }
        if (leerling.get().geboortedatum() == null) {
            ontbrekend.add("geboortedatum");
        }
        return ontbrekend;
    }

    private static boolean leeg(String waarde) {
        return waarde == null || waarde.isBlank();
    }

    /**
     * Fields of OT's form (tabs Leerling and Verzorgers) that the LAS could fill but left empty — what a melding
     * SPPOH returned may have lacked. Field names only, never values.
     */
    public static List<String> legeVeldenInOtFormulier(Optional<LeerlingGegevens> leerling) {
        List<String> leeg = new ArrayList<>(ontbrekendVoorOt(leerling));
        if (leerling.isEmpty()) {
            return leeg;
        }
        LeerlingGegevens l = leerling.get();
        if (leeg(l.bsn()) && leeg(l.onderwijsnummer())) {
            leeg.add("burgerservicenummer of onderwijsnummer");
        }
        if (l.adres() == null || !l.adres().isVolledig()) {
            leeg.add("adres");
        }
        if (l.verzorgers().isEmpty()) {
            leeg.add("verzorgers");
        }
        if (leeg(l.groepOfLeerjaar())) {
            leeg.add("groep of leerjaar");
        }
        return leeg;
    }
}
