/**
 * The generic approval engine: chains of steps per request type from configuration, decisions
 * with reasons, optimistic locking so two clicks make one decision, and a full audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval")
package dev.steward.approval;
