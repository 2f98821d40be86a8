package nl.verzuim.connector.web.plaatjes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Kanaal;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.rules.Schoolkalender;

/** The pictures as plain Java: what each cell, bar and line says, read from the SVG as XML. */
class PlaatjesTest {

    /** The test school's calendar: 330 minutes a day, Wednesday 210; herfstvakantie and 25 December off. */
    static final Schoolkalender KALENDER = new Schoolkalender(Map.of(DayOfWeek.MONDAY, 330, DayOfWeek.TUESDAY, 330,
            DayOfWeek.WEDNESDAY, 210, DayOfWeek.THURSDAY, 330, DayOfWeek.FRIDAY, 330),
            List.of(new Schoolkalender.Vakantie("herfstvakantie", LocalDate.of(2026, 10, 17), LocalDate.of(2026, 10, 25))),
            Set.of(LocalDate.of(2026, 11, 11)));
    static final LocalDate VANDAAG = LocalDate.of(2026, 11, 20);

    // ---- the melding's calendar

    @Test
    void elkeSchooldagIsEenCelMetCodeEnMinutenInHetPatroonVanDieCode() throws Exception {
        Map<LocalDate, Dagverzuim> verzuim = Dagverzuim.perDag(List.of(
                Registratie.heleDag(d(11, 2), Afwezigheidscode.ONG),
                Registratie.minuten(d(11, 3), 45, Afwezigheidscode.TL),
                Registratie.heleDag(d(11, 4), Afwezigheidscode.ZK),
                Registratie.heleDag(d(11, 5), Afwezigheidscode.VRL),
                Registratie.heleDag(d(11, 6), Afwezigheidscode.UIT)), KALENDER);
        Plaatje p = Meldingkalender.teken("kal", "Kalender", d(11, 2), d(11, 6), KALENDER, verzuim, Set.of(), null);
        Document svg = xml(p);

        Object[][] tabel = {
                // day, class, fill, label
                {d(11, 2), "dag code-ONG", "url(#kal-arcering)", "ONG 330'"},
                {d(11, 3), "dag code-TL", "url(#kal-arcering)", "TL 45'"},
                {d(11, 4), "dag code-ZK", "url(#kal-stippen)", "ZK 210'"},
                {d(11, 5), "dag code-VRL", "url(#kal-ruit)", "VRL 330'"},
                {d(11, 6), "dag", "#fff", null}, // UIT: the pupil was there
        };
        for (Object[] rij : tabel) {
            Element cel = cel(svg, (LocalDate) rij[0]);
            assertThat(cel.getAttribute("class")).as("%s", rij[0]).isEqualTo(rij[1]);
            assertThat(cel.getAttribute("fill")).as("%s", rij[0]).isEqualTo(rij[2]);
            if (rij[3] != null) {
                assertThat(teksten(svg)).contains((String) rij[3]);
            }
        }
        assertThat(p.rijen()).hasSize(5).first().isEqualTo(List.of("02-11-2026", "ma", "schooldag", "ONG", "330", ""));
    }

    @Test
    void getelddeDagenHebbenEenDikkeRandEnEenVinkje() throws Exception {
        Map<LocalDate, Dagverzuim> verzuim = Dagverzuim.perDag(List.of(
                Registratie.heleDag(d(11, 2), Afwezigheidscode.ONG),
                Registratie.heleDag(d(11, 3), Afwezigheidscode.ZK)), KALENDER);
        Document svg = xml(Meldingkalender.teken("kal", "Kalender", d(11, 2), d(11, 6), KALENDER, verzuim,
                Set.of(d(11, 2)), null));
        assertThat(cel(svg, d(11, 2)).getAttribute("class")).contains("geteld");
        assertThat(cel(svg, d(11, 2)).getAttribute("stroke-width")).isEqualTo("3");
        assertThat(cel(svg, d(11, 3)).getAttribute("class")).doesNotContain("geteld");
        assertThat(cel(svg, d(11, 3)).getAttribute("stroke-width")).isEqualTo("0.5");
        assertThat(teksten(svg)).contains("2 nov ✓").contains("3 nov");
    }

