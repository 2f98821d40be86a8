package nl.verzuim.connector.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.verzuim.connector.rules.Regelinstellingen;
import nl.verzuim.connector.rules.Schoolkalender;

/**
 * One school (BRIN + vestiging) the connector serves, as configured in the schools file (las-input.md §3), with its
 * calendar: laid out once when the school is read, it serves every pupil, melding and route of the school (a
 * calendar keeps the index it works out, so one per school is what makes the rules fast).
 */
public record School(String brin, String vestiging, String naam, Onderwijssoort onderwijssoort,
                     Contactpersoon contactpersoon, Melder melder, String lasProfiel,
                     Map<DayOfWeek, Integer> lesminuten, List<Schoolkalender.Vakantie> vakanties,
                     Set<LocalDate> vrijeDagen, boolean meld18Plus16Uur, Verzenden verzenden,
                     Schoolkalender kalender) {

    /** A school as configured; its calendar follows from its lesminuten, vakanties and vrije dagen. */
    public School(String brin, String vestiging, String naam, Onderwijssoort onderwijssoort,
                  Contactpersoon contactpersoon, Melder melder, String lasProfiel,
                  Map<DayOfWeek, Integer> lesminuten, List<Schoolkalender.Vakantie> vakanties,
                  Set<LocalDate> vrijeDagen, boolean meld18Plus16Uur, Verzenden verzenden) {
        this(brin, vestiging, naam, onderwijssoort, contactpersoon, melder, lasProfiel, lesminuten, vakanties,
                vrijeDagen, meld18Plus16Uur, verzenden, new Schoolkalender(lesminuten, vakanties, vrijeDagen));
    }

    public enum Onderwijssoort { PO, SO, VO, VSO, MBO }

    /** automatisch: meldingen leave as soon as they are decided; na_goedkeuring: a person approves each. */
    public enum Verzenden { AUTOMATISCH, NA_GOEDKEURING }

    /** Receives the accept/return mails. */
    public record Contactpersoon(String naam, String email) {
    }

    /** Named in DUO meldingen. */
    public record Melder(String naam, String email, String telefoon) {
    }

    /** BRIN and vestiging together, e.g. {@code 12AB00}. */
    public String code() {
        return brin + vestiging;
    }

    public Regelinstellingen regelinstellingen() {
        return new Regelinstellingen(meld18Plus16Uur);
    }

    /** Equal when configured alike: the calendar follows from the configuration. */
    @Override
    public boolean equals(Object ander) {
        return ander instanceof School school && configuratie().equals(school.configuratie());
    }

    @Override
    public int hashCode() {
        return configuratie().hashCode();
    }

    @Override
    public String toString() {
        return "School[" + code() + " " + naam + "]";
    }

    private List<Object> configuratie() {
        return Arrays.asList(brin, vestiging, naam, onderwijssoort, contactpersoon, melder, lasProfiel, lesminuten,
                vakanties, vrijeDagen, meld18Plus16Uur, verzenden);
    }
}
