/**
 * The weekly progress cycle (§2.3.2): members are prompted at their local time on working days,
 * report, are reminded once before the deadline; the project manager gets the consolidated
 * digest and sends it on to the department head and management; management gets a weekly
 * portfolio roll-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress")
package dev.steward.progress;
