package dev.steward.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.LinkWay;
import dev.steward.directory.Links;
import dev.steward.directory.Role;

/**
 * A firm whose directory names no Discord ids (only the admin's) links people on Discord by
 * confirmation, through the fake Discord, the gateway, real JDA and the Discord door: an unknown
 * account runs {@code /steward link EMAIL}, the admins get a card showing the account and the person
 * it names, and only Confirm links it. Claims for nobody's e-mail or for someone linked already get
 * one neutral answer; a non-admin's click and a second click change nothing; Discord roles mapped to
 * directory roles work for the linked person.
 */
@SpringBootTest(properties = "steward.directory=src/test/resources/directory-emails-only.yaml")
@ActiveProfiles("test")
class DiscordOnboardingTests {

	static final FakeDiscord discord = new FakeDiscord();

	static final String ADMIN = "100000000000000009";

	static final String SUN = "300000000000000021";

	static final String CLAIMS_LINA = "300000000000000022";

	static final String LATE = "300000000000000023";

	static final String REFUSED = "I cannot send that claim. Check the e-mail you typed, or ask one of Steward’s admins.";

	@DynamicPropertySource
	static void discord(DynamicPropertyRegistry registry) {
		discord.configure(registry);
		registry.add("steward.discord.roles." + FakeDiscord.ROLES.get("HR"), () -> "hr");
	}

	@Autowired
	DirectoryManagement directory;

	static DiscordChat chat(String userId, String name) {
		return new DiscordChat(discord, userId, name, "general", "en-US");
	}

	@Test
	void anUnknownAccountClaimsAPersonAndOnlyAnAdminsConfirmLinksIt() throws Exception {
		var sun = chat(SUN, "sunny");
		var admin = chat(ADMIN, "alex");

		// unknown: told who to ask and how to link; help lists only what is open to them, never people
		assertThat(DiscordChat.text(sun.command("/steward whoami"))).contains("Alex Admin", "/steward link");
		assertThat(DiscordChat.text(sun.command("/steward help"))).contains("/steward link")
			.doesNotContain("/steward people", "Sun Li", "Li Na");

		// nobody's e-mail: a neutral refusal, nothing recorded
		assertThat(DiscordChat.text(sun.command("/steward link nobody@firm.example"))).isEqualToIgnoringWhitespace(REFUSED);

		assertThat(DiscordChat.text(sun.command("/steward link Sun.Li@firm.example")))
			.contains("your claim went to Steward’s admins (Alex Admin)");
		assertThat(directory.byIdentity("discord", SUN)).as("nothing linked before Confirm").isEmpty();
		var card = admin.awaitDirect("Link claim");
		assertThat(DiscordChat.text(card)).contains("Discord account", SUN, "Sun Li", "sun.li", "sun.li@firm.example");

		// someone else claims Li Na: a non-admin's click on that card, and a guest's, do nothing
		var claimsLina = chat(CLAIMS_LINA, "notlina");
		assertThat(DiscordChat.text(claimsLina.command("/steward link li.na@firm.example"))).contains("Alex Admin");
		var linaCard = admin.awaitDirect("li.na@firm.example");
		assertThat(DiscordChat.text(claimsLina.click(linaCard, "Confirm"))).contains("I don’t know you yet");

		// Confirm clicked twice at once: one link, and the other click is told who decided
		CompletableFuture<FakeDiscord.Answer> first = admin.sendClick(card, "Confirm");
		CompletableFuture<FakeDiscord.Answer> second = admin.sendClick(card, "Confirm");
		var answers = java.util.List.of(DiscordChat.text(first.get(30, java.util.concurrent.TimeUnit.SECONDS)),
				DiscordChat.text(second.get(30, java.util.concurrent.TimeUnit.SECONDS)));
		assertThat(answers).anySatisfy(text -> assertThat(text).contains("Linked Sun Li’s Discord account"));
		assertThat(answers).anySatisfy(text -> assertThat(text).contains("decided already by Alex Admin"));
		assertThat(directory.links()).filteredOn(link -> link.personId().equals("sun.li"))
			.extracting(Links.Link::door, Links.Link::userId, Links.Link::how, Links.Link::linkedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("discord", SUN, LinkWay.CONFIRMED, "admin"));
		var decided = org.awaitility.Awaitility.await().atMost(DiscordChat.PATIENCE)
			.until(() -> admin.lastDirect("Sun Li"), message -> !DiscordChat.hasButtons(message));
		assertThat(decided.getString("id")).as("the card rewritten in place").isEqualTo(card.getString("id"));
		assertThat(DiscordChat.text(decided)).contains("Confirmed by Alex Admin");
		assertThat(DiscordChat.text(sun.awaitDirect("Welcome, Sun Li"))).contains("now linked");

		// linked: they act as themselves, and their Discord roles mapped to directory roles count
		assertThat(DiscordChat.text(sun.withRoles(FakeDiscord.ROLES.get("HR")).command("/steward whoami")))
			.contains("Sun Li", "HR");
		assertThat(directory.holds("sun.li", Role.HR)).isTrue();

		// a claim for someone linked already reads exactly like one for nobody
		assertThat(DiscordChat.text(chat(LATE, "late").command("/steward link sun.li@firm.example"))).isEqualToIgnoringWhitespace(REFUSED);

		// a linked non-admin clicking the other claim's card is refused; the admin's Reject links nobody
		assertThat(DiscordChat.text(sun.click(linaCard, "Confirm"))).contains("Only Steward’s admins may do that");
		assertThat(DiscordChat.text(admin.click(linaCard, "Reject"))).contains("Rejected the claim to be Li Na");
		assertThat(DiscordChat.text(claimsLina.awaitDirect("not confirmed"))).contains("ask one of Steward’s admins");
		assertThat(directory.identity("li.na", "discord")).isEmpty();
		assertThat(directory.byIdentity("discord", CLAIMS_LINA)).isEmpty();

		// admins see it: linked by whom, and who is not linked yet
		assertThat(DiscordChat.text(admin.command("/steward people"))).contains("Discord", "Sun Li (confirmed by Alex Admin)",
				"Not linked:", "Li Na");
	}

}
