/**
 * Sections of a project's weekly digest (§2.3.2) that other modules contribute: the progress
 * module renders the digest and asks every {@link dev.steward.digest.DigestSections} for its
 * section, so a module below progress (clients and their communication plans, §5.2) adds what the
 * project manager should read without progress importing it, and without it importing progress
 * (progress depends on engagement, which depends on client: a section offered by progress itself
 * would close that circle).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Digest sections")
package dev.steward.digest;
