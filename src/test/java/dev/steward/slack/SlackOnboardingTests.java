package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.steward.approval.ApprovalManagement;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.DirectoryYaml;
import dev.steward.directory.LinkWay;
import dev.steward.directory.Links;
import dev.steward.engagement.EngagementManagement;
import dev.steward.support.CrossDoorScenario;

/**
 * A firm whose directory has e-mails and no Slack ids runs the whole application through the Slack
 * door: members are matched by {@code users.list} at start, someone not matched yet by their profile
 * e-mail ({@code users.info}) when they first act, a new hire by {@code users.lookupByEmail} when
 * Steward first writes to them; then the application → approval flow runs as with ids. Guests, bots
 * and profiles without e-mail are told who to ask and linked to nobody; admins see who is linked,
 * get the members the directory lacks as a file to paste, and undo a link.
 */
@SlackTest
@TestPropertySource(properties = { "steward.directory=src/test/resources/directory-emails-only.yaml",
		"steward.slack.list-pace=200ms", "steward.slack.lookup-pace=100ms" })
class SlackOnboardingTests {

	static final FakeSlackApi api = FakeSlackApi.SHARED;

	/** Who acts as whom in the scenario: their Slack ids, which the directory file never names. */
	static final Map<String, String> IDS = Map.of("zhang.wei", "U07ZHANG", "li.na", "U07LINA", "wang.fang",
			"U07WANG");

	static {
		// in the workspace when Steward starts: matched by users.list
		api.member("U07LINA", "Li Na", "Li.Na@firm.example");
		// the admin's e-mail on another account than the directory file names: the file wins
		api.member("U07ALEX", "Alex A.", "admin@firm.example");
		api.member("U07NORA", "Nora Newcomer", "nora@firm.example");
		api.bot("U07HELPER", "Helper Bot");
	}

	@LocalServerPort
	int port;

	@Autowired
	DirectoryManagement directory;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	dev.steward.scheduling.Scheduling scheduling;

	SlackWorkspace slack;

	@BeforeEach
	void workspace() {
		slack = new SlackWorkspace(port);
		await().atMost(Duration.ofSeconds(30)).until(() -> directory.identity("li.na", "slack").isPresent());
	}

