package nl.verzuim.connector.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.rules.Regelinstellingen;
import nl.verzuim.connector.rules.Schoolkalender;
import nl.verzuim.connector.rules.Signaalregel;

/**
 * One school (BRIN + vestiging) the connector serves, as configured in the schools file (las-input.md §3), with its
 * calendar: laid out once when the school is read, it serves every pupil, melding and route of the school (a
 * calendar keeps the index it works out, so one per school is what makes the rules fast).
 *
 * @param kanalen        the receivers this connector serves for the school ({@code kanalen}; default
 *                       {@link #ALLE_KANALEN}): a school whose LAS files its own DUO meldingen leaves DUO out
 * @param meldingenVanaf go-live ({@code meldingen_vanaf}; null: none): a decision first held before this day is kept
 *                       as historical — shown, counted in no deadline, sent only when a person sends it
 * @param signalen       the school's own signal rules ({@code signalen:}, its aanwezigheidsbeleid; default none: the
 *                       rules decide exactly what they decide without them)
 * @param otIndienen     {@code ot_indienen} (default {@link #OT_INDIENEN_STANDAARD}): na_aanvulling keeps an OT melding
 *                       in the connector until a person adds what the LAS cannot know (hoofdoorzaak, SPPOH-adviseur,
 *                       wachtlijst) and submits it
 */
public record School(String brin, String vestiging, String naam, Onderwijssoort onderwijssoort,
                     Contactpersoon contactpersoon, Melder melder, String lasProfiel,
                     Map<DayOfWeek, Integer> lesminuten, List<Schoolkalender.Vakantie> vakanties,
                     Set<LocalDate> vrijeDagen, boolean meld18Plus16Uur, Verzenden verzenden,
                     Set<Kanaal> kanalen, LocalDate meldingenVanaf, List<Signaalregel> signalen,
                     Schoolkalender kalender, OtIndienen otIndienen) {

    /** The default of {@code kanalen} (las-input.md §3): both receivers. */
    public static final Set<Kanaal> ALLE_KANALEN = Set.of(Kanaal.DUO, Kanaal.OT);
    /** The default of {@code ot_indienen}: OT meldingen are submitted as soon as they are decided, as before. */
    public static final OtIndienen OT_INDIENEN_STANDAARD = OtIndienen.AUTOMATISCH;

    public School {
        kanalen = kanalen == null ? ALLE_KANALEN : Set.copyOf(kanalen);
        signalen = signalen == null ? List.of() : List.copyOf(signalen);
        otIndienen = otIndienen == null ? OT_INDIENEN_STANDAARD : otIndienen;
    }

    /** A school as configured, serving both receivers from the start; its calendar follows from its configuration. */
    public School(String brin, String vestiging, String naam, Onderwijssoort onderwijssoort,
                  Contactpersoon contactpersoon, Melder melder, String lasProfiel,
                  Map<DayOfWeek, Integer> lesminuten, List<Schoolkalender.Vakantie> vakanties,
                  Set<LocalDate> vrijeDagen, boolean meld18Plus16Uur, Verzenden verzenden) {
        this(brin, vestiging, naam, onderwijssoort, contactpersoon, melder, lasProfiel, lesminuten, vakanties,
                vrijeDagen, meld18Plus16Uur, verzenden, ALLE_KANALEN, null);
    }

    /** A school as configured; its calendar follows from its lesminuten, vakanties and vrije dagen. */
    public School(String brin, String vestiging, String naam, Onderwijssoort onderwijssoort,
                  Contactpersoon contactpersoon, Melder melder, String lasProfiel,
                  Map<DayOfWeek, Integer> lesminuten, List<Schoolkalender.Vakantie> vakanties,
                  Set<LocalDate> vrijeDagen, boolean meld18Plus16Uur, Verzenden verzenden, Set<Kanaal> kanalen,
                  LocalDate meldingenVanaf) {
        this(brin, vestiging, naam, onderwijssoort, contactpersoon, melder, lasProfiel, lesminuten, vakanties,
                vrijeDagen, meld18Plus16Uur, verzenden, kanalen, meldingenVanaf, List.of());
    }

    /** A school as configured, with its own signal rules; its calendar follows from its configuration. */
    public School(String brin, String vestiging, String naam, Onderwijssoort onderwijssoort,
                  Contactpersoon contactpersoon, Melder melder, String lasProfiel,
                  Map<DayOfWeek, Integer> lesminuten, List<Schoolkalender.Vakantie> vakanties,
                  Set<LocalDate> vrijeDagen, boolean meld18Plus16Uur, Verzenden verzenden, Set<Kanaal> kanalen,
                  LocalDate meldingenVanaf, List<Signaalregel> signalen) {
        this(brin, vestiging, naam, onderwijssoort, contactpersoon, melder, lasProfiel, lesminuten, vakanties,
                vrijeDagen, meld18Plus16Uur, verzenden, kanalen, meldingenVanaf, signalen, (OtIndienen) null);
    }

    /** A school as configured, with its own signal rules and its choice for OT; its calendar follows. */
    public School(String brin, String vestiging, String naam, Onderwijssoort onderwijssoort,
                  Contactpersoon contactpersoon, Melder melder, String lasProfiel,
                  Map<DayOfWeek, Integer> lesminuten, List<Schoolkalender.Vakantie> vakanties,
                  Set<LocalDate> vrijeDagen, boolean meld18Plus16Uur, Verzenden verzenden, Set<Kanaal> kanalen,
                  LocalDate meldingenVanaf, List<Signaalregel> signalen, OtIndienen otIndienen) {
        this(brin, vestiging, naam, onderwijssoort, contactpersoon, melder, lasProfiel, lesminuten, vakanties,
                vrijeDagen, meld18Plus16Uur, verzenden, kanalen, meldingenVanaf, signalen,
                new Schoolkalender(lesminuten, vakanties, vrijeDagen), otIndienen);
    }

    /** This school with another choice for OT (the rest as configured). */
    public School metOtIndienen(OtIndienen keuze) {
        return new School(brin, vestiging, naam, onderwijssoort, contactpersoon, melder, lasProfiel, lesminuten,
                vakanties, vrijeDagen, meld18Plus16Uur, verzenden, kanalen, meldingenVanaf, signalen, kalender, keuze);
    }

    /** Whether the connector sends this school's meldingen on {@code kanaal} (signals are the school's own). */
    public boolean bedient(Kanaal kanaal) {
        return kanaal == Kanaal.SIGNAAL || kanalen.contains(kanaal);
    }

    /** Whether a decision first held on {@code beslotenOp} came before go-live: kept as historical. */
    public boolean voorMeldingenVanaf(LocalDate beslotenOp) {
        return meldingenVanaf != null && beslotenOp.isBefore(meldingenVanaf);
    }

    public enum Onderwijssoort { PO, SO, VO, VSO, MBO }

    /** automatisch: meldingen leave as soon as they are decided; na_goedkeuring: a person approves each. */
    public enum Verzenden { AUTOMATISCH, NA_GOEDKEURING }

    /**
     * automatisch: an OT melding is opened and submitted as soon as it is decided; na_aanvulling: it waits in the
     * connector (WACHT_OP_AANVULLING) until a person adds hoofdoorzaak, SPPOH-adviseur, toelichting and wachtlijst.
     */
    public enum OtIndienen { AUTOMATISCH, NA_AANVULLING }

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
        return new Regelinstellingen(meld18Plus16Uur, signalen);
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
                vakanties, vrijeDagen, meld18Plus16Uur, verzenden, kanalen, meldingenVanaf, signalen, otIndienen);
    }
}
