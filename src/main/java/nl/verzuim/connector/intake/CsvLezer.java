package nl.verzuim.connector.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;

/**
 * Reads a verzuimregistraties CSV by streaming, with the layout of a {@link LasProfiel}: RFC 4180 quoting, a
 * header line, a BOM tolerated. A bad line is reported with its line number and field and skipped; the rest of the
 * file is still read. A file whose header lacks a required column, or that is not in the profile's encoding, is
 * rejected whole (a Windows-1252 file read as UTF-8 is named as such rather than read as garbage).
 */
public final class CsvLezer {

    private final LasProfiel profiel;
    private final String bestand;

    private CsvLezer(LasProfiel profiel, String bestand) {
        this.profiel = profiel;
        this.bestand = bestand;
    }

    public static void lees(InputStream invoer, String bestand, LasProfiel profiel, Consumer<CsvRegel> ontvanger,
                            List<IntakeFout> fouten) throws OngeldigBestandException {
        new CsvLezer(profiel, bestand).leesAlles(invoer, ontvanger, fouten);
    }

    private void leesAlles(InputStream invoer, Consumer<CsvRegel> ontvanger, List<IntakeFout> fouten)
            throws OngeldigBestandException {
        Reader reader = new BufferedReader(new InputStreamReader(invoer, profiel.codering().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        Records records = new Records(reader, profiel.scheidingsteken());
        try {
            List<String> kop = records.volgende();
            if (kop == null) {
                throw new OngeldigBestandException(new IntakeFout(bestand, 1, null, "het bestand is leeg; een kopregel is verplicht"));
            }
            if (!kop.isEmpty() && kop.get(0).startsWith("\uFEFF")) {
                kop.set(0, kop.get(0).substring(1));
            }
            Map<String, Integer> index = kolomIndex(kop);
            int leerlingKolom = index.get(LasProfiel.LEERLING_ID);
            int datumKolom = index.get(LasProfiel.DATUM);
            int codeKolom = index.get(LasProfiel.CODE);
            Integer beginKolom = index.get(LasProfiel.BEGINTIJD);
            Integer eindKolom = index.get(LasProfiel.EINDTIJD);
            Integer minutenKolom = index.get(LasProfiel.MINUTEN);
            Integer omschrijvingKolom = index.get(LasProfiel.OMSCHRIJVING);
            List<String> velden;
            while (true) {
                int regel = records.regelVanVolgende();
                velden = records.volgende();
                if (velden == null) {
                    break;
                }
                if (velden.size() == 1 && velden.get(0).isBlank()) {
                    continue;
                }
                if (velden.size() != kop.size()) {
                    fouten.add(new IntakeFout(bestand, regel, null, "verwacht " + kop.size() + " velden, gevonden "
                            + velden.size()));
                    continue;
                }
                CsvRegel gelezen = regel(velden, regel, leerlingKolom, datumKolom, codeKolom, beginKolom, eindKolom,
                        minutenKolom, omschrijvingKolom, fouten);
                if (gelezen != null) {
                    ontvanger.accept(gelezen);
                }
            }
        } catch (CharacterCodingException e) {
            throw new OngeldigBestandException(new IntakeFout(bestand, records.regel(), null,
                    "het bestand is geen geldige " + profiel.codering().name() + (profiel.codering() == StandardCharsets.UTF_8
                            ? " (waarschijnlijk Windows-1252); sla het op als UTF-8 of zet 'codering: windows-1252' in profiel "
                            + profiel.naam() : "")));
        } catch (IOException e) {
            throw new OngeldigBestandException(new IntakeFout(bestand, records.regel(), null,
                    "het bestand kan niet gelezen worden: " + e.getClass().getSimpleName()));
        }
    }

    private Map<String, Integer> kolomIndex(List<String> kop) throws OngeldigBestandException {
        Map<String, Integer> positie = new HashMap<>();
        for (int i = 0; i < kop.size(); i++) {
            positie.put(kop.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, String> kolom : profiel.kolommen().entrySet()) {
            Integer i = positie.get(kolom.getValue().trim().toLowerCase(Locale.ROOT));
            if (i != null) {
                index.put(kolom.getKey(), i);
            }
        }
        for (String verplicht : new String[] {LasProfiel.LEERLING_ID, LasProfiel.DATUM, LasProfiel.CODE}) {
            if (!index.containsKey(verplicht)) {
                throw new OngeldigBestandException(new IntakeFout(bestand, 1, profiel.kolommen().get(verplicht),
                        "kolom '" + profiel.kolommen().get(verplicht) + "' ontbreekt in de kopregel (profiel "
                                + profiel.naam() + ")"));
            }
        }
        return index;
    }

    private CsvRegel regel(List<String> velden, int regel, int leerlingKolom, int datumKolom, int codeKolom,
                           Integer beginKolom, Integer eindKolom, Integer minutenKolom, Integer omschrijvingKolom,
                           List<IntakeFout> fouten) {
        String leerlingId = velden.get(leerlingKolom).trim();
        if (leerlingId.isEmpty()) {
            fouten.add(fout(regel, LasProfiel.LEERLING_ID, "is leeg"));
            return null;
        }
        String datumTekst = velden.get(datumKolom).trim();
        LocalDate datum;
        try {
            datum = LocalDate.parse(datumTekst, profiel.datumFormatter());
        } catch (DateTimeParseException e) {
            fouten.add(fout(regel, LasProfiel.DATUM, "'" + datumTekst + "' is geen datum volgens " + profiel.datumformaat()));
            return null;
        }
        String lasCode = velden.get(codeKolom).trim();
        Afwezigheidscode code = profiel.betekenis(lasCode);
        if (code == null) {
            fouten.add(fout(regel, LasProfiel.CODE, "onbekende code '" + lasCode + "' in profiel " + profiel.naam()
                    + "; voeg hem toe aan het profiel — hij wordt niet als aan- of afwezig geteld"));
            return null;
        }
        LocalTime begin;
        LocalTime eind;
        Integer minuten = null;
        try {
            begin = tijd(velden, beginKolom);
        } catch (DateTimeParseException e) {
            fouten.add(fout(regel, LasProfiel.BEGINTIJD, "'" + velden.get(beginKolom).trim() + "' is geen tijd volgens "
                    + profiel.tijdformaat()));
            return null;
        }
        try {
            eind = tijd(velden, eindKolom);
        } catch (DateTimeParseException e) {
            fouten.add(fout(regel, LasProfiel.EINDTIJD, "'" + velden.get(eindKolom).trim() + "' is geen tijd volgens "
                    + profiel.tijdformaat()));
            return null;
        }
        if (begin != null && eind != null && !eind.isAfter(begin)) {
            fouten.add(fout(regel, LasProfiel.EINDTIJD, "eindtijd ligt niet na begintijd"));
            return null;
        }
        if (minutenKolom != null && !velden.get(minutenKolom).isBlank()) {
            String tekst = velden.get(minutenKolom).trim();
            try {
                minuten = Integer.valueOf(tekst);
            } catch (NumberFormatException e) {
                fouten.add(fout(regel, LasProfiel.MINUTEN, "'" + tekst + "' is geen geheel aantal minuten"));
                return null;
            }
            if (minuten < 0 || minuten > 24 * 60) {
                fouten.add(fout(regel, LasProfiel.MINUTEN, minuten + " ligt niet tussen 0 en 1440"));
                return null;
            }
        }
        String omschrijving = omschrijvingKolom == null ? null : leegNaarNull(velden.get(omschrijvingKolom));
        return new CsvRegel(leerlingId, new Registratie(datum, begin, eind, minuten, code, omschrijving), regel);
    }

    private LocalTime tijd(List<String> velden, Integer kolom) {
        if (kolom == null || velden.get(kolom).isBlank()) {
            return null;
        }
        return LocalTime.parse(velden.get(kolom).trim(), profiel.tijdFormatter());
    }

    private static String leegNaarNull(String waarde) {
        return waarde == null || waarde.isBlank() ? null : waarde.trim();
    }

    private IntakeFout fout(int regel, String veld, String reden) {
        return new IntakeFout(bestand, regel, profiel.kolommen().getOrDefault(veld, veld), reden);
    }

    /** RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks. */
    private static final class Records {
        private final Reader reader;
        private final char scheiding;
        private int regel = 1;
        private int volgendeRegel = 1;
        private int vooruit = -2;

        Records(Reader reader, char scheiding) {
            this.reader = reader;
            this.scheiding = scheiding;
        }

        int regel() {
            return regel;
        }

        /** The physical line on which the next record starts. */
        int regelVanVolgende() {
            return volgendeRegel;
        }

        private int lees() throws IOException {
            if (vooruit != -2) {
                int c = vooruit;
                vooruit = -2;
                return c;
            }
            return reader.read();
        }

        List<String> volgende() throws IOException {
            regel = volgendeRegel;
            List<String> velden = new ArrayList<>();
            StringBuilder veld = new StringBuilder();
            boolean inAanhaling = false;
            boolean iets = false;
            while (true) {
                int c = lees();
                if (c == -1) {
                    if (!iets && velden.isEmpty() && veld.isEmpty()) {
                        return null;
                    }
                    velden.add(veld.toString());
                    return velden;
                }
                iets = true;
                if (inAanhaling) {
                    if (c == '"') {
                        int na = lees();
                        if (na == '"') {
                            veld.append('"');
                        } else {
                            inAanhaling = false;
                            vooruit = na;
                        }
                    } else {
                        if (c == '\n') {
                            volgendeRegel++;
                        }
                        veld.append((char) c);
                    }
                } else if (c == '"' && veld.isEmpty()) {
                    inAanhaling = true;
                } else if (c == scheiding) {
                    velden.add(veld.toString());
                    veld.setLength(0);
                } else if (c == '\r') {
                    int na = lees();
                    if (na != '\n') {
                        vooruit = na;
                    }
                    volgendeRegel++;
                    velden.add(veld.toString());
                    return velden;
                } else if (c == '\n') {
                    volgendeRegel++;
                    velden.add(veld.toString());
                    return velden;
                } else {
                    veld.append((char) c);
                }
            }
        }
    }
}
