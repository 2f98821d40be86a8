package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replays the days up to a peildatum and returns the decisions the connector, running daily, would have made
 * (domain §3 "Exact reading"). The running connector calls this on each new export; the {@code beoordeel}
 * command calls it once per pupil.
 *
 * <p>Illness never makes a DUO melding; {@code OVERIG} is never decided here (a person files it).
 */
public final class Beoordelaar {

    private Beoordelaar() {
    }

    /**
     * @param registratiesInVolgorde the pupil's registrations in the order they arrived (a later one with the same
     *                               key replaces the earlier)
     * @param eerdere                decisions made and kept earlier; an earlier 16-uur melding blocks a new one in
     *                               its 4 lesweken. Other decisions are returned again with their current einddatum;
     *                               the caller recognises them by soort and begindatum.
     */
    public static List<Beslissing> beoordeel(Leerling leerling, Schoolkalender kalender, Regelinstellingen instellingen,
                                             List<Registratie> registratiesInVolgorde, LocalDate peildatum,
                                             List<Beslissing> eerdere) {
        Verzuimdagen dagen = Verzuimdagen.van(registratiesInVolgorde, kalender, peildatum);
        List<Beslissing> beslissingen = new ArrayList<>();
        if (dagen.isLeeg()) {
            return beslissingen;
        }
        if (leerling.geboortedatum() != null) {
            Leeftijdstoets leeftijd = new Leeftijdstoets(leerling, kalender, instellingen);
            Verzuimdagen leerplichtig = dagen.vanaf(leeftijd.leerplichtigVanaf());
            List<LocalDate> eerdere16 = eerdere.stream()
                    .filter(b -> b.soort() == Verzuimsoort.RELATIEF_16_UUR && b.einddatum() != null)
                    .map(Beslissing::einddatum).toList();
            beslissingen.addAll(ZestienUurRegel.beoordeel(leerplichtig, kalender, leeftijd, eerdere16));
            beslissingen.addAll(LangdurigVerzuimRegel.beoordeel(leerplichtig, kalender, leeftijd));
            beslissingen.addAll(LuxeVerzuimRegel.beoordeel(leerplichtig, kalender, leeftijd));
        }
        beslissingen.addAll(ZiekteSignalen.beoordeel(dagen, kalender));
        beslissingen.addAll(OtCategorieRegel.beoordeel(dagen, kalender, peildatum));
        beslissingen.sort(Comparator.comparing(Beslissing::beslotenOp)
                .thenComparing(b -> b.soort().kanaal())
                .thenComparing(b -> b.soort().name()));
        return beslissingen;
    }
}
