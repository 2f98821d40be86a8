package nl.verzuim.connector.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.melding.Melding;
import nl.verzuim.connector.melding.MeldingStatus;
import nl.verzuim.connector.persistence.Schoolbereik;
import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.rules.Signaalregel;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;

/**
 * The open signals on the page's attention block and in {@code GET /api/signalen}: per school, the school's own
 * signals ({@code signalen:}) and the national ZAS signals that nobody marked "besproken" yet, newest first. Pupils
 * by their LAS key only, as everywhere on the page.
 */
@Component
public class Signalenblok {

    /** The newest this many open signals are listed per school; the count says how many there are in all. */
    static final int MAX_PER_SCHOOL = 200;

    private final Beheeroverzicht overzicht;
    private final Scholen scholen;
    private final JdbcClient jdbc;
    private final Weergave weergave;

    public Signalenblok(Beheeroverzicht overzicht, Scholen scholen, JdbcClient jdbc, Weergave weergave) {
        this.overzicht = overzicht;
        this.scholen = scholen;
        this.jdbc = jdbc;
        this.weergave = weergave;
    }

    @Schema(description = "De open signalen van een school: eigen signalen (signalen:) en ZAS, nog niet besproken")
    public record Schoolsignalen(String school, String naam,
                                 @Schema(description = "alle open signalen van de school") long aantal,
                                 @Schema(description = "open signalen per soort (de naam van de regel, of ZAS_…)")
                                 Map<String, Long> perSoort,
                                 @Schema(description = "de nieuwste " + MAX_PER_SCHOOL) List<Signaalrij> signalen) {
    }

    @Schema(description = "Een open signaal")
    public record Signaalrij(long id, String leerlingId, String soort,
                             @Schema(description = "de titel van de regel, of de soort in woorden") String titel,
                             LocalDate datum, LocalDate beslotenOp) {
    }

    /** The schools within {@code bereik} that have open signals; none: an empty list (the block is not shown). */
    public List<Schoolsignalen> open(Schoolbereik bereik, LocalDate vandaag) {
        Map<String, Map<String, Long>> tellingen = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>();
        params.add(Kanaal.SIGNAAL.name());
        params.add(MeldingStatus.GESIGNALEERD.name());
        params.addAll(bereik.parameters());
        jdbc.sql("select brin, vestiging, soort, count(*) as aantal from melding where kanaal = ? and status = ? and "
                        + bereik.sql("brin", "vestiging") + " group by brin, vestiging, soort order by brin, vestiging, soort")
                .params(params)
                .query(rs -> {
                    tellingen.computeIfAbsent(rs.getString("brin") + rs.getString("vestiging"), c -> new LinkedHashMap<>())
                            .put(rs.getString("soort"), rs.getLong("aantal"));
                });
        List<Schoolsignalen> blokken = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> school : tellingen.entrySet()) {
            String code = school.getKey();
            School s = scholen.vind(code).orElse(null);
            List<Signaalrij> rijen = new ArrayList<>();
            for (Melding m : overzicht.zoek(new Beheeroverzicht.Zoekvraag(code.substring(0, 4), code.substring(4),
                    Kanaal.SIGNAAL, MeldingStatus.GESIGNALEERD, false, false, vandaag, MAX_PER_SCHOOL, bereik))) {
                rijen.add(new Signaalrij(m.id(), m.leerlingId(), m.soort(), titel(s, m.soort()), m.begindatum(),
                        m.beslotenOp()));
            }
            long aantal = school.getValue().values().stream().mapToLong(Long::longValue).sum();
            blokken.add(new Schoolsignalen(code, s == null ? "(niet meer in de schoolconfiguratie)" : s.naam(), aantal,
                    school.getValue(), rijen));
        }
        return blokken;
    }

    /** The title the school gave its rule, else the soort in words (ZAS), else the name itself. */
    String titel(School school, String soort) {
        if (school != null) {
            for (Signaalregel regel : school.signalen()) {
                if (regel.naam().equals(soort) && regel.titel() != null) {
                    return regel.titel();
                }
            }
        }
        return weergave.soort(soort);
    }
}
