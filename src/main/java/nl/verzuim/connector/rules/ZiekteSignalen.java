package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Illness never makes a DUO melding, but the national ZAS signals tell the school when to involve the jeugdarts:
 * the 4th ziekmelding within 12 weeks, and the 7th consecutive school day sick. A ziekmelding is a run of
 * {@code ZK} on consecutive school days. Signals apply at any age.
 */
final class ZiekteSignalen {

    /** Four ziekmeldingen whose first days fall within one period of 84 days. */
    static final int VENSTER_DAGEN = 84;
    static final int AANEENGESLOTEN_DAGEN = 7;

    private ZiekteSignalen() {
    }

    static List<Beslissing> beoordeel(Verzuimdagen dagen, Schoolkalender kalender) {
        List<Beslissing> beslissingen = new ArrayList<>();
        List<List<Verzuimdagen.Dag>> ziekmeldingen = dagen.reeksen(kalender, d -> d.ziek > 0);
        for (int i = 3; i < ziekmeldingen.size(); i++) {
            LocalDate begin = ziekmeldingen.get(i).get(0).datum;
            LocalDate drieEerder = ziekmeldingen.get(i - 3).get(0).datum;
            long dagenTussen = ChronoUnit.DAYS.between(drieEerder, begin);
            if (dagenTussen <= VENSTER_DAGEN - 1) {
                String uitleg = "ZAS-signaal: 4e ziekmelding binnen 12 weken. Deze ziekmelding begon op "
                        + Uitleg.datum(begin) + ", " + dagenTussen + " dagen na het begin van de ziekmelding drie eerder ("
                        + Uitleg.datum(drieEerder) + "). Ziekte wordt niet aan DUO gemeld; overweeg de jeugdarts.";
                beslissingen.add(new Beslissing(Signaal.ZAS_4E_ZIEKMELDING_IN_12_WEKEN, begin, null, null, begin,
                        uitleg, registraties(ziekmeldingen.get(i))));
            }
        }
        for (List<Verzuimdagen.Dag> ziekmelding : ziekmeldingen) {
            if (ziekmelding.size() >= AANEENGESLOTEN_DAGEN) {
                LocalDate begin = ziekmelding.get(0).datum;
                LocalDate zevende = ziekmelding.get(AANEENGESLOTEN_DAGEN - 1).datum;
                String uitleg = "ZAS-signaal: 7e schooldag aaneengesloten ziek op " + Uitleg.datum(zevende)
                        + " (ziek sinds " + Uitleg.datum(begin) + ", " + ziekmelding.size()
                        + " schooldagen tot nu). Ziekte wordt niet aan DUO gemeld; overweeg de jeugdarts.";
                beslissingen.add(new Beslissing(Signaal.ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN, begin, null, null, zevende,
                        uitleg, registraties(ziekmelding)));
            }
        }
        return beslissingen;
    }

    private static List<Registratie> registraties(List<Verzuimdagen.Dag> dagen) {
        List<Registratie> registraties = new ArrayList<>();
        for (Verzuimdagen.Dag dag : dagen) {
            dag.registraties.stream().filter(r -> r.code() == Afwezigheidscode.ZK).forEach(registraties::add);
        }
        return registraties;
    }
}
