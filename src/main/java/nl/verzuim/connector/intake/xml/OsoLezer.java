package nl.verzuim.connector.intake.xml;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.xml.stream.XMLStreamConstants;

import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.OngeldigBestandException;
import nl.verzuim.connector.leerling.Adres;
import nl.verzuim.connector.leerling.Geslacht;
import nl.verzuim.connector.leerling.Identificatie;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.leerling.Veldlengtes;
import nl.verzuim.connector.leerling.Verzorger;

/**
 * Reads an OSO-gegevensset 2019.1 dossier (PaO {@code swv-dossier} and OV {@code overstapdossier} alike): the
 * current school, the pupil's identification, NAW and verzorgers. The woonadres is the {@code gba} address, else
 * the {@code bezoek} address (las-input.md §1). Verzorgers who died are left out.
 */
public final class OsoLezer {

    private static final String LEERLING = "dossier/huidigeschool/leerling/";

    private OsoLezer() {
    }

    /**
     * Reads one dossier. A pupil that fails a check (BSN elfproef, missing leerlingid) is reported in {@code fouten}
     * and not handed on; a file that is not well-formed or fails the schema is rejected whole.
     */
    public static void lees(InputStream invoer, String bestand, Consumer<LeerlingGegevens> ontvanger,
                            List<IntakeFout> fouten) throws OngeldigBestandException {
        try (GevalideerdeXmlLezer xml = new GevalideerdeXmlLezer(invoer, bestand, Schemas.oso())) {
            Opbouw opbouw = new Opbouw();
            int regelLeerling = 0;
            int event;
            while ((event = xml.volgende()) != XMLStreamConstants.END_DOCUMENT) {
                if (event != XMLStreamConstants.START_ELEMENT) {
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        opbouw.einde(xml.pad() + "/" + xml.naam());
                    }
                    continue;
                }
                String pad = xml.pad();
                if (xml.diepte() == 1 && !("dossier".equals(xml.naam()) && Schemas.OSO_NAMESPACE.equals(xml.namespace()))) {
                    throw new OngeldigBestandException(new IntakeFout(bestand, xml.regel(), null,
                            "geen OSO-dossier (verwacht <dossier> in namespace " + Schemas.OSO_NAMESPACE + ")"));
                }
                if (pad.equals("dossier/huidigeschool/leerling")) {
                    regelLeerling = xml.regel();
                }
                if (opbouw.isTekstveld(pad)) {
                    opbouw.zet(pad, xml.tekst(), xml, bestand, fouten);
                }
            }
            if (!xml.schemafouten().isEmpty()) {
                throw new OngeldigBestandException(xml.schemafouten());
            }
            opbouw.lever(bestand, regelLeerling, ontvanger, fouten);
        } finally {
            GevalideerdeXmlLezer.sluit(invoer);
        }
    }

    /** Collects the fields of one dossier while it streams by. */
    private static final class Opbouw {
        String brin;
        String vestiging;
        String leerlingId;
        String bsn;
        String onderwijsnummer;
        final List<String> voornamen = new ArrayList<>();
        String voorletters;
        String voorvoegsel;
        String achternaam;
        String roepnaam;
        LocalDate geboortedatum;
        Geslacht geslacht = Geslacht.ONBEKEND;
        LocalDate datumUitschrijving;
        String groep;
        LocalDate groepVanaf;
        Adres gba;
        Adres bezoek;
        Adres overig;
        final List<Verzorger> verzorgers = new ArrayList<>();
        final List<IntakeFout> recordfouten = new ArrayList<>();

        // the address or verzorger being read
        final AdresOpbouw adres = new AdresOpbouw();
        VerzorgerOpbouw verzorger;
        String slbJaargroep;
        LocalDate slbBegin;

        boolean isTekstveld(String pad) {
            return switch (pad) {
                case "dossier/huidigeschool/brincode", "dossier/huidigeschool/vestigingscode" -> true;
                default -> pad.startsWith(LEERLING) && isLeerlingVeld(pad.substring(LEERLING.length()));
            };
        }

        private boolean isLeerlingVeld(String veld) {
            return switch (veld) {
                case "voornaam", "voorletters-1", "voorvoegsel", "achternaam", "roepnaam", "geboortedatum", "geslacht",
                        "bsn", "onderwijsnummer", "leerlingid", "datumuitschrijving",
                        "schoolloopbaanlijst/schoolloopbaan/jaargroep",
                        "schoolloopbaanlijst/schoolloopbaan/begindatum" -> true;
                default -> veld.startsWith("adreslijst/adres/") && veld.chars().filter(c -> c == '/').count() == 2
                        || veld.startsWith("verzorger/") && isVerzorgerVeld(veld.substring("verzorger/".length()));
            };
        }

        private boolean isVerzorgerVeld(String veld) {
            return switch (veld) {
                case "voornaam", "voorletters-1", "voorvoegsel", "achternaam", "geslacht", "relatietotkind",
                        "wettigevertegenwoordiger", "overleden", "communicatielijst/communicatie/soort",
                        "communicatielijst/communicatie/nummer", "communicatielijst/communicatie/geheim" -> true;
                default -> veld.startsWith("adreslijst/adres/") && veld.chars().filter(c -> c == '/').count() == 2;
            };
        }

        void zet(String pad, String waarde, GevalideerdeXmlLezer xml, String bestand, List<IntakeFout> fouten) {
            if (pad.equals("dossier/huidigeschool/brincode")) {
                brin = waarde;
                return;
            }
            if (pad.equals("dossier/huidigeschool/vestigingscode")) {
                vestiging = waarde;
                return;
            }
            String veld = pad.substring(LEERLING.length());
            if (veld.startsWith("verzorger/")) {
                if (verzorger == null) {
                    verzorger = new VerzorgerOpbouw();
                }
                verzorger.zet(veld.substring("verzorger/".length()), waarde);
                return;
            }
            if (veld.startsWith("adreslijst/adres/")) {
                adres.zet(veld.substring("adreslijst/adres/".length()), waarde);
                return;
            }
            switch (veld) {
                case "voornaam" -> voornamen.add(waarde);
                case "voorletters-1" -> voorletters = waarde;
                case "voorvoegsel" -> voorvoegsel = waarde;
                case "achternaam" -> achternaam = waarde;
                case "roepnaam" -> roepnaam = waarde;
                case "geboortedatum" -> geboortedatum = datum(waarde, bestand, xml, "geboortedatum");
                case "geslacht" -> geslacht = Geslacht.vanOsoCode(waarde);
                case "bsn" -> bsn = waarde;
                case "onderwijsnummer" -> onderwijsnummer = waarde;
                case "leerlingid" -> leerlingId = waarde;
                case "datumuitschrijving" -> datumUitschrijving = datum(waarde, bestand, xml, "datumuitschrijving");
                case "schoolloopbaanlijst/schoolloopbaan/jaargroep" -> slbJaargroep = waarde;
                case "schoolloopbaanlijst/schoolloopbaan/begindatum" -> slbBegin = datum(waarde, bestand, xml, "begindatum");
                default -> {
                    // not needed by DUO or OT
                }
            }
        }

        private LocalDate datum(String waarde, String bestand, GevalideerdeXmlLezer xml, String veld) {
            try {
                return LocalDate.parse(waarde);
            } catch (DateTimeParseException e) {
                recordfouten.add(new IntakeFout(bestand, xml.regel(), veld, "geen datum (jjjj-mm-dd)"));
                return null;
            }
        }

        /** Called at each end tag, to close addresses, verzorgers and schoolloopbaan entries. */
        void einde(String pad) {
            if (pad.equals(LEERLING + "adreslijst/adres")) {
                Adres gelezen = adres.bouw();
                switch (adres.soort == null ? "" : adres.soort) {
                    case "gba" -> gba = gelezen;
                    case "bezoek" -> bezoek = gelezen;
                    default -> overig = overig == null ? gelezen : overig;
                }
                adres.wis();
            } else if (pad.equals(LEERLING + "verzorger/adreslijst/adres") && verzorger != null) {
                verzorger.adres(adres_van(verzorger));
            } else if (pad.equals(LEERLING + "verzorger/communicatielijst/communicatie") && verzorger != null) {
                verzorger.neemCommunicatie();
            } else if (pad.equals(LEERLING + "verzorger") && verzorger != null) {
                if (!verzorger.overleden) {
                    verzorgers.add(verzorger.bouw());
                }
                verzorger = null;
            } else if (pad.equals(LEERLING + "schoolloopbaanlijst/schoolloopbaan")) {
                if (slbJaargroep != null && (groepVanaf == null || slbBegin != null && slbBegin.isAfter(groepVanaf))) {
                    groep = slbJaargroep;
                    groepVanaf = slbBegin;
                }
                slbJaargroep = null;
                slbBegin = null;
            }
        }

        private static Adres adres_van(VerzorgerOpbouw verzorger) {
            return verzorger.adresOpbouw.bouw();
        }

        void lever(String bestand, int regel, Consumer<LeerlingGegevens> ontvanger, List<IntakeFout> fouten) {
            fouten.addAll(recordfouten);
            if (leerlingId == null || leerlingId.isBlank()) {
                fouten.add(new IntakeFout(bestand, regel, "leerlingid",
                        "ontbreekt; zonder leerlingid kan het dossier niet aan de verzuimregistraties gekoppeld worden"));
                return;
            }
            if (leerlingId.length() > LeerlingGegevens.MAX_LEERLING_ID) {
                fouten.add(new IntakeFout(bestand, regel, "leerlingid", "is langer dan " + LeerlingGegevens.MAX_LEERLING_ID
                        + " tekens"));
                return;
            }
            if (!Identificatie.isGeldigeBrin(brin) || !Identificatie.isGeldigeVestiging(vestiging)) {
                fouten.add(new IntakeFout(bestand, regel, "huidigeschool/brincode",
                        "BRIN '" + brin + "' of vestiging '" + vestiging + "' past niet bij het patroon 12AB en 00"));
                return;
            }
            if (bsn != null && !Identificatie.isGeldigBsn(bsn)) {
                fouten.add(new IntakeFout(bestand, regel, "bsn", "leerling " + leerlingId
                        + ": het BSN voldoet niet aan de elfproef"));
                return;
            }
            if (onderwijsnummer != null && !Identificatie.isGeldigOnderwijsnummer(onderwijsnummer)) {
                fouten.add(new IntakeFout(bestand, regel, "onderwijsnummer", "leerling " + leerlingId
                        + ": het onderwijsnummer voldoet niet aan de controle (begint met 10, elfproef rest 5)"));
                return;
            }
            if (!recordfouten.isEmpty()) {
                return;
            }
            Adres woonadres = gba != null ? gba : bezoek != null ? bezoek : overig;
            LeerlingGegevens gegevens = new LeerlingGegevens(brin, vestiging, leerlingId, LeerlingGegevens.Bron.OSO,
                    bsn, onderwijsnummer, voornamen.isEmpty() ? null : String.join(" ", voornamen), voorletters,
                    voorvoegsel, achternaam, roepnaam, geboortedatum, geslacht, woonadres,
                    woonadres == null ? null : woonadres.postcode(), groep, datumUitschrijving, verzorgers);
            Optional<Veldlengtes.TeLang> teLang = Veldlengtes.teLang(gegevens);
            if (teLang.isPresent()) {
                fouten.add(new IntakeFout(bestand, regel, teLang.get().veld(), "leerling " + leerlingId + ": "
                        + teLang.get().reden()));
                return;
            }
            ontvanger.accept(gegevens);
        }
    }

    private static final class AdresOpbouw {
        String soort;
        String straat;
        String nummer;
        String toevoeging;
        String postcode;
        String plaats;
        String gemeente;

        void zet(String veld, String waarde) {
            switch (veld) {
                case "soortadres" -> soort = waarde;
                case "straat" -> straat = waarde;
                case "nummer" -> nummer = waarde;
                case "toevoeging" -> toevoeging = waarde;
                case "postcode" -> postcode = waarde.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
                case "plaats" -> plaats = waarde;
                case "gemeente" -> gemeente = waarde;
                default -> {
                    // land, huisnummeraanduiding: not needed
                }
            }
        }

        Adres bouw() {
            return new Adres(straat, nummer, toevoeging, postcode, plaats, gemeente);
        }

        void wis() {
            soort = straat = nummer = toevoeging = postcode = plaats = gemeente = null;
        }
    }

    private static final class VerzorgerOpbouw {
        final List<String> voornamen = new ArrayList<>();
        String voorletters;
        String voorvoegsel;
        String achternaam;
        Geslacht geslacht = Geslacht.ONBEKEND;
        String relatie;
        Boolean wettelijk;
        boolean overleden;
        Adres adres;
        String telefoon;
        String email;
        final AdresOpbouw adresOpbouw = new AdresOpbouw();
        String communicatieSoort;
        String communicatieNummer;
        boolean communicatieGeheim;

        void zet(String veld, String waarde) {
            if (veld.startsWith("adreslijst/adres/")) {
                adresOpbouw.zet(veld.substring("adreslijst/adres/".length()), waarde);
                return;
            }
            switch (veld) {
                case "voornaam" -> voornamen.add(waarde);
                case "voorletters-1" -> voorletters = waarde;
                case "voorvoegsel" -> voorvoegsel = waarde;
                case "achternaam" -> achternaam = waarde;
                case "geslacht" -> geslacht = Geslacht.vanOsoCode(waarde);
                case "relatietotkind" -> relatie = relatie(waarde);
                case "wettigevertegenwoordiger" -> wettelijk = Boolean.valueOf(waarde);
                case "overleden" -> overleden = Boolean.parseBoolean(waarde);
                case "communicatielijst/communicatie/soort" -> communicatieSoort = waarde;
                case "communicatielijst/communicatie/nummer" -> communicatieNummer = waarde;
                case "communicatielijst/communicatie/geheim" -> communicatieGeheim = Boolean.parseBoolean(waarde);
                default -> {
                    // iban, overlijdensdatum: not needed
                }
            }
        }

        /** Secret numbers are not passed on; the first public telephone and e-mail are. */
        void neemCommunicatie() {
            if (!communicatieGeheim && communicatieNummer != null) {
                if ("telefoon".equals(communicatieSoort) && telefoon == null) {
                    telefoon = communicatieNummer;
                } else if ("e-mail".equals(communicatieSoort) && email == null) {
                    email = communicatieNummer;
                }
            }
            communicatieSoort = null;
            communicatieNummer = null;
            communicatieGeheim = false;
        }

        void adres(Adres gelezen) {
            if (adres == null) {
                adres = gelezen;
            }
            adresOpbouw.wis();
        }

        Verzorger bouw() {
            return new Verzorger(voornamen.isEmpty() ? null : String.join(" ", voornamen), voorletters, voorvoegsel,
                    achternaam, geslacht, relatie, wettelijk, adres, telefoon, email);
        }

        /**
         * OSO codelijst 41 "Relatie tot kind": only the codes whose meaning the schema documents (1 vader, 2 moeder,
         * 3 voogd); other codes are left out rather than guessed.
         */
        private static String relatie(String code) {
            return switch (code) {
                case "1" -> "vader";
                case "2" -> "moeder";
                case "3" -> "voogd";
                default -> null;
            };
        }
    }
}
