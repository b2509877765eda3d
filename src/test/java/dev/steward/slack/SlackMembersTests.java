package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import dev.steward.conversation.spi.Members;

/**
 * The workspace's members as the directory matches them: users.list page by page by its cursor,
 * never faster than its rate-limit tier, a 429 waited out as its Retry-After says; users.info and
 * users.lookupByEmail with profile e-mails; and a scope missing said as such.
 */
class SlackMembersTests {

	static final FakeSlackApi api = FakeSlackApi.start();

	static final Duration LIST_PACE = Duration.ofMillis(300);

	@BeforeAll
	static void workspace() {
		for (int i = 0; i < 450; i++) {
			api.member(String.format("U1%05d", i), "Member " + i, "member" + i + "@firm.example");
		}
		api.bot("U0HELPERBOT", "Helper Bot");
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	/** One door's members, as in the application: its pacing holds across every call. */
	static SlackMembers members;

	private static synchronized SlackMembers members() {
		if (members == null) {
			members = make();
		}
		return members;
	}

	private static SlackMembers make() {
		var config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(api.apiUrl());
		var methods = Slack.getInstance(config).methods("xoxb-test-token");
		var users = new SlackUsers(methods, Duration.ofHours(1), Clock.systemUTC(), Runnable::run);
		return new SlackMembers(methods, users, LIST_PACE, Duration.ofMillis(100));
	}

	@Test
	void everyMemberIsListedPageByPageWithinTheTierAndA429IsWaitedOut() throws Exception {
		api.expectTier("users.list", LIST_PACE);
		int before = api.calls("users.list").size();
		api.failNext("users.list", 429, 1);

		var all = members().all();

		assertThat(all).hasSize(451);
		assertThat(all).filteredOn(Members.Member::bot).extracting(Members.Member::userId).containsExactly("U0HELPERBOT");
		assertThat(all).filteredOn(m -> m.userId().equals("U100007")).singleElement()
			.satisfies(m -> assertThat(m.email()).isEqualTo("member7@firm.example"));
		var calls = api.calls("users.list").subList(before, api.calls("users.list").size());
		// the 429, then three pages of at most 200
		assertThat(calls).hasSize(4);
		assertThat(calls).allSatisfy(call -> assertThat(call.params().get("limit")).isEqualTo("200"));
		assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).as("Retry-After: 1")
			.isGreaterThanOrEqualTo(Duration.ofMillis(990));
		assertThat(calls.get(2).params()).containsKey("cursor");
		assertThat(api.violations()).isEmpty();
	}

	@Test
	void aMemberIsFoundByUsersInfoAndByTheirEMail() {
		api.expectTier("users.lookupByEmail", Duration.ofMillis(100));
		int lookups = api.calls("users.lookupByEmail").size();
		var members = members();
		assertThat(members.member("U100003")).hasValueSatisfying(m -> {
			assertThat(m.name()).isEqualTo("Member 3");
			assertThat(m.email()).isEqualTo("member3@firm.example");
			assertThat(m.bot()).isFalse();
		});
		assertThat(members.byEmail("MEMBER9@firm.example")).map(Members.Member::userId).contains("U100009");
		assertThat(members.byEmail("nobody@firm.example")).isEmpty();
		assertThat(api.calls("users.lookupByEmail")).hasSize(lookups + 2);
		assertThat(api.violations()).as("users.lookupByEmail within its tier").isEmpty();
	}

	@Test
	void withoutTheScopeTheListIsUnavailableSayingWhichScopeAndEMailsAreNotShown() {
		api.revoke("users:read");
		api.revoke("users:read.email");
		try {
			assertThatThrownBy(() -> members().all()).isInstanceOf(Members.MembersUnavailable.class)
				.hasMessageContaining("missing_scope")
				.hasMessageContaining("users:read")
				.hasMessageContaining("reinstall");
			assertThat(members().member("U100004")).hasValueSatisfying(m -> assertThat(m.email()).isNull());
			assertThat(members().byEmail("member4@firm.example")).isEmpty();
		}
		finally {
			api.grant("users:read");
			api.grant("users:read.email");
		}
	}

}
