package nl.verzuim.connector.intake.bench;

import static nl.verzuim.connector.support.Testnummers.bsn;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated, not real: an EDEXML 2.1 export of N pupils (valid against the schema, BSNs that pass the elfproef) and
 * a verzuimregistraties CSV in the {@code standaard} layout with M rows for those pupils, spread over the school
 * days of autumn 2026. Seeded, so every run reads the same bytes.
 */
final class BenchGegevens {

    static final String SCHOOL = "00YY00";
    private static final String[] ACHTERNAMEN = {"Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit",
            "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker"};
    private static final String[] VOORNAMEN = {"Daan", "Sem", "Emma", "Julia", "Lucas", "Mila", "Noah", "Tess",
            "Finn", "Sara", "Liam", "Zoë", "Milan", "Nora", "Levi", "Yara"};
    private static final String[] CODES = {"ONG", "TL", "TL", "TL", "ZK", "MED", "VRL", "UIT", "UIT", "UIT"};

    private BenchGegevens() {
    }

    static String leerlingId(int i) {
        return "LL%06d".formatted(i);
    }

    static void edexml(Path bestand, int leerlingen) throws IOException {
        Random r = new Random(4);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(bestand, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <EDEX>
                    \t<school>
                    \t\t<schooljaar>2026-2027</schooljaar>
                    \t\t<peildatum>2026-10-01</peildatum>
                    \t\t<brincode>00YY</brincode>
                    \t\t<dependancecode>00</dependancecode>
                    \t\t<aanmaakdatum>2026-11-20T07:00:00</aanmaakdatum>
                    \t\t<xsdversie>2.1</xsdversie>
                    \t</school>
                    \t<groepen>
                    """);
            for (int g = 1; g <= 8; g++) {
                w.write("\t\t<groep key=\"G" + g + "\">\n\t\t\t<naam>Groep " + g + "</naam>\n\t\t\t<jaargroep>" + g
                        + "</jaargroep>\n\t\t</groep>\n");
            }
            w.write("\t</groepen>\n\t<leerlingen>\n");
            for (int i = 1; i <= leerlingen; i++) {
                int groep = 1 + r.nextInt(8);
                LocalDate geboren = LocalDate.of(2018 - groep, 1, 1).plusDays(r.nextInt(365));
                w.write("\t\t<leerling key=\"" + leerlingId(i) + "\">\n");
                w.write("\t\t\t<achternaam>" + ACHTERNAMEN[r.nextInt(ACHTERNAMEN.length)] + "</achternaam>\n");
                w.write("\t\t\t<voornamen>" + VOORNAMEN[r.nextInt(VOORNAMEN.length)] + " "
                        + VOORNAMEN[r.nextInt(VOORNAMEN.length)] + "</voornamen>\n");
                w.write("\t\t\t<roepnaam>" + VOORNAMEN[r.nextInt(VOORNAMEN.length)] + "</roepnaam>\n");
                w.write("\t\t\t<geboortedatum>" + geboren + "</geboortedatum>\n");
                w.write("\t\t\t<geslacht>" + (1 + r.nextInt(2)) + "</geslacht>\n");
                w.write("\t\t\t<jaargroep>" + groep + "</jaargroep>\n");
                w.write("\t\t\t<groep key=\"G" + groep + "\"/>\n");
                w.write("\t\t\t<bsn>" + bsn(i) + "</bsn>\n");
                w.write("\t\t\t<postcodenl>" + (1000 + r.nextInt(9000)) + (char) ('A' + r.nextInt(26))
                        + (char) ('A' + r.nextInt(26)) + "</postcodenl>\n");
                w.write("\t\t\t<instroomdatum>" + geboren.plusYears(4) + "</instroomdatum>\n");
                w.write("\t\t\t<mutatiedatum>2026-09-01T08:00:00</mutatiedatum>\n");
                w.write("\t\t</leerling>\n");
            }
            w.write("\t</leerlingen>\n</EDEX>\n");
        }
    }

    /** {@code rijen} registrations, {@code rijen / leerlingen} per pupil on distinct school days, in date order. */
    static void csv(Path bestand, int leerlingen, int rijen) throws IOException {
        List<LocalDate> dagen = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 8, 31); !d.isAfter(LocalDate.of(2026, 11, 20)); d = d.plusDays(1)) {
            boolean herfst = !d.isBefore(LocalDate.of(2026, 10, 17)) && !d.isAfter(LocalDate.of(2026, 10, 25));
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !herfst) {
                dagen.add(d);
            }
        }
        int perLeerling = rijen / leerlingen;
        if (perLeerling > dagen.size()) {
            throw new IllegalArgumentException("meer registraties per leerling dan schooldagen");
        }
        Random r = new Random(16);
        // For each pupil a random choice of days; written day by day, as a LAS export of a period would be.
        int stap = dagen.size() - perLeerling + 1;
        int[] start = new int[leerlingen + 1];
        for (int i = 1; i <= leerlingen; i++) {
            start[i] = r.nextInt(stap);
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(bestand, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
            for (int dag = 0; dag < dagen.size(); dag++) {
                String datum = dagen.get(dag).toString();
                for (int i = 1; i <= leerlingen; i++) {
                    if (dag < start[i] || dag >= start[i] + perLeerling) {
                        continue;
                    }
                    String code = CODES[r.nextInt(CODES.length)];
                    int uur = 8 + r.nextInt(6);
                    int minuten = 10 + r.nextInt(50);
                    w.write(leerlingId(i));
                    w.write(';');
                    w.write(datum);
                    w.write(';');
                    w.write("%02d:%02d".formatted(uur, 30));
                    w.write(";;");
                    w.write(Integer.toString(minuten));
                    w.write(';');
                    w.write(code);
                    w.write(code.equals("ZK") ? ";ziek gemeld\n" : ";\n");
                }
            }
        }
    }
}
