package nl.verzuim.connector.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Illness never makes a DUO melding (domain §2; seed 003: "Ziekteverzuim is geoorloofd verzuim. U meldt dit
 * niet"), but the national ZAS signals (seed 002: "4e ziektemelding in 12 weken", "7e schooldag aaneengesloten
 * ziek") tell the school when to involve the jeugdarts. A ziekmelding is a run of {@code ZK} on consecutive school
 * days; days that are no school day do not break it. Signals apply at any age.
 */
final class ZiekteSignalen {

    /** Four ziekmeldingen whose first days fall within one period of 84 days (12 weeks). */
    static final int VENSTER_DAGEN = 84;
    static final int AANEENGESLOTEN_DAGEN = 7;

    private ZiekteSignalen() {
    }

    static List<Beslissing> beoordeel(Verzuimdagen dagen) {
        List<Beslissing> beslissingen = new ArrayList<>(0);
        List<int[]> ziekmeldingen = dagen.reeksen(dagen.ziek, 0);
        for (int i = 3; i < ziekmeldingen.size(); i++) {
            int[] deze = ziekmeldingen.get(i);
            LocalDate begin = dagen.datum(deze[0]);
            long dagenNa = dagen.epochDag(deze[0]) - dagen.epochDag(ziekmeldingen.get(i - 3)[0]);
            if (dagenNa <= VENSTER_DAGEN - 1) {
                List<String> starts = new ArrayList<>();
                for (int j = i - 3; j <= i; j++) {
                    starts.add(Uitleg.datum(dagen.datum(ziekmeldingen.get(j)[0])));
                }
                String uitleg = "ZAS-signaal: 4e ziekmelding binnen 12 weken. Vier ziekmeldingen begonnen op "
                        + Uitleg.opsomming(starts) + "; de laatste begon " + dagenNa + " dagen na de eerste (signaal bij ten"
                        + " hoogste " + (VENSTER_DAGEN - 1) + " dagen: vier ziekmeldingen binnen " + VENSTER_DAGEN
                        + " dagen)."
                        + " Ziekte wordt niet aan DUO gemeld; bespreek de leerling met de jeugdarts (ZAS).";
                beslissingen.add(new Beslissing(Signaal.ZAS_4E_ZIEKMELDING_IN_12_WEKEN, begin, null, null, begin,
                        uitleg, dagen.registraties(deze[0], deze[1], code -> code == Afwezigheidscode.ZK)));
            }
        }
        for (int[] ziekmelding : ziekmeldingen) {
            int aantal = ziekmelding[1] - ziekmelding[0] + 1;
            if (aantal >= AANEENGESLOTEN_DAGEN) {
                LocalDate begin = dagen.datum(ziekmelding[0]);
                LocalDate zevende = dagen.datum(ziekmelding[0] + AANEENGESLOTEN_DAGEN - 1);
                String uitleg = "ZAS-signaal: 7e schooldag aaneengesloten ziek op " + Uitleg.datum(zevende)
                        + ". Ziek sinds " + Uitleg.datum(begin) + ", " + aantal + " schooldagen aaneengesloten t/m "
                        + Uitleg.datum(dagen.datum(ziekmelding[1])) + " (weekenden, vakanties en vrije dagen onderbreken"
                        + " de reeks niet). Ziekte wordt niet aan DUO gemeld; bespreek de leerling met de jeugdarts (ZAS).";
                beslissingen.add(new Beslissing(Signaal.ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN, begin, null, null, zevende,
                        uitleg, dagen.registraties(ziekmelding[0], ziekmelding[1],
                        code -> code == Afwezigheidscode.ZK)));
            }
        }
        return beslissingen;
    }
}
