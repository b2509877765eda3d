/**
 * The playground door: a local web page that plays a chat platform, so anyone can try Steward in a
 * browser without Slack or Discord. It renders the kernel's neutral messages and forms, so what
 * works here works in every door. On by default when no platform token is set; loopback only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Playground door",
		allowedDependencies = { "conversation :: spi", "conversation :: model", "firm" })
package dev.steward.playground;
