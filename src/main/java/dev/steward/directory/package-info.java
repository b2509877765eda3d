/**
 * The directory: people, departments, roles, platform identities, language and time zone,
 * seeded from {@code config/directory.yaml}, the same for every door.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package dev.steward.directory;
