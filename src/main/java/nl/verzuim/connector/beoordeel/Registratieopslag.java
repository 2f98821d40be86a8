package nl.verzuim.connector.beoordeel;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;

/**
 * The registrations of many pupils, held until every file is read (a pupil's lines may be spread over the files),
 * packed as four ints each instead of a {@link Registratie} with its dates and times: a region's school year (some
 * four million registrations) then takes tens of megabytes rather than half a gigabyte. The free-text
 * {@code omschrijving} is not kept: the rules never read it. Order of arrival is kept per pupil, which is what makes
 * a later registration with the same key replace the earlier one.
 */
public final class Registratieopslag {

    private static final int VELDEN = 4;
    private static final Afwezigheidscode[] CODES = Afwezigheidscode.values();

    private final Map<String, Integer> nummers = new HashMap<>();
    private final List<String> sleutels = new ArrayList<>();
    private int[][] gegevens = new int[16][];
    private int[] lengtes = new int[16];
    private long aantal;

    /** Adds one registration of the pupil known by {@code sleutel} (any string that names one pupil). */
    public void voegToe(String sleutel, Registratie registratie) {
        Integer nummer = nummers.get(sleutel);
        if (nummer == null) {
            nummer = sleutels.size();
            nummers.put(sleutel, nummer);
            sleutels.add(sleutel);
            if (nummer == gegevens.length) {
                gegevens = Arrays.copyOf(gegevens, nummer * 2);
                lengtes = Arrays.copyOf(lengtes, nummer * 2);
            }
            gegevens[nummer] = new int[VELDEN * 4];
        }
        int[] rij = gegevens[nummer];
        int lengte = lengtes[nummer];
        if (lengte + VELDEN > rij.length) {
            rij = Arrays.copyOf(rij, rij.length * 2);
            gegevens[nummer] = rij;
        }
        rij[lengte] = Math.toIntExact(registratie.datum().toEpochDay());
        rij[lengte + 1] = registratie.code().ordinal() << 17 | tijd(registratie.begintijd());
        rij[lengte + 2] = tijd(registratie.eindtijd());
        rij[lengte + 3] = registratie.minuten() == null ? -1 : registratie.minuten();
        lengtes[nummer] = lengte + VELDEN;
        aantal++;
    }

    /** The pupils, in the order they were first seen. */
    public List<String> sleutels() {
        return List.copyOf(sleutels);
    }

    public int aantalLeerlingen() {
        return sleutels.size();
    }

    public long aantalRegistraties() {
        return aantal;
    }

    /** The registrations of one pupil in order of arrival, rebuilt as records (without omschrijving). */
    public List<Registratie> registraties(String sleutel) {
        Integer nummer = nummers.get(sleutel);
        if (nummer == null) {
            return List.of();
        }
        int[] rij = gegevens[nummer];
        int lengte = lengtes[nummer];
        List<Registratie> registraties = new ArrayList<>(lengte / VELDEN);
        for (int i = 0; i < lengte; i += VELDEN) {
            registraties.add(new Registratie(LocalDate.ofEpochDay(rij[i]), tijd(rij[i + 1] & 0x1FFFF),
                    tijd(rij[i + 2]), rij[i + 3] < 0 ? null : rij[i + 3], CODES[rij[i + 1] >>> 17], null));
        }
        return registraties;
    }

    /** A time as its second of the day plus one; 0 for none. */
    private static int tijd(LocalTime tijd) {
        return tijd == null ? 0 : tijd.toSecondOfDay() + 1;
    }

    private static LocalTime tijd(int waarde) {
        return waarde == 0 ? null : LocalTime.ofSecondOfDay(waarde - 1L);
    }
}
