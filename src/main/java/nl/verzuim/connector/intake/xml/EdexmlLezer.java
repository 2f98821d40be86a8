package nl.verzuim.connector.intake.xml;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;

import nl.verzuim.connector.intake.IntakeFout;
import nl.verzuim.connector.intake.OngeldigBestandException;
import nl.verzuim.connector.leerling.Geslacht;
import nl.verzuim.connector.leerling.Identificatie;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.leerling.Veldlengtes;

/**
 * Reads an EDEXML 2.1 export (Edustandaard; no namespace, root {@code EDEX}) by streaming, validated against its
 * schema in the same pass: the school's BRIN and dependancecode, and per pupil what DUO and OT can use — the LAS key
 * ({@code @key}), names, birth date, geslacht (NEN-ISO 5218: 1 man, 2 vrouw — not OSO's codes), BSN or
 * onderwijsnummer, jaargroep and postcode. EDEXML has no street address and no verzorgers: those stay unknown
 * (never invented) until an OSO dossier brings them.
 *
 * <p>Each pupil is handed on as soon as its element ends, so memory stays flat whatever the size of the file; only
 * the keys the schema's identity constraints need are kept (a pupil's key and ECK iD, checked in hash sets here
 * rather than by the validator, whose check grows with the square of the number of pupils). A pupil that fails a check is
 * reported and skipped; a file that is not well-formed or fails its schema is rejected whole — the caller must
 * then undo what it stored from it (the intake does so in its transaction).
 */
public final class EdexmlLezer {

    /** Receives each accepted pupil with the line its element starts on. */
    public interface Ontvanger {
        void leerling(LeerlingGegevens leerling, int regel);
    }

    /** What the file said about its school, and how many pupils it held. */
    public record Gelezen(String brin, String vestiging, int schoolRegel, int leerlingen) {
        public String schoolcode() {
            return brin + vestiging;
        }
    }

    /**
     * {@code \d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?}, ASCII digits: the form of an xs:date, checked without a regular
     * expression (it runs for every pupil).
     */
    static boolean isXsDate(String w) {
        int n = w.length();
        if (n != 10 && n != 11 && n != 16 || !cijfers(w, 0, 4, 5, 7, 8, 10) || w.charAt(4) != '-' || w.charAt(7) != '-') {
            return false;
        }
        return n == 10 || n == 11 && w.charAt(10) == 'Z' || n == 16 && (w.charAt(10) == '+' || w.charAt(10) == '-')
                && w.charAt(13) == ':' && cijfers(w, 11, 13, 14, 16, 14, 16);
    }

    /** True when the characters in [a, b), [c, d) and [e, f) are all ASCII digits. */
    private static boolean cijfers(String w, int a, int b, int c, int d, int e, int f) {
        for (int i = 0; i < w.length(); i++) {
            if (i >= a && i < b || i >= c && i < d || i >= e && i < f) {
                char t = w.charAt(i);
                if (t < '0' || t > '9') {
                    return false;
                }
            }
        }
        return true;
    }

    private static int cijfers(String w, int van, int lengte) {
        int waarde = 0;
        for (int i = van; i < van + lengte; i++) {
            waarde = waarde * 10 + w.charAt(i) - '0';
        }
        return waarde;
    }

    private EdexmlLezer() {
    }

    public static Gelezen lees(InputStream invoer, String bestand, Ontvanger ontvanger, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        try (GevalideerdeXmlLezer xml = new GevalideerdeXmlLezer(invoer, bestand, Schemas.edexml(), true)) {
            return new EdexmlLezer.Lezing(xml, bestand, ontvanger, fouten).lees();
        } finally {
            GevalideerdeXmlLezer.sluit(invoer);
        }
    }

    private static final class Lezing {
        private final GevalideerdeXmlLezer xml;
        private final String bestand;
        private final Ontvanger ontvanger;
        private final List<IntakeFout> fouten;
        private final Map<String, String> jaargroepVanGroep = new HashMap<>();
        private final Sleutels sleutels = new Sleutels();
        private String brin;
        private String dependancecode;
        private int schoolRegel;
        private String groepKey;
        private Leerling leerling;
        private int leerlingen;
        private int zonderSchool;
        private Boolean schoolGeldig;

        Lezing(GevalideerdeXmlLezer xml, String bestand, Ontvanger ontvanger, List<IntakeFout> fouten) {
            this.xml = xml;
            this.bestand = bestand;
            this.ontvanger = ontvanger;
            this.fouten = fouten;
        }

