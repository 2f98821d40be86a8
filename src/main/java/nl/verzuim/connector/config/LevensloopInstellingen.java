package nl.verzuim.connector.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code connector.levensloop.*}: how often running OT meldingen are kept current from the LAS and reminders are
 * planned, and how the reminders go (README "Lifecycle and mails").
 *
 * @param interval            how often lopende and teruggezette meldingen are compared with the LAS data
 * @param herinneringInterval how often the reminders due today are planned (each goes out once)
 * @param opgaveDagenVooraf   the quarterly reminder goes this many days before 15 Sep, 15 Dec, 15 Mar and 15 Jun
 * @param managementafstemming true (Den Haag): also the 8-week escalation reminder; false (Leidschendam-Voorburg,
 *                            Rijswijk): 4, 11 and 13 weeks only
 * @param inhaalDagen         a reminder missed (connector down) is still sent up to this many days late
 */
@ConfigurationProperties(prefix = "connector.levensloop")
public record LevensloopInstellingen(@DefaultValue("10m") Duration interval,
                                     @DefaultValue("1h") Duration herinneringInterval,
                                     @DefaultValue("14") int opgaveDagenVooraf,
                                     @DefaultValue("true") boolean managementafstemming,
                                     @DefaultValue("14") int inhaalDagen) {
}
