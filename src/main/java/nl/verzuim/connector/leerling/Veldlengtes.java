package nl.verzuim.connector.leerling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The column sizes of {@code leerling} and {@code verzorger} (db/migration/V1__basis.sql), in one place: the readers
 * check every value against them while reading, so that a value that does not fit is a clear error on its line and
 * field instead of a database failure while storing. Keep equal to the schema.
 */
public final class Veldlengtes {

    public static final int LEERLING_ID = 64;
    public static final int NAAM = 200;
    public static final int VOORLETTERS = 40;
    public static final int VOORVOEGSEL = 40;
    public static final int ROEPNAAM = 100;
    public static final int STRAAT = 200;
    public static final int HUISNUMMER = 20;
    public static final int TOEVOEGING = 20;
    public static final int POSTCODE = 6;
    public static final int PLAATS = 100;
    public static final int GROEP_OF_LEERJAAR = 20;
    public static final int RELATIE = 40;
    public static final int TELEFOON = 40;
    public static final int EMAIL = 200;
    /** registratie.omschrijving */
    public static final int OMSCHRIJVING = 500;
    /** registratie.registratie_id */
    public static final int REGISTRATIE_ID = 64;

    private Veldlengtes() {
    }

    /** A value longer than its column: the field as the reader names it, and the column's size. */
    public record TeLang(String veld, int max) {
        public String reden() {
            return "is langer dan " + max + " tekens";
        }
    }

    /** The first value of this pupil (or of one of its verzorgers) that does not fit its column. */
    public static Optional<TeLang> teLang(LeerlingGegevens l) {
        List<TeLang> teLang = new ArrayList<>();
        toets(teLang, "leerlingid", l.leerlingId(), LEERLING_ID);
        toets(teLang, "voornamen", l.voornamen(), NAAM);
        toets(teLang, "voorletters", l.voorletters(), VOORLETTERS);
        toets(teLang, "voorvoegsel", l.voorvoegsel(), VOORVOEGSEL);
        toets(teLang, "achternaam", l.achternaam(), NAAM);
        toets(teLang, "roepnaam", l.roepnaam(), ROEPNAAM);
        toets(teLang, "postcode", l.postcodeNl(), POSTCODE);
        toets(teLang, "groep", l.groepOfLeerjaar(), GROEP_OF_LEERJAAR);
        adres(teLang, "adres/", l.adres());
        for (Verzorger v : l.verzorgers()) {
            toets(teLang, "verzorger/voornamen", v.voornamen(), NAAM);
            toets(teLang, "verzorger/voorletters", v.voorletters(), VOORLETTERS);
            toets(teLang, "verzorger/voorvoegsel", v.voorvoegsel(), VOORVOEGSEL);
            toets(teLang, "verzorger/achternaam", v.achternaam(), NAAM);
            toets(teLang, "verzorger/relatie", v.relatie(), RELATIE);
            toets(teLang, "verzorger/telefoon", v.telefoon(), TELEFOON);
            toets(teLang, "verzorger/email", v.email(), EMAIL);
            adres(teLang, "verzorger/adres/", v.adres());
        }
        return teLang.stream().findFirst();
    }

    private static void adres(List<TeLang> teLang, String voor, Adres a) {
        if (a == null) {
            return;
        }
        toets(teLang, voor + "straat", a.straat(), STRAAT);
        toets(teLang, voor + "huisnummer", a.huisnummer(), HUISNUMMER);
        toets(teLang, voor + "toevoeging", a.toevoeging(), TOEVOEGING);
        toets(teLang, voor + "postcode", a.postcode(), POSTCODE);
        toets(teLang, voor + "plaats", a.plaats(), PLAATS);
        toets(teLang, voor + "gemeente", a.gemeente(), PLAATS);
    }

    private static void toets(List<TeLang> teLang, String veld, String waarde, int max) {
        if (waarde != null && waarde.length() > max) {
            teLang.add(new TeLang(veld, max));
        }
    }
}
