package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replays the days up to a peildatum and returns the decisions the connector, running daily, would have made
 * (domain §3 "Exact reading"): each on the day its rule first held ({@link Beslissing#beslotenOp()}), with the
 * einddatum of a running LRV, RMC or luxe melding followed up to the peildatum. The running connector calls this on
 * each new export; the {@code beoordeel} command calls it once per pupil.
 *
 * <p>LRV and RMC are judged before the 16 hours, as DUO's keuzehulp asks (domain §3, "The keuzehulp's order"): no
 * 16-uur melding on a day an LRV/RMC melding holds, and none counting the days such a melding covers. The
 * registrations given are those held (see {@link Registratiestand} for what a series of files leaves held).
 *
 * <p>Illness never makes a DUO melding; {@code OVERIG} is never decided here (a person files it). Without a
 * geboortedatum no DUO rule can be applied (leerplicht and age are unknown); OT and the ZAS signals still are, and so
 * are the school's own signal rules ({@link Regelinstellingen#signalen()}, {@link Schoolsignalen}) — a school without
 * them gets exactly the decisions it got before they existed.
 * One {@link Schoolkalender} per school may serve all its pupils: it keeps the calendar it worked out.
 */
public final class Beoordelaar {

    private static final Comparator<Beslissing> VOLGORDE = Comparator.comparing(Beslissing::beslotenOp)
            .thenComparing(b -> b.soort().kanaal())
            .thenComparing(b -> b.soort().name())
            .thenComparing(Beslissing::begindatum);

    private Beoordelaar() {
    }

    /**
     * @param registratiesInVolgorde the pupil's registrations in the order they arrived (a later one with the same
     *                               key replaces the earlier)
     * @param eerdere                decisions made and kept earlier; an earlier 16-uur melding blocks a new one in
     *                               its 4 lesweken, and a school signal rule gives way to the DUO meldingen among them
     *                               as to those of this replay ({@code wijkt_voor}). Other decisions are returned
     *                               again with their current einddatum; the caller recognises them by soort and
     *                               begindatum (a school signal: the rule's name and the day its step was reached).
     * @return the decisions in the order they were made (beslotenOp, then kanaal, soort and begindatum)
     */
    public static List<Beslissing> beoordeel(Leerling leerling, Schoolkalender kalender, Regelinstellingen instellingen,
                                             List<Registratie> registratiesInVolgorde, LocalDate peildatum,
                                             List<Beslissing> eerdere) {
        Verzuimdagen dagen = Verzuimdagen.van(registratiesInVolgorde, kalender, peildatum);
        List<Beslissing> beslissingen = new ArrayList<>(2);
        if (dagen.isLeeg()) {
            return beslissingen;
        }
        if (leerling.geboortedatum() != null) {
            Leeftijdstoets leeftijd = new Leeftijdstoets(leerling, kalender, instellingen);
            int vanaf = dagen.vanaf(leeftijd.leerplichtigVanaf());
            List<LocalDate> eerdere16 = new ArrayList<>();
            for (Beslissing b : eerdere) {
                if (b.soort() == Verzuimsoort.RELATIEF_16_UUR && b.einddatum() != null) {
                    eerdere16.add(b.einddatum());
                }
            }
            // LRV/RMC first: the keuzehulp asks about 28 days before it asks about 16 hours (domain §3).
            List<LangdurigVerzuimRegel.Reeks> langdurig = LangdurigVerzuimRegel.beoordeel(dagen, vanaf, leeftijd);
            for (LangdurigVerzuimRegel.Reeks reeks : langdurig) {
                beslissingen.add(reeks.beslissing());
            }
            beslissingen.addAll(ZestienUurRegel.beoordeel(dagen, vanaf, leeftijd, eerdere16, langdurig));
            beslissingen.addAll(LuxeVerzuimRegel.beoordeel(dagen, vanaf, leeftijd));
        }
        if (!instellingen.signalen().isEmpty()) {
            // The school's own signals may give way to the DUO meldingen of this replay and to those kept earlier.
            List<Beslissing> voorrang = new ArrayList<>(beslissingen);
            voorrang.addAll(eerdere);
            beslissingen.addAll(Schoolsignalen.beoordeel(dagen, instellingen.signalen(), voorrang));
        }
        beslissingen.addAll(ZiekteSignalen.beoordeel(dagen));
        beslissingen.addAll(OtCategorieRegel.beoordeel(dagen, peildatum));
        beslissingen.sort(VOLGORDE);
        return beslissingen;
    }
}