    @Test
    void vakantieEnVrijeDagenZijnGrijsEnBenoemd() throws Exception {
        Document svg = xml(Meldingkalender.teken("kal", "Kalender", d(10, 19), d(11, 13), KALENDER, Map.of(),
                Set.of(), null));
        assertThat(cel(svg, d(10, 21)).getAttribute("fill")).isEqualTo("url(#kal-grijs)");
        assertThat(cel(svg, d(10, 21)).getAttribute("class")).contains("geen-les");
        assertThat(cel(svg, d(11, 11)).getAttribute("fill")).isEqualTo("url(#kal-grijs)");
        assertThat(cel(svg, d(11, 12)).getAttribute("fill")).isEqualTo("#fff");
        assertThat(teksten(svg)).contains("vakantie", "vrij");
    }

    @Test
    void deGrensVan16UurIsEenStreeplijnMetDeGeteldeMinutenPerWeek() throws Exception {
        // 3 whole Mondays and Tuesdays ongeoorloofd in 3 weeks: 6 × 330 = 1980 minutes, the 16 hours (960) reached
        // on the third counted day
        List<Registratie> r = List.of(
                Registratie.heleDag(d(11, 2), Afwezigheidscode.ONG), Registratie.heleDag(d(11, 3), Afwezigheidscode.ONG),
                Registratie.heleDag(d(11, 9), Afwezigheidscode.ONG), Registratie.heleDag(d(11, 10), Afwezigheidscode.ONG));
        Map<LocalDate, Dagverzuim> verzuim = Dagverzuim.perDag(r, KALENDER);
        Set<LocalDate> geteld = verzuim.keySet();
        Plaatje met = Meldingkalender.teken("kal", "Kalender", d(11, 2), d(11, 10), KALENDER, verzuim, geteld, 960);
        Document svg = xml(met);
        NodeList lijnen = svg.getElementsByTagName("line");
        assertThat(alle(lijnen).stream().filter(l -> "drempel".equals(l.getAttribute("class")))).hasSize(1)
                .allSatisfy(l -> assertThat(l.getAttribute("stroke-dasharray")).isNotEmpty());
        assertThat(teksten(svg)).contains("grens 16 uur", "11 u", "22 u");
        assertThat(met.samenvatting()).contains("4 dagen geteld, samen 1320 minuten (22 uur)")
                .contains("grens 16 uur (960 minuten) bereikt op 09-11-2026");

        Plaatje zonder = Meldingkalender.teken("kal", "Kalender", d(11, 2), d(11, 10), KALENDER, verzuim, geteld, null);
        assertThat(alle(xml(zonder).getElementsByTagName("line"))).noneMatch(l -> "drempel".equals(l.getAttribute("class")));
        assertThat(zonder.samenvatting()).doesNotContain("grens");
    }

    // ---- the overview

    @Test
    void nieuweMeldingenTellenInDeWeekVanMaandagTotZondagTotEnMetDeWeekVanVandaag() {
        List<LocalDate> weken = Wekengrafiek.weken(VANDAAG);
        assertThat(weken).hasSize(12).startsWith(d(8, 31)).endsWith(d(11, 16));
        Object[][] tabel = {
                // made on, kanaal, counted in the week of (null: not counted)
                {d(11, 16), Kanaal.DUO, d(11, 16)},
                {d(11, 20), Kanaal.OT, d(11, 16)},
                {d(11, 15), Kanaal.DUO, d(11, 9)}, // Sunday: the week before
                {d(8, 31), Kanaal.SIGNAAL, d(8, 31)},
                {d(8, 30), Kanaal.DUO, null}, // before the first week
                {d(11, 21), Kanaal.DUO, null}, // after today (a clock set back)
        };
        for (Object[] rij : tabel) {
            var bakken = Wekengrafiek.tel(VANDAAG, List.of(new Wekengrafiek.Nieuw((LocalDate) rij[0], (Kanaal) rij[1])));
            int totaal = bakken.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum();
            if (rij[2] == null) {
                assertThat(totaal).as("%s", rij[0]).isZero();
            } else {
                assertThat(bakken.get((LocalDate) rij[2]).get((Kanaal) rij[1])).as("%s", rij[0]).isEqualTo(1);
            }
        }
    }