        Gelezen lees() throws OngeldigBestandException {
            int event;
            while ((event = xml.volgende()) != XMLStreamConstants.END_DOCUMENT) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                } else if (xml.diepte() == 2 && leerling != null && "leerling".equals(xml.naam())) {
                    lever(leerling);
                    leerling = null;
                }
            }
            if (xml.heeftSchemafouten()) {
                throw new OngeldigBestandException(xml.schemafouten());
            }
            String vestiging = dependancecode == null ? "00" : dependancecode;
            if (zonderSchool > 0) {
                fouten.add(new IntakeFout(bestand, schoolRegel, "school/brincode", brin == null
                        ? "de export noemt geen brincode (alleen instellingsnummer of schoolkey); de " + zonderSchool
                        + " leerling(en) zijn niet overgenomen"
                        : "brincode of dependancecode past niet bij het patroon 12AB en 00; de " + zonderSchool
                        + " leerling(en) zijn niet overgenomen"));
            }
            return new Gelezen(brin, vestiging, schoolRegel, leerlingen);
        }

        private void start() throws OngeldigBestandException {
            int diepte = xml.diepte();
            String naam = xml.naam();
            if (diepte == 1) {
                if (!"EDEX".equals(naam) || xml.namespace() != null && !xml.namespace().isEmpty()) {
                    throw new OngeldigBestandException(new IntakeFout(bestand, xml.regel(), null,
                            "geen EDEXML-export (verwacht <EDEX> zonder namespace)"));
                }
                return;
            }
            String deel = xml.naamOp(2);
            sleutels.controleer(xml, diepte, deel, naam);
            if (diepte == 2 && "school".equals(naam)) {
                schoolRegel = xml.regel();
            } else if (diepte == 3 && "school".equals(deel)) {
                if ("brincode".equals(naam)) {
                    brin = xml.tekst();
                } else if ("dependancecode".equals(naam)) {
                    dependancecode = xml.tekst();
                }
            } else if (diepte == 3 && "groepen".equals(deel) && "groep".equals(naam)) {
                groepKey = xml.attribuut("key");
            } else if (diepte == 4 && "groepen".equals(deel) && "groep".equals(xml.naamOp(3))
                    && "jaargroep".equals(naam) && groepKey != null) {
                jaargroepVanGroep.put(groepKey, xml.tekst());
            } else if (diepte == 3 && "leerlingen".equals(deel) && "leerling".equals(naam)) {
                leerling = new Leerling(xml.attribuut("key"), xml.regel());
            } else if (diepte == 4 && leerling != null) {
                if ("groep".equals(naam)) {
                    leerling.groepKey = xml.attribuut("key");
                } else if (Leerling.isVeld(naam)) {
                    // the line only for what can be reported (asking the reader for it costs an object a time)
                    int regel = Leerling.kanFoutZijn(naam) ? xml.regel() : 0;
                    leerling.zet(naam, xml.tekst(), regel, this);
                }
            }
        }

        private void lever(Leerling l) {
            leerlingen++;
            if (xml.heeftSchemafouten()) {
                return; // the file will be rejected whole; nothing more to hand on
            }
            String sleutel = l.key == null ? "" : l.key.trim();
            if (sleutel.isEmpty()) {
                fouten.add(new IntakeFout(bestand, l.regel, "leerling/@key",
                        "ontbreekt; zonder key kan de leerling niet aan de verzuimregistraties gekoppeld worden"));
                return;
            }
            if (sleutel.length() > LeerlingGegevens.MAX_LEERLING_ID) {
                fouten.add(new IntakeFout(bestand, l.regel, "leerling/@key", "is langer dan "
                        + LeerlingGegevens.MAX_LEERLING_ID + " tekens"));
                return;
            }
            String vestiging = dependancecode == null ? "00" : dependancecode;
            if (schoolGeldig == null) { // the school element comes before the pupils: checked once
                schoolGeldig = Identificatie.isGeldigeBrin(brin) && Identificatie.isGeldigeVestiging(vestiging);
            }
            if (!schoolGeldig) {
                zonderSchool++;
                return;
            }
            if (l.bsn != null && !Identificatie.isGeldigBsn(l.bsn)) {
                fouten.add(new IntakeFout(bestand, l.bsnRegel, l.bsnVeld, "leerling " + sleutel
                        + ": het BSN voldoet niet aan de elfproef"));
                return;
            }
            if (l.onderwijsnummer != null && !Identificatie.isGeldigOnderwijsnummer(l.onderwijsnummer)) {
                fouten.add(new IntakeFout(bestand, l.bsnRegel, "onderwijsnummer", "leerling " + sleutel
                        + ": het onderwijsnummer voldoet niet aan de controle (begint met 10, elfproef rest 5)"));
                return;
            }
            if (!l.recordfouten.isEmpty()) {
                fouten.addAll(l.recordfouten);
                return;
            }
            String jaargroep = l.jaargroep != null ? l.jaargroep
                    : l.groepKey == null ? null : jaargroepVanGroep.get(l.groepKey);
            LeerlingGegevens gegevens = new LeerlingGegevens(brin, vestiging, sleutel, LeerlingGegevens.Bron.EDEXML,
                    l.bsn, l.onderwijsnummer, l.voornamen, l.voorletters, l.voorvoegsel, l.achternaam, l.roepnaam,
                    l.geboortedatum, l.geslacht, null, l.postcodeNl, jaargroep, l.uitstroomdatum, List.of());
            Optional<Veldlengtes.TeLang> teLang = Veldlengtes.teLang(gegevens);
            if (teLang.isPresent()) {
                fouten.add(new IntakeFout(bestand, l.regel, teLang.get().veld(), "leerling " + sleutel + ": "
                        + teLang.get().reden()));
                return;
            }
            ontvanger.leerling(gegevens, l.regel);
        }

        /** xs:date may carry a time zone ("2006-06-21Z"); the day is what counts. */
        private LocalDate datum(Leerling l, String waarde, String veld, int regel) {
            if (isXsDate(waarde)) {
                try {
                    return LocalDate.of(cijfers(waarde, 0, 4), cijfers(waarde, 5, 2), cijfers(waarde, 8, 2));
                } catch (DateTimeException e) {
                    // reported below
                }
            }
            l.recordfouten.add(new IntakeFout(bestand, regel, veld, "leerling " + l.key
                    + ": geen datum (jjjj-mm-dd)"));
            return null;
        }
    }

    /**
     * The identity constraints of EDEXML.structuur.xsd (xs:key, xs:unique, xs:keyref on the element EDEX), checked
     * with hash sets as the export streams by; the validator leaves them out (see {@link GevalideerdeXmlLezer}).
     * The schema puts vestigingen and groepen before leerlingen and leerkrachten, so every reference can be checked
     * when it is met. A fault names the constraint, never the key value.
     */
    private static final class Sleutels {
        private final Set<String> vestigingen = new HashSet<>();
        private final Set<String> groepen = new HashSet<>();
        private final Set<String> samengesteldeGroepen = new HashSet<>();
        private final Set<String> leerlingen = new HashSet<>();
        private final Set<String> leerlingEckids = new HashSet<>();
        private final Set<String> leerkrachten = new HashSet<>();
        private final Set<String> leerkrachtEckids = new HashSet<>();

        void controleer(GevalideerdeXmlLezer xml, int diepte, String deel, String naam) {
            if (deel == null) {
                return;
            }
            switch (deel) {
                case "vestigingen" -> {
                    if (diepte == 3 && "vestiging".equals(naam)) {
                        uniek(xml, vestigingen, xml.attribuut("key"), "vestigingsKey");
                    }
                }
                case "groepen" -> {
                    if (diepte == 3 && ("groep".equals(naam) || "samengestelde_groep".equals(naam))) {
                        String key = xml.attribuut("key");
                        if (key != null && (groepen.contains(key) || samengesteldeGroepen.contains(key))) {
                            xml.schemafout("dubbele waarde voor identiteitsbeperking 'groepKeyUnique'");
                        } else if (key != null) {
                            ("groep".equals(naam) ? groepen : samengesteldeGroepen).add(key);
                        }
                    }
                }
                case "leerlingen" -> {
                    if (diepte == 3 && "leerling".equals(naam)) {
                        uniek(xml, leerlingen, xml.attribuut("key"), "leerlingKey");
                        uniek(xml, leerlingEckids, xml.attribuut("eckid"), "leerlingEckidUnique");
                    } else if (diepte == 4 && "groep".equals(naam) && "leerling".equals(xml.naamOp(3))) {
                        bestaat(xml, groepen, "groepsRefLeerling");
                    } else if (diepte == 4 && "vestiging".equals(naam) && "leerling".equals(xml.naamOp(3))) {
                        bestaat(xml, vestigingen, "vestigingsRefLeerling");
                    } else if (diepte == 5 && "samengestelde_groep".equals(naam)
                            && "samengestelde_groepen".equals(xml.naamOp(4))) {
                        bestaat(xml, samengesteldeGroepen, "samengesteldegroepsRefLeerling");
                    }
                }
                case "leerkrachten" -> {
                    if (diepte == 3 && "leerkracht".equals(naam)) {
                        uniek(xml, leerkrachten, xml.attribuut("key"), "leerkrachtKey");
                        uniek(xml, leerkrachtEckids, xml.attribuut("eckid"), "leerkrachtEckidUnique");
                    } else if (diepte == 5 && "groepen".equals(xml.naamOp(4))) {
                        if ("groep".equals(naam)) {
                            bestaat(xml, groepen, "groepsRefLeerkracht");
                        } else if ("samengestelde_groep".equals(naam)) {
                            bestaat(xml, samengesteldeGroepen, "samengesteldegroepsRefLeerkracht");
                        }
                    }
                }
                default -> {
                    // school: no identity constraints
                }
            }
        }

        private static void uniek(GevalideerdeXmlLezer xml, Set<String> gezien, String waarde, String beperking) {
            if (waarde != null && !gezien.add(waarde)) {
                xml.schemafout("dubbele waarde voor identiteitsbeperking '" + beperking + "'");
            }
        }

        private static void bestaat(GevalideerdeXmlLezer xml, Set<String> bekend, String beperking) {
            String key = xml.attribuut("key");
            if (key != null && !bekend.contains(key)) {
                xml.schemafout("verwijzing naar een onbekende key (keyref '" + beperking + "')");
            }
        }
    }

    /** The fields of one pupil while its element streams by. Personal data: never logged. */
    private static final class Leerling {
        final String key;
        final int regel;
        String achternaam;
        String voorvoegsel;
        String voornamen;
        String voorletters;
        String roepnaam;
        LocalDate geboortedatum;
        Geslacht geslacht = Geslacht.ONBEKEND;
        String jaargroep;
        String groepKey;
        String bsn;
        String bsnVeld;
        int bsnRegel;
        String onderwijsnummer;
        String postcodeNl;
        LocalDate uitstroomdatum;
        final List<IntakeFout> recordfouten = new ArrayList<>(0);

        Leerling(String key, int regel) {
            this.key = key;
            this.regel = regel;
        }

        static boolean isVeld(String naam) {
            return switch (naam) {
                case "achternaam", "voorvoegsel", "voornamen", "voorletters-1", "roepnaam", "geboortedatum", "geslacht",
                        "jaargroep", "sofinummer", "bsn", "onderwijsnummer", "postcodenl", "uitstroomdatum" -> true;
                // bsn_ondwnr-4 holds only the last four digits: not an identification, so not read
                default -> false;
            };
        }

        /** The fields whose line a fault report names. */
        static boolean kanFoutZijn(String naam) {
            return switch (naam) {
                case "geboortedatum", "uitstroomdatum", "sofinummer", "bsn", "onderwijsnummer" -> true;
                default -> false;
            };
        }

        void zet(String naam, String waarde, int regel, Lezing lezing) {
            switch (naam) {
                case "achternaam" -> achternaam = waarde;
                case "voorvoegsel" -> voorvoegsel = waarde;
                case "voornamen" -> voornamen = waarde;
                case "voorletters-1" -> voorletters = waarde;
                case "roepnaam" -> roepnaam = waarde;
                case "geboortedatum" -> geboortedatum = lezing.datum(this, waarde, naam, regel);
                case "geslacht" -> geslacht = Geslacht.vanEdexmlCode(waarde);
                case "jaargroep" -> jaargroep = waarde;
                // The schema itself says a BSN "als nummer gelijk aan het sofinummer" (EDEXML 1.0 files carry it so).
                case "sofinummer", "bsn" -> {
                    bsn = waarde;
                    bsnVeld = naam;
                    bsnRegel = regel;
                }
                case "onderwijsnummer" -> {
                    onderwijsnummer = waarde;
                    bsnRegel = regel;
                }
                case "postcodenl" -> postcodeNl = waarde;
                case "uitstroomdatum" -> uitstroomdatum = lezing.datum(this, waarde, naam, regel);
                default -> {
                    // isVeld lists what is read
                }
            }
        }
    }
}
