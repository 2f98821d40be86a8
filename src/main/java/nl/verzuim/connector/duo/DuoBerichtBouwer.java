package nl.verzuim.connector.duo;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import nl.verzuim.connector.duo.wsdl.AanleverenVerzuimmeldingRequest;
import nl.verzuim.connector.duo.wsdl.Adres;
import nl.verzuim.connector.duo.wsdl.Bedrijfsdocument;
import nl.verzuim.connector.duo.wsdl.IntrekkenVerzuimmeldingRequest;
import nl.verzuim.connector.duo.wsdl.Leerling;
import nl.verzuim.connector.duo.wsdl.Melder;
import nl.verzuim.connector.duo.wsdl.Onderwijssoort;
import nl.verzuim.connector.duo.wsdl.Registratiesoort;
import nl.verzuim.connector.duo.wsdl.Verzuimmelding;
import nl.verzuim.connector.duo.wsdl.Verzuimsoort;
import nl.verzuim.connector.leerling.LeerlingGegevens;
import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.school.School;

/**
 * Builds DUO's aanleverenVerzuimmelding from a melding. DUO gets what it needs and no more (domain §5):
 * identification, name, birth date, address, the verzuim with its figures, and the verzuimoverzicht that proves it
 * — so the leerplichtambtenaar need not chase the school for it. No verzorgers, no free-text omschrijving.
 */
public final class DuoBerichtBouwer {

    private static final DatatypeFactory DATUMS = datatypeFactory();

    private DuoBerichtBouwer() {
    }

    public static AanleverenVerzuimmeldingRequest aanleveren(Melding melding, LeerlingGegevens leerling, School school,
                                                             List<Registratie> overzicht, String sleutel,
                                                             Instant aangemaakt, String verzendendeInstantie,
                                                             String ontvangendeInstantie) {
        Bedrijfsdocument document = bedrijfsdocument(sleutel, aangemaakt, school, verzendendeInstantie,
                ontvangendeInstantie);

        nl.verzuim.connector.duo.wsdl.School duoSchool = new nl.verzuim.connector.duo.wsdl.School();
        duoSchool.setBrinnummer(school.brin());
        duoSchool.setVestigingsnummer(school.vestiging());
        duoSchool.setOnderwijssoort(Onderwijssoort.fromValue(school.onderwijssoort().name()));

        Leerling duoLeerling = new Leerling();
        if (leerling.bsn() != null && !leerling.bsn().isBlank()) {
            duoLeerling.setBurgerservicenummer(leerling.bsn());
        } else {
            duoLeerling.setOnderwijsnummer(leerling.onderwijsnummer());
        }
        duoLeerling.setAchternaam(leerling.achternaam());
        duoLeerling.setVoorvoegsel(leegNaarNull(leerling.voorvoegsel()));
        duoLeerling.setVoorletters(leegNaarNull(leerling.voorletters()));
        duoLeerling.setGeboortedatum(datum(leerling.geboortedatum()));
        Adres adres = new Adres();
        adres.setStraatnaam(leerling.adres().straat());
        adres.setHuisnummer(leerling.adres().huisnummer());
        adres.setHuisnummerToevoeging(leegNaarNull(leerling.adres().toevoeging()));
        adres.setPostcode(leerling.adres().postcode());
        adres.setPlaatsnaam(leerling.adres().plaats());
        adres.setGemeente(leegNaarNull(leerling.adres().gemeente()));
        duoLeerling.setAdres(adres);
        duoLeerling.setLeerjaar(leegNaarNull(leerling.groepOfLeerjaar()));

        Verzuimmelding verzuim = new Verzuimmelding();
        verzuim.setSchool(duoSchool);
        verzuim.setLeerling(duoLeerling);
        verzuim.setVerzuimsoort(Verzuimsoort.fromValue(melding.soort()));
        verzuim.setBegindatum(datum(melding.begindatum()));
        if (melding.einddatum() != null) {
            verzuim.setEinddatum(datum(melding.einddatum()));
        }
        if (melding.uren() != null) {
            verzuim.setAantalUrenOngeoorloofd(melding.uren());
        }
        long teLaat = overzicht.stream().filter(r -> r.code() == Afwezigheidscode.TL).count();
        if (teLaat > 0) {
            verzuim.setAantalKeerTeLaat(BigInteger.valueOf(teLaat));
        }
        if (!overzicht.isEmpty()) {
            Verzuimmelding.Verzuimoverzicht lijst = new Verzuimmelding.Verzuimoverzicht();
            for (Registratie r : overzicht) {
                nl.verzuim.connector.duo.wsdl.Registratie registratie = new nl.verzuim.connector.duo.wsdl.Registratie();
                registratie.setDatum(datum(r.datum()));
                registratie.setMinuten(BigInteger.valueOf(r.minuten() == null ? 0 : r.minuten()));
                registratie.setSoort(registratiesoort(r.code()));
                lijst.getRegistratie().add(registratie);
            }
            verzuim.setVerzuimoverzicht(lijst);
        }
        Melder melder = new Melder();
        melder.setNaam(school.melder().naam());
        melder.setEmail(school.melder().email());
        melder.setTelefoon(school.melder().telefoon());
        verzuim.setMelder(melder);

        AanleverenVerzuimmeldingRequest verzoek = new AanleverenVerzuimmeldingRequest();
        verzoek.setBedrijfsdocument(document);
        verzoek.setVerzuimmelding(verzuim);
        return verzoek;
    }

