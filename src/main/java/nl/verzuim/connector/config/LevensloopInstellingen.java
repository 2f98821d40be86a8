package nl.verzuim.connector.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code connector.levensloop.*}: how the reminders go (src/docs/lifecycle.md; defaults in application.yml). The timers
 * {@code connector.levensloop.interval} (how often lopende and teruggezette meldingen are compared with the LAS data)
 * and {@code connector.levensloop.herinnering-interval} (how often the reminders due today are planned) are read by
 * the routes {@code levensloop} and {@code herinneringen} as placeholders, so they are not bound here.
 *
 * @param opgaveDagenVooraf   the quarterly reminder goes this many days before 15 Sep, 15 Dec, 15 Mar and 15 Jun
 * @param managementafstemming true (Den Haag): also the 8-week escalation reminder; false (Leidschendam-Voorburg,
 *                            Rijswijk): 4, 11 and 13 weeks only
 * @param inhaalDagen         a reminder missed (connector down) is still sent up to this many days late
 */
@ConfigurationProperties(prefix = "connector.levensloop")
public record LevensloopInstellingen(int opgaveDagenVooraf,
                                     boolean managementafstemming,
                                     int inhaalDagen) {
}
