/**
 * The firm-wide defaults every module and door reads: the language and time zone of people whose
 * directory entry and platform say nothing. The ground beneath the conversation kernel and the
 * domains alike, so a domain (which never imports the kernel) reads the same record as a door.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Firm defaults", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.steward.firm;