    @Test
    void deWekengrafiekHeeftPerKanaalEenPatroonEnEenGetal() throws Exception {
        Plaatje p = Wekengrafiek.teken("weken", VANDAAG, List.of(new Wekengrafiek.Nieuw(d(11, 17), Kanaal.DUO),
                new Wekengrafiek.Nieuw(d(11, 18), Kanaal.DUO), new Wekengrafiek.Nieuw(d(11, 18), Kanaal.OT)));
        Document svg = xml(p);
        List<Element> staven = alle(svg.getElementsByTagName("rect")).stream()
                .filter(r -> r.getAttribute("class").startsWith("staaf")).toList();
        assertThat(staven).extracting(r -> r.getAttribute("class") + " " + r.getAttribute("fill"))
                .containsExactly("staaf DUO #333", "staaf OT url(#weken-arcering)");
        assertThat(p.samenvatting()).contains("2 DUO, 1 OT, 0 signalen");
        assertThat(p.rijen()).hasSize(12).last().isEqualTo(List.of("week 47 (vanaf 16-11-2026)", "2", "1", "0"));
    }

    @Test
    void openOtMeldingenLangerDan13WekenWordenPerSchoolGemarkeerd() throws Exception {
        // 13 weeks before Friday 20 November is Friday 21 August
        Object[][] tabel = {{d(8, 20), true}, {d(8, 21), false}, {d(11, 1), false}, {LocalDate.of(2026, 1, 5), true}};
        for (Object[] rij : tabel) {
            assertThat(Ambitiegrafiek.teLang((LocalDate) rij[0], VANDAAG)).as("%s", rij[0]).isEqualTo(rij[1]);
        }
        Plaatje p = Ambitiegrafiek.teken("ambitie", VANDAAG, List.of(
                new Ambitiegrafiek.Open("De Verrekijker", d(8, 20)), new Ambitiegrafiek.Open("De Verrekijker", d(11, 1)),
                new Ambitiegrafiek.Open("Het Kompas", d(10, 1))));
        Document svg = xml(p);
        List<Element> teLang = alle(svg.getElementsByTagName("rect")).stream()
                .filter(r -> "te-lang".equals(r.getAttribute("class"))).toList();
        assertThat(teLang).hasSize(1);
        assertThat(teLang.get(0).getAttribute("fill")).isEqualTo("url(#ambitie-arcering)");
        assertThat(teksten(svg)).contains("2 — ⚠ 1 langer dan 13 weken", "1");
        assertThat(p.rijen()).containsExactly(List.of("De Verrekijker", "2", "1"), List.of("Het Kompas", "1", "0"));
        assertThat(p.samenvatting()).contains("3 open OT-meldingen, waarvan 1 langer dan 13 weken").contains("niet gehaald");
        assertThat(Ambitiegrafiek.teken("ambitie", VANDAAG, List.of()).samenvatting()).contains("0 open").contains("gehaald.");
    }

    // ---- the pupil's year

    @Test
    void deJaarkaartKleurtNaarAandeelVanDeDagEnZetMeldingenOpEenLijn() throws Exception {
        Object[][] stappen = {{0, 0}, {60, 1}, {110, 1}, {165, 2}, {220, 2}, {221, 3}, {330, 3}};
        for (Object[] rij : stappen) {
            Dagverzuim v = (int) rij[0] == 0 ? null
                    : new Dagverzuim(d(11, 2), Map.of(Afwezigheidscode.ZK, (int) rij[0]));
            assertThat(Jaarkaart.stap(v, 330)).as("%s minuten", rij[0]).isEqualTo(rij[1]);
        }
        Map<LocalDate, Dagverzuim> verzuim = Dagverzuim.perDag(List.of(
                Registratie.heleDag(d(11, 2), Afwezigheidscode.ONG), Registratie.minuten(d(11, 3), 60, Afwezigheidscode.ZK)),
                KALENDER);
        Plaatje p = Jaarkaart.teken("jaar", "Verzuim 2026-2027", d(8, 1), LocalDate.of(2027, 7, 31), KALENDER, verzuim,
                List.of(new Jaarkaart.Gebeurtenis(7, Kanaal.DUO, "16 uur", d(10, 5), d(11, 2)),
                        new Jaarkaart.Gebeurtenis(8, Kanaal.SIGNAAL, "ZAS", d(11, 3), null)));
        Document svg = xml(p);
        assertThat(alle(svg.getElementsByTagName("rect"))).filteredOn(r -> r.getAttribute("class").equals("dag stap-3"))
                .hasSize(1);
        assertThat(alle(svg.getElementsByTagName("rect"))).filteredOn(r -> r.getAttribute("class").equals("ongeoorloofd"))
                .hasSize(1);
        assertThat(alle(svg.getElementsByTagName("rect"))).filteredOn(r -> r.getAttribute("class").equals("dag stap-1"))
                .hasSize(1);
        assertThat(alle(svg.getElementsByTagName("circle")))
                .filteredOn(c -> !c.getParentNode().getNodeName().equals("pattern"))
                .as("the signal, and the legend's").hasSize(2);
        assertThat(teksten(svg)).contains("#7", "#8", "meldingen en signalen");
        assertThat(p.samenvatting()).contains("2 dagen met verzuim")
                .contains("#7 DUO 16 uur vanaf 05-10-2026 tot en met 02-11-2026; #8 SIGNAAL ZAS vanaf 03-11-2026");
        assertThat(p.rijen()).hasSize(12).contains(List.of("november 2026", "20", "2", "330", "60"));
    }