    /** Withdraws a melding DUO has: its meldingsnummer and the reason the person gave, under a key of its own. */
    public static IntrekkenVerzuimmeldingRequest intrekken(String meldingsnummer, String reden, String sleutel,
                                                           Instant aangemaakt, School school,
                                                           String verzendendeInstantie, String ontvangendeInstantie) {
        IntrekkenVerzuimmeldingRequest verzoek = new IntrekkenVerzuimmeldingRequest();
        verzoek.setBedrijfsdocument(bedrijfsdocument(sleutel, aangemaakt, school, verzendendeInstantie,
                ontvangendeInstantie));
        verzoek.setMeldingsnummer(meldingsnummer);
        verzoek.setReden(reden);
        return verzoek;
    }

    /**
     * The envelope of every message to DUO: its key (the same on every retry), when it was made, from whom and to
     * whom. Without a configured verzendendeInstantie the school sends in its own name (its BRIN).
     */
    public static Bedrijfsdocument bedrijfsdocument(String sleutel, Instant aangemaakt, School school,
                                                    String verzendendeInstantie, String ontvangendeInstantie) {
        Bedrijfsdocument document = new Bedrijfsdocument();
        document.setIdentificatiecodeBedrijfsdocument(sleutel);
        document.setVerzendendeInstantie(verzendendeInstantie == null || verzendendeInstantie.isBlank()
                ? school.brin() : verzendendeInstantie);
        document.setOntvangendeInstantie(ontvangendeInstantie);
        document.setDatumTijdBedrijfsdocument(tijdstip(aangemaakt));
        return document;
    }

    static Registratiesoort registratiesoort(Afwezigheidscode code) {
        return switch (code) {
            case ONG -> Registratiesoort.ONGEOORLOOFD;
            case TL -> Registratiesoort.TE_LAAT;
            case LUX -> Registratiesoort.LUXE;
            case ZK -> Registratiesoort.ZIEK;
            default -> Registratiesoort.GEOORLOOFD_OVERIG;
        };
    }

    static XMLGregorianCalendar datum(LocalDate datum) {
        XMLGregorianCalendar kalender = DATUMS.newXMLGregorianCalendarDate(datum.getYear(), datum.getMonthValue(),
                datum.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
        return kalender;
    }

    /** In UTC, to the millisecond; from the fields (a GregorianCalendar in between cost more than the rest). */
    static XMLGregorianCalendar tijdstip(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return DATUMS.newXMLGregorianCalendar(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond(), t.getNano() / 1_000_000, 0);
    }

    private static String leegNaarNull(String waarde) {
        return waarde == null || waarde.isBlank() ? null : waarde;
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.Map<Class<?>, jakarta.xml.bind.JAXBContext> CONTEXTEN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A DUO answer as XML, to keep beside the message it answers; null for none. */
    static String alsXml(Object antwoord) {
        if (antwoord == null) {
            return null;
        }
        try {
            java.io.StringWriter xml = new java.io.StringWriter();
            jakarta.xml.bind.Marshaller m = CONTEXTEN.computeIfAbsent(antwoord.getClass(), k -> {
                try {
                    return jakarta.xml.bind.JAXBContext.newInstance(k);
                } catch (jakarta.xml.bind.JAXBException e) {
                    throw new IllegalStateException(e);
                }
            }).createMarshaller();
            m.setProperty(jakarta.xml.bind.Marshaller.JAXB_FORMATTED_OUTPUT, true);
            m.marshal(antwoord, xml);
            return xml.toString();
        } catch (jakarta.xml.bind.JAXBException | IllegalStateException e) {
            return antwoord.getClass().getSimpleName();
        }
    }
}
