/**
 * The risk register (policy §6): risks identified by category, assessed by likelihood and impact,
 * answered with a strategy, reviewed on a schedule set by their level, and warned about early.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk register")
package dev.steward.risk;
