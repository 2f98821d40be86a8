package nl.verzuim.connector.rules;

import static nl.verzuim.connector.rules.Afwezigheidscode.ONG;
import static nl.verzuim.connector.rules.Afwezigheidscode.TL;
import static nl.verzuim.connector.rules.Afwezigheidscode.ZK;

import java.util.List;
import java.util.Set;

import nl.verzuim.connector.rules.Signaalregel.Telling;
import nl.verzuim.connector.rules.Signaalregel.Venster;

/**
 * The attendance policy of seed 002 (Ichthus College Dronten, "Aanwezigheidsbeleid") as signal rules, plus the
 * peers' "bijna 16 uur" — the ready example the README shows, in Java ({@link #REGELS}) and in the school file's
 * shape ({@link #YAML}); {@code Beleid002Test} checks that the two say the same. Where the seed is vague, the reading
 * chosen is given with the rule.
 */
public final class Beleid002 {

    /**
     * "Te laat komen — Aantal meldingen: 3 / 6 / 9 keer te laat" ("Elke te laat melding wordt geregistreerd"): every
     * te-laat registration is one keer; per school year (the seed names no period; its steps are a school year's
     * escalation).
     */
    public static final Signaalregel TE_LAAT = Signaalregel.stappen("TE_LAAT", "Te laat komen", Telling.REGISTRATIES,
            Set.of(TL), Venster.schooljaar(), 3, 6, 9);

    /**
     * "Meer dan 9 keer te laat: De minuten worden geteld, bij 50 minuten te laat wordt de LO-melding omgezet naar een
     * SP": from the 10th late arrival of the school year the late minutes add up; every 50 of them is one conversion
     * to spijbelen (50, 100, 150, ...).
     */
    public static final Signaalregel TE_LAAT_MINUTEN = Signaalregel.stappen("TE_LAAT_MINUTEN",
            "Meer dan 9 keer te laat: minuten geteld", Telling.MINUTEN, Set.of(TL), Venster.schooljaar(), 50)
            .metNaDeEerste(9).metDaarnaElke(50);

    /**
     * "Spijbelen — 3 / 6 / 9 keer spijbelen" ("Alle spijbeluren worden geregistreerd"): one keer is a school day with
     * an ONG registration, so that a day a LAS registers per lesuur is not six keer at once; per school year.
     */
    public static final Signaalregel SPIJBELEN = Signaalregel.stappen("SPIJBELEN", "Spijbelen", Telling.DAGEN,
            Set.of(ONG), Venster.schooljaar(), 3, 6, 9);

    /**
     * "Vroege signalering — Ziekte dag 4 (eerste actie bij ziekte) — Ziektedag 6 (verdiepend contact bij langere
     * afwezigheid)": the 4th and 6th consecutive school day of one ziekmelding.
     */
    public static final Signaalregel ZIEKTEDAG = Signaalregel.ziektedagen("ZIEKTEDAG", "Ziektedag 4 en 6", Set.of(ZK),
            4, 6);

    /**
     * "3e ziekmelding in twee maanden": the 3rd ziekmelding that begins within two calendar months, counted on its
     * first day (as the national "4e ziekmelding in 12 weken").
     */
    public static final Signaalregel DERDE_ZIEKMELDING = Signaalregel.stappen("DERDE_ZIEKMELDING_IN_TWEE_MAANDEN",
            "3e ziekmelding in twee maanden", Telling.ZIEKMELDINGEN, Set.of(ZK), Venster.kalendermaanden(2), 3);

    /**
     * "Opvallend ziekteverzuim, zoals veel ziekte op een bepaalde dag": of the pupil's last 4 ziekmeldingen this
     * school year, at least 3 began on the same weekday (the majority of the recent ones; by chance alone about one
     * pupil in seven with four ziekmeldingen would show it — a reason for a talk, not more).
     */
    public static final Signaalregel WEEKDAG = Signaalregel.weekdagpatroon("ZIEK_OP_DEZELFDE_WEEKDAG",
            "Veel ziekte op een bepaalde dag", Set.of(ZK), 3, 4, Venster.schooljaar());

