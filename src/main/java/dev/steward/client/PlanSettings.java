package dev.steward.client;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The communication plans' settings ({@code steward.client.plans.*}).
 * @param reminderTime the local time, in each owner's zone, owners are reminded of the contacts due
 * that day (on working days)
 */
@ConfigurationProperties("steward.client.plans")
public record PlanSettings(@DefaultValue("09:30") LocalTime reminderTime) {
}
