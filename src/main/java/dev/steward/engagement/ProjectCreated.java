package dev.steward.engagement;

/** A project now exists, created by the final approval of its application. */
public record ProjectCreated(long projectId, String code, long applicationId) {
}
