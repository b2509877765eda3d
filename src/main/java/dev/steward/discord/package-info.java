/**
 * The Discord door: the same commands, forms and buttons in a Discord server, through JDA over the
 * gateway. Slash commands with subcommands and typed options come from the kernel's command list;
 * forms become modals (page by page, with a Continue button between pages); the outbox delivers to
 * channels and direct messages. On when {@code DISCORD_BOT_TOKEN} is set.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discord door",
		allowedDependencies = { "conversation :: spi", "conversation :: model", "firm" })
package dev.steward.discord;
