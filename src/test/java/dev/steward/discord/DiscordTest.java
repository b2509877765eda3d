package dev.steward.discord;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with the Discord door on, against one {@link FakeDiscord} shared by every Discord
 * test (one Spring context, one JDA session). Another test drives Discord the same way: a static
 * {@link FakeDiscord}, {@link FakeDiscord#configure} in a {@code @DynamicPropertySource}, and a
 * {@link DiscordChat} per person (their Discord id is in {@code config/directory.yaml}).
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class DiscordTest {

	static final FakeDiscord discord = new FakeDiscord();

	static final String ZHANG_WEI = "100000000000000001";

	static final String EMMA_WILSON = "100000000000000002";

	static final String LI_NA = "100000000000000003";

	static final String CHEN_JIE = "100000000000000004";

	static final String WANG_FANG = "100000000000000005";

	static final String DAVID_MILLER = "100000000000000006";

	static final String SUN_LI = "100000000000000008";

	static final String ADMIN = "100000000000000009";

	@DynamicPropertySource
	static void discord(DynamicPropertyRegistry registry) {
		discord.configure(registry);
		registry.add("steward.discord.roles." + FakeDiscord.ROLES.get("HR"), () -> "hr");
	}

	static DiscordChat chat(String userId, String name, String channel) {
		return new DiscordChat(discord, userId, name, channel, "en-US");
	}

}
