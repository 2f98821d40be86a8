package nl.verzuim.connector.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.verzuim.connector.rules.Regelinstellingen;
import nl.verzuim.connector.rules.Schoolkalender;

/** One school (BRIN + vestiging) the connector serves, as configured in the schools file (las-input.md §3). */
public record School(String brin, String vestiging, String naam, Onderwijssoort onderwijssoort,
                     Contactpersoon contactpersoon, Melder melder, String lasProfiel,
                     Map<DayOfWeek, Integer> lesminuten, List<Schoolkalender.Vakantie> vakanties,
                     Set<LocalDate> vrijeDagen, boolean meld18Plus16Uur, Verzenden verzenden) {

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

    public Schoolkalender kalender() {
        return new Schoolkalender(lesminuten, vakanties, vrijeDagen);
    }

    public Regelinstellingen regelinstellingen() {
        return new Regelinstellingen(meld18Plus16Uur);
    }
}
