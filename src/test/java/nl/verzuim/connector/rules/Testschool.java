package nl.verzuim.connector.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The school calendar of the rule tables, school year 2026–2027 with the summer before it. Every expected answer in
 * the tables is worked out by hand from this calendar:
 * <pre>
 *   lesminuten  ma 330, di 330, wo 210, do 330, vr 330  (a full week: 1530)
 *   vakanties   zomer 2026   za 11-07-2026 – zo 23-08-2026
 *               herfst       za 17-10-2026 – zo 25-10-2026   (week of 19-10 is no lesweek)
 *               kerst        za 19-12-2026 – zo 03-01-2027   (weeks of 21-12 and 28-12 are no lesweken)
 *               voorjaar     za 13-02-2027 – zo 21-02-2027
 *               mei          za 24-04-2027 – zo 02-05-2027
 *               zomer 2027   za 10-07-2027 – zo 22-08-2027
 *   vrije dagen vr 25-09-2026 (studiedag; that week has 1200 lesminuten), vr 25-12-2026
 * </pre>
 * Before the summer of 2026 no vakanties are configured: every weekday there is a school day.
 */
final class Testschool {

    static final Schoolkalender KALENDER = new Schoolkalender(
            Map.of(DayOfWeek.MONDAY, 330, DayOfWeek.TUESDAY, 330, DayOfWeek.WEDNESDAY, 210, DayOfWeek.THURSDAY, 330,
                    DayOfWeek.FRIDAY, 330),
            List.of(new Schoolkalender.Vakantie("zomervakantie", d("2026-07-11"), d("2026-08-23")),
                    new Schoolkalender.Vakantie("herfstvakantie", d("2026-10-17"), d("2026-10-25")),
                    new Schoolkalender.Vakantie("kerstvakantie", d("2026-12-19"), d("2027-01-03")),
                    new Schoolkalender.Vakantie("voorjaarsvakantie", d("2027-02-13"), d("2027-02-21")),
                    new Schoolkalender.Vakantie("meivakantie", d("2027-04-24"), d("2027-05-02")),
                    new Schoolkalender.Vakantie("zomervakantie", d("2027-07-10"), d("2027-08-22"))),
            Set.of(d("2026-09-25"), d("2026-12-25")));

    private Testschool() {
    }

    static LocalDate d(String tekst) {
        return LocalDate.parse(tekst);
    }
}