	@Test
	void aDirectoryWithEMailsOnlyRunsTheApplicationAndApprovalFlowInSlack() {
		// at start: users.list matched Li Na; the admin's e-mail on another account changed nothing
		assertThat(api.calls("users.list")).isNotEmpty();
		assertThat(directory.identity("li.na", "slack")).contains("U07LINA");
		assertThat(directory.links()).filteredOn(link -> link.personId().equals("li.na"))
			.extracting(Links.Link::how)
			.containsExactly(LinkWay.WORKSPACE);
		assertThat(directory.identity("admin", "slack")).contains("U07ADMIN");
		assertThat(directory.byIdentity("slack", "U07ALEX")).isEmpty();
		// and again daily
		await().atMost(Duration.ofSeconds(15))
			.until(() -> scheduling.nextFire("directory", "member-sync")
				.filter(at -> at.isAfter(java.time.Instant.now().plus(Duration.ofHours(23))))
				.isPresent());

		// joined after the start: Zhang Wei acts first, Wang Fang is first written to
		api.member("U07ZHANG", "Zhang Wei", "zhang.wei@firm.example");
		api.member("U07WANG", "Wang Fang", "wang.fang@firm.example");

		CrossDoorScenario.run(new SlackDoorDriver(slack, IDS), engagements, approvals);

		assertThat(api.calls("users.info", call -> "U07ZHANG".equals(call.params().get("user")))).isNotEmpty();
		assertThat(directory.linkHistory("zhang.wei")).extracting(Links.Change::how, Links.Change::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LinkWay.FIRST_CONTACT, DirectoryManagement.STEWARD));
		assertThat(api.calls("users.lookupByEmail", call -> "wang.fang@firm.example".equals(call.params().get("email"))))
			.hasSize(1);
		assertThat(directory.linkHistory("wang.fang")).extracting(Links.Change::how)
			.containsExactly(LinkWay.EMAIL_LOOKUP);
		assertThat(api.violations()).isEmpty();
	}

	@Test
	void someoneMatchingNobodyIsToldWhoToAskAndAdminsSeeThemAndTheMembersTheDirectoryLacks() {
		api.member("U07GUEST", "Gus Guest", "gus@client.example");
		api.member("U07NOMAIL", "No Mail", null);
		api.bot("U07ROBOT", "Acting Bot");
		var guest = new SlackChat(slack, "U07GUEST", "C01CONSULTING").command("/project list").text();
		assertThat(guest).contains("Nobody in the directory has the e-mail gus@client.example", "Ask Alex Admin");
		assertThat(new SlackChat(slack, "U07NOMAIL", "C01CONSULTING").command("/project list").text())
			.contains("Your profile shows no e-mail address", "Alex Admin");
		assertThat(new SlackChat(slack, "U07ROBOT", "C01CONSULTING").command("/project list").text())
			.contains("Bots are not linked to people");
		assertThat(directory.byIdentity("slack", "U07GUEST")).isEmpty();
		assertThat(directory.byIdentity("slack", "U07NOMAIL")).isEmpty();

		var admin = new SlackChat(slack, "U07ADMIN", "C01CONSULTING");
		var people = admin.command("/steward people").text();
		assertThat(people).contains("Slack", "Acted but matched nobody", "U07GUEST", "nobody has that e-mail", "U07NOMAIL",
				"no e-mail on the profile", "Li Na (by e-mail)", "Alex Admin (directory file)", "Not linked:",
				"Chen Jie");
		assertThat(new SlackChat(slack, "U07LINA", "C01CONSULTING").command("/steward people").text())
			.contains("只有 Steward 管理员");

		int files = api.messages("DU07ADMIN").stream().mapToInt(posted -> posted.files.size()).sum();
		assertThat(admin.command("/steward people unmatched").text()).contains("members with no directory entry");
		var file = await().atMost(Duration.ofSeconds(15))
			.until(() -> api.messages("DU07ADMIN").stream().flatMap(posted -> posted.files.stream())
				.skip(files).findFirst().orElse(null), found -> found != null);
		assertThat(file.name()).isEqualTo("directory-unmatched-slack.yaml");
		var entries = DirectoryYaml.read(new String(file.bytes(), StandardCharsets.UTF_8), file.name());
		assertThat(entries).extracting(DirectoryYaml.Entry::email)
			.contains("nora@firm.example", "gus@client.example")
			.doesNotContain("li.na@firm.example", "admin@firm.example");
		assertThat(entries).filteredOn(entry -> entry.email().equals("nora@firm.example"))
			.extracting(DirectoryYaml.Entry::name)
			.containsExactly("Nora Newcomer");
	}

	@Test
	void anAdminUndoesALinkAndEveryUnlinkIsRecorded() {
		api.member("U07SUN", "Sun Li", "sun.li@firm.example");
		assertThat(new SlackChat(slack, "U07SUN", "C01CONSULTING").command("/steward whoami").text()).contains("Sun Li");
		assertThat(directory.identity("sun.li", "slack")).contains("U07SUN");

		var admin = new SlackChat(slack, "U07ADMIN", "C01CONSULTING");
		assertThat(new SlackChat(slack, "U07LINA", "C01CONSULTING").command("/steward unlink sun.li").text())
			.contains("只有 Steward 管理员");
		assertThat(admin.command("/steward unlink <@U07SUN|sun>").text()).contains("Unlinked Sun Li", "U07SUN");
		assertThat(directory.identity("sun.li", "slack")).isEmpty();
		assertThat(admin.command("/steward unlink sun.li").text()).contains("Nobody linked an account to sun.li");
		assertThat(admin.command("/steward unlink nobody.here").text()).contains("There is nobody “nobody.here”");
		assertThat(directory.linkHistory("sun.li")).extracting(Links.Change::linked, Links.Change::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(true, DirectoryManagement.STEWARD),
					org.assertj.core.groups.Tuple.tuple(false, "admin"));
	}

	@Test
	void aFirstContactSlowerThanTheAcknowledgementIsAnsweredThroughTheResponseUrl() {
		api.member("U07DAVID", "David Miller", "david.miller@firm.example");
		var responseUrl = api.responseUrl();
		api.hold("users.info");
		try {
			long started = System.nanoTime();
			var ack = slack.slash("U07DAVID", "C01CONSULTING", "/steward", "whoami", responseUrl,
					java.util.UUID.randomUUID().toString());
			// Slack heard back in time, with nothing to show yet: users.info still waits
			assertThat(ack.statusCode()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SlackChat.ACK);
			assertThat(ack.body()).doesNotContain("blocks");
		}
		finally {
			api.release("users.info");
		}
		var answer = await().atMost(Duration.ofSeconds(15))
			.until(() -> api.calls("response", call -> responseUrl.equals(call.params().get("url"))),
					calls -> !calls.isEmpty())
			.get(0);
		assertThat(answer.json().toString()).contains("David Miller");
		assertThat(directory.identity("david.miller", "slack")).contains("U07DAVID");
	}

}
