/**
 * Scheduling: Quartz with its JDBC job store in the application's database, the firm's working
 * calendars, and weekly schedules in a project's or person's time zone. It imports no feature
 * module; features own their jobs and call this module's API to (re)schedule them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling",
		allowedDependencies = { "firm", "conversation", "conversation :: model" })
package dev.steward.scheduling;
