package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which alerts to IT hold on a peildatum: the things that, left unseen, let a legal deadline pass (src/docs/operating.md,
 * "Alerts to IT"). Plain Java on figures the caller gathers; it names schools by BRIN+vestiging and counts, never a
 * pupil.
 */
public final class Waarschuwingsregel {

    /** A DUO client certificate is announced this many days before it expires. */
    public static final int CERTIFICAAT_DAGEN = 30;
    /** A school's calendar must know its vakanties at least this far ahead. */
    public static final int KALENDER_WEKEN = 4;

    private Waarschuwingsregel() {
    }

    public enum Oorzaak {
        GEEN_EXPORT, DOODLOPERS, QUARANTAINE, DUO_TERMIJN, CERTIFICAAT, KALENDER
    }

    /**
     * @param code               BRIN+vestiging
     * @param kalender           the school's calendar
     * @param laatsteExport      the day the last registraties export for the school was read; null: never
     */
    public record SchoolStand(String code, Schoolkalender kalender, LocalDate laatsteExport) {
    }

    /**
     * @param exportSchooldagen  how many school days without a registraties export make an alert (setting, default 2)
     * @param doodlopers         dead letters (deliveries given up) now
     * @param inQuarantaine      files in quarantine now
     * @param duoTermijnen       the uiterste melddatum of each DUO melding not yet at DUO
     * @param certificaatTot     the last day the DUO client certificate is valid; null: none configured
     */
    public record Stand(LocalDate peildatum, int exportSchooldagen, List<SchoolStand> scholen, long doodlopers,
                        long inQuarantaine, List<LocalDate> duoTermijnen, LocalDate certificaatTot) {
    }

    /**
     * One alert. {@code onderwerp} is the school's code where the cause is a school's, else empty; with the cause and
     * the day it keys the alert: one mail per cause (and school) per day.
     */
    public record Waarschuwing(Oorzaak oorzaak, String onderwerp, String tekst) {
        public String sleutel(LocalDate peildatum) {
            return "waarschuwing:" + oorzaak + ":" + onderwerp + ":" + peildatum;
        }
    }

    public static List<Waarschuwing> watGeldt(Stand stand) {
        LocalDate dag = stand.peildatum();
        List<Waarschuwing> uit = new ArrayList<>();
        for (SchoolStand school : stand.scholen()) {
            int gemist = schooldagenZonderExport(school, dag);
            if (school.laatsteExport() == null) {
                uit.add(new Waarschuwing(Oorzaak.GEEN_EXPORT, school.code(), "School " + school.code()
                        + ": nog nooit een registratie-export (CSV) ontvangen. Controleer de export in het LAS."));
            } else if (gemist >= stand.exportSchooldagen()) {
                uit.add(new Waarschuwing(Oorzaak.GEEN_EXPORT, school.code(), "School " + school.code() + ": " + gemist
                        + " schooldagen geen registratie-export (CSV) ontvangen; de laatste was van "
                        + school.laatsteExport() + ". Zonder export worden geen meldingen gedaan en kan de wettelijke"
                        + " termijn verlopen. Controleer de export in het LAS."));
            }
        }
        if (stand.doodlopers() > 0) {
            uit.add(new Waarschuwing(Oorzaak.DOODLOPERS, "", stand.doodlopers() + " aflevering(en) opgegeven"
                    + " (dode brieven). Bekijk ze op de beheerpagina en probeer ze opnieuw."));
        }
        if (stand.inQuarantaine() > 0) {
            uit.add(new Waarschuwing(Oorzaak.QUARANTAINE, "", stand.inQuarantaine() + " bestand(en) in quarantaine."
                    + " Lees het .fout.txt-rapport ernaast en lever een verbeterde export aan."));
        }
        long bijnaVerlopen = stand.duoTermijnen().stream()
                .filter(t -> t != null && !t.isBefore(dag) && !t.isAfter(dag.plusDays(1))).count();
        if (bijnaVerlopen > 0) {
            uit.add(new Waarschuwing(Oorzaak.DUO_TERMIJN, "", bijnaVerlopen + " DUO-melding(en) nog niet verzonden"
                    + " terwijl de wettelijke termijn vandaag of morgen verloopt. Keur ze goed of vul de ontbrekende"
                    + " gegevens aan op de beheerpagina."));
        }
        if (stand.certificaatTot() != null && !stand.certificaatTot().isAfter(dag.plusDays(CERTIFICAAT_DAGEN))) {
            long dagen = ChronoUnit.DAYS.between(dag, stand.certificaatTot());
            uit.add(new Waarschuwing(Oorzaak.CERTIFICAAT, "", dagen < 0
                    ? "Het clientcertificaat voor DUO is verlopen op " + stand.certificaatTot() + ". Vervang het nu."
                    : "Het clientcertificaat voor DUO verloopt op " + stand.certificaatTot() + " (over " + dagen
                    + " dagen). Vraag tijdig een nieuw PKIoverheid-certificaat aan."));
        }
        LocalDate horizon = dag.plusWeeks(KALENDER_WEKEN);
        for (SchoolStand school : stand.scholen()) {
            if (!kentVakantieTot(school.kalender(), horizon)) {
                uit.add(new Waarschuwing(Oorzaak.KALENDER, school.code(), "School " + school.code()
                        + ": de schoolkalender kent geen vakantie meer na " + horizon + "; het volgende schooljaar"
                        + " lijkt niet ingevuld. Vul vakanties en vrije dagen in het scholenbestand aan."));
            }
        }
        return uit;
    }

    /**
     * Whether a calendar is filled in up to {@code horizon}: it knows a vakantie ending on or after it (a calendar
     * whose last vakantie lies before it holds only the current school year). Also the {@code controleer} check.
     */
    public static boolean kentVakantieTot(Schoolkalender kalender, LocalDate horizon) {
        return kalender.vakanties().stream().anyMatch(v -> !v.tot().isBefore(horizon));
    }

    /**
     * School days after the last export up to yesterday: today's export may still come (exports are nightly), so
     * today is not counted.
     */
    static int schooldagenZonderExport(SchoolStand school, LocalDate peildatum) {
        if (school.laatsteExport() == null) {
            return Integer.MAX_VALUE;
        }
        int dagen = 0;
        for (LocalDate d = school.laatsteExport().plusDays(1); d.isBefore(peildatum); d = d.plusDays(1)) {
            if (school.kalender().isSchooldag(d)) {
                dagen++;
            }
        }
        return dagen;
    }
}
