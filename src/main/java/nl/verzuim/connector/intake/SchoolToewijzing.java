package nl.verzuim.connector.intake;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.verzuim.connector.school.School;
import nl.verzuim.connector.school.Scholen;

/**
 * Which school a verzuimregistraties CSV belongs to (a CSV line names the pupil, not the school): a file name that
 * starts with BRIN+vestiging ({@code 12AB00_verzuim.csv}) names it; with one school configured it is that one;
 * otherwise each line goes to the one school where its pupil is known from an OSO dossier or EDEXML export.
 */
public final class SchoolToewijzing {

    /** BRIN + vestiging at the start of a file name, followed by '_' or '-'. */
    private static final Pattern CODE_IN_NAAM = Pattern.compile("^([0-9]{2}[A-Za-z]{2}[0-9]{2})[_-]");

    private SchoolToewijzing() {
    }

    /** The school code a file name starts with ({@code 12AB00_…}), configured or not. */
    public static Optional<String> schoolcodeInNaam(String bestandsnaam) {
        Matcher m = CODE_IN_NAAM.matcher(bestandsnaam);
        return m.find() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    public static Optional<School> vanBestand(Scholen scholen, String bestandsnaam) {
        String hoofdletters = bestandsnaam.toUpperCase(Locale.ROOT);
        for (School school : scholen.scholen()) {
            if (hoofdletters.startsWith(school.code() + "_") || hoofdletters.startsWith(school.code() + "-")) {
                return Optional.of(school);
            }
        }
        return scholen.scholen().size() == 1 ? Optional.of(scholen.scholen().get(0)) : Optional.empty();
    }

    /** The school of a pupil, when exactly one configured school knows the LAS key. */
    public static Optional<School> vanLeerling(Scholen scholen, Collection<String> schoolcodesMetLeerling) {
        return schoolcodesMetLeerling.size() == 1 ? scholen.vind(schoolcodesMetLeerling.iterator().next())
                : Optional.empty();
    }

    /** The reason given when neither rule finds a school for a line. */
    public static String geenSchool(String leerlingId) {
        return "leerling " + leerlingId + " is bij geen (of meer dan één) geconfigureerde school bekend; begin de"
                + " bestandsnaam met BRIN+vestiging (bijv. 12AB00_verzuim.csv) of lever eerst het OSO-dossier of de"
                + " EDEXML-export";
    }
}
