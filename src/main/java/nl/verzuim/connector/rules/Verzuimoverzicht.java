package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The verzuimoverzicht DUO receives with a melding: the registrations that prove it. Those its rule counts — LUX
 * for luxe verzuim, ONG and TL for every other verzuimsoort — on the school days from the melding's begindatum up to
 * its einddatum (none: every later day), in the order they arrived, each with its minutes (without them: as the rules
 * count it, see {@link Registratie#minutenOp}).
 */
public final class Verzuimoverzicht {

    private Verzuimoverzicht() {
    }

    public static List<Registratie> van(Verzuimsoort soort, LocalDate begindatum, LocalDate einddatum,
                                        List<Registratie> registratiesInVolgorde, Schoolkalender kalender) {
        boolean luxe = soort == Verzuimsoort.LUXE;
        return registratiesInVolgorde.stream()
                .filter(r -> !r.datum().isBefore(begindatum) && (einddatum == null || !r.datum().isAfter(einddatum)))
                .filter(r -> kalender.isSchooldag(r.datum()))
                .filter(r -> luxe ? r.code() == Afwezigheidscode.LUX : r.code().isOngeoorloofd())
                .map(r -> r.minuten() != null ? r : new Registratie(r.datum(), r.begintijd(), r.eindtijd(),
                        r.minutenOp(kalender.lesminuten(r.datum())), r.code(), null))
                .toList();
    }
}
