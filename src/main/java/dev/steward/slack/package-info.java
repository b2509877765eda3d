/**
 * The Slack door: Bolt for Java over HTTP ({@code POST /slack/events}) or Socket Mode, turning
 * slash commands, button clicks and modal submissions into the kernel's neutral types, and the
 * kernel's messages and forms into Block Kit. On when {@code SLACK_BOT_TOKEN} is set.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Slack door",
		allowedDependencies = { "conversation :: spi", "conversation :: model", "firm" })
package dev.steward.slack;