    /**
     * Not in seed 002: peers flag "nearing 16 uur" at 10–15 hours. 600 minutes ongeoorloofd (ONG, TL) in 4 lesweken,
     * counted as the 16 hours count; it gives way to the 16-uur melding itself and to LRV/RMC (the keuzehulp has
     * answered then).
     */
    public static final Signaalregel BIJNA_16_UUR = Signaalregel.stappen("BIJNA_16_UUR",
            "Bijna 16 uur: 10 uur ongeoorloofd in 4 lesweken", Telling.MINUTEN, Set.of(ONG, TL), Venster.lesweken(4), 600)
            .metWijktVoor(Verzuimsoort.RELATIEF_16_UUR, Verzuimsoort.LANGDURIG_RELATIEF, Verzuimsoort.RMC);

    public static final List<Signaalregel> REGELS = List.of(TE_LAAT, TE_LAAT_MINUTEN, SPIJBELEN, ZIEKTEDAG,
            DERDE_ZIEKMELDING, WEEKDAG, BIJNA_16_UUR);

    /** The same rules as the {@code signalen:} key of a school in the schools file ({@code SchoolconfiguratieLezer}). */
    public static final String YAML = """
            signalen:                              # the school's own signals (issue 15); none: today's output
              - naam: TE_LAAT                      # [A-Z][A-Z0-9_]*, at most 40: the soort beoordeel prints (kanaal SIGNAAL)
                titel: Te laat komen               # optional, for the uitleg and the page
                codes: [TL]                        # the meanings counted (not UIT)
                telt: registraties                 # registraties | dagen | minuten | ziekmeldingen | ziektedagen | weekdagpatroon
                stappen: [3, 6, 9]                 # each step reached is its own signal
                venster: schooljaar                # schooljaar (from 1 August) | {lesweken: N} | {kalenderdagen: N} | {kalendermaanden: N}
              - naam: TE_LAAT_MINUTEN
                titel: "Meer dan 9 keer te laat: minuten geteld"
                codes: [TL]
                telt: minuten
                na_de_eerste: 9                    # the first 9 registrations of the window do not count
                stappen: [50]
                daarna_elke: 50                    # and a step every 50 after the last: 100, 150, ...
                venster: schooljaar
              - naam: SPIJBELEN
                titel: Spijbelen
                codes: [ONG]
                telt: dagen                        # a school day with an ONG registration is one keer
                stappen: [3, 6, 9]
                venster: schooljaar
              - naam: ZIEKTEDAG
                titel: Ziektedag 4 en 6
                codes: [ZK]
                telt: ziektedagen                  # school days of one ziekmelding; no venster: the ziekmelding is it
                stappen: [4, 6]
              - naam: DERDE_ZIEKMELDING_IN_TWEE_MAANDEN
                titel: 3e ziekmelding in twee maanden
                codes: [ZK]
                telt: ziekmeldingen                # runs of ZK on consecutive school days, counted on their first day
                stappen: [3]
                venster: {kalendermaanden: 2}
              - naam: ZIEK_OP_DEZELFDE_WEEKDAG
                titel: Veel ziekte op een bepaalde dag
                codes: [ZK]
                telt: weekdagpatroon               # of the last 4 ziekmeldingen in the window, 3 began on one weekday
                laatste: 4
                minstens: 3
                venster: schooljaar
              - naam: BIJNA_16_UUR
                titel: "Bijna 16 uur: 10 uur ongeoorloofd in 4 lesweken"
                codes: [ONG, TL]
                telt: minuten
                stappen: [600]
                venster: {lesweken: 4}
                wijkt_voor: [RELATIEF_16_UUR, LANGDURIG_RELATIEF, RMC]   # no signal while such a melding covers the window
            """;

    private Beleid002() {
    }
}