    // ---- what every picture has

    @Test
    void tekstWordtOntsnaptEnKanGeenMarkupWorden() throws Exception {
        String kwaad = "<script>alert('x')</script> & \"Co\"";
        assertThat(Svg.escape(kwaad)).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
        assertThat(Svg.escape("a\u0000b")).isEqualTo("ab");
        Plaatje p = Ambitiegrafiek.teken("ambitie", VANDAAG, List.of(new Ambitiegrafiek.Open(kwaad, d(1, 5))));
        assertThat(p.svg()).doesNotContain("<script").contains("&lt;script&gt;");
        Document svg = xml(p); // still well-formed XML
        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        assertThat(teksten(svg)).anyMatch(t -> t.startsWith("<script>alert('x')"));
        assertThatThrownBy(() -> new Svg("x\" onload=\"kwaad", 10, 10, "t", "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void elkPlaatjeHeeftEenTekstequivalent() throws Exception {
        List<Plaatje> plaatjes = List.of(
                Meldingkalender.teken("kal", "Kalender", d(11, 2), d(11, 6), KALENDER, Map.of(), Set.of(), 960),
                Wekengrafiek.teken("weken", VANDAAG, List.of()),
                Ambitiegrafiek.teken("ambitie", VANDAAG, List.of(new Ambitiegrafiek.Open("School", d(11, 2)))),
                Jaarkaart.teken("jaar", "Jaar", d(8, 1), LocalDate.of(2027, 7, 31), KALENDER, Map.of(), List.of()));
        for (Plaatje p : plaatjes) {
            Element wortel = xml(p).getDocumentElement();
            assertThat(wortel.getAttribute("role")).isEqualTo("img");
            assertThat(wortel.getAttribute("aria-labelledby")).isEqualTo(p.id() + "-titel " + p.id() + "-desc");
            Element titel = (Element) wortel.getElementsByTagName("title").item(0);
            assertThat(titel.getAttribute("id")).isEqualTo(p.id() + "-titel");
            assertThat(titel.getTextContent()).isEqualTo(p.titel());
            Element desc = (Element) wortel.getElementsByTagName("desc").item(0);
            assertThat(desc.getAttribute("id")).isEqualTo(p.id() + "-desc");
            assertThat(desc.getTextContent()).isEqualTo(p.samenvatting()).isNotBlank();
            assertThat(p.kop()).isNotEmpty();
            assertThat(p.rijen()).isNotEmpty().allSatisfy(r -> assertThat(r).hasSameSizeAs(p.kop()));
        }
    }

    // ---- helpers

    private static LocalDate d(int maand, int dag) {
        return LocalDate.of(maand >= 8 ? 2026 : 2027, maand, dag);
    }

    private static Document xml(Plaatje p) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(p.svg().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> alle(NodeList lijst) {
        List<Element> e = new java.util.ArrayList<>();
        for (int i = 0; i < lijst.getLength(); i++) {
            e.add((Element) lijst.item(i));
        }
        return e;
    }

    private static List<String> teksten(Document svg) {
        return alle(svg.getElementsByTagName("text")).stream().map(Element::getTextContent).toList();
    }

    /** The cell of a day: the rect whose tooltip starts with the date. */
    private static Element cel(Document svg, LocalDate dag) {
        String datum = String.format("%02d-%02d-%d", dag.getDayOfMonth(), dag.getMonthValue(), dag.getYear());
        return alle(svg.getElementsByTagName("rect")).stream().filter(r -> r.getAttribute("class").startsWith("dag"))
                .filter(r -> r.getElementsByTagName("title").getLength() == 1
                        && r.getElementsByTagName("title").item(0).getTextContent().startsWith(datum))
                .findFirst().orElseThrow(() -> new AssertionError("geen cel voor " + dag));
    }
}
