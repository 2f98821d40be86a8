package nl.verzuim.connector.support;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** LAS exports for tests of the operator view. */
public final class Verzuimbestanden {

    private Verzuimbestanden() {
    }

    /**
     * The sandbox pupil (LN094837, school 00YY00) absent without leave every weekday from Monday 26 October 2026
     * (after the autumn holiday) to Friday 20 November: a 16-uur melding for DUO and an OT traject follow.
     */
    public static String vierWekenAfwezig() {
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        for (LocalDate dag = LocalDate.of(2026, 10, 26); !dag.isAfter(LocalDate.of(2026, 11, 20)); dag = dag.plusDays(1)) {
            if (dag.getDayOfWeek() != DayOfWeek.SATURDAY && dag.getDayOfWeek() != DayOfWeek.SUNDAY) {
                csv.append("LN094837;").append(dag).append(";08:30;;;ONG;\n");
            }
        }
        return csv.toString();
    }
}
