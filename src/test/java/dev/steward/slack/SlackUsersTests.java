package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/** A person's Slack locale and time zone come from users.info once, then from the cache. */
class SlackUsersTests {

	static final FakeSlackApi api = FakeSlackApi.start();

	@AfterAll
	static void stop() {
		api.close();
	}

	private SlackUsers users() {
		var config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(api.apiUrl());
		var methods = Slack.getInstance(config).methods("xoxb-test-token");
		return new SlackUsers(methods, Duration.ofHours(1), Clock.systemUTC(), Runnable::run);
	}

	@Test
	void localeAndZoneComeFromUsersInfoAndAreCached() {
		api.user("U09ANNA", "zh-CN", "Asia/Shanghai");
		var users = users();
		var profile = users.profile("U09ANNA");
		assertThat(profile.locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
		assertThat(profile.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(users.profile("U09ANNA")).isEqualTo(profile);
		assertThat(users.cachedProfile("U09ANNA")).isEqualTo(profile);
		assertThat(api.calls("users.info", call -> "U09ANNA".equals(call.params().get("user")))).hasSize(1);
	}

	@Test
	void failedLookUpLeavesLocaleAndZoneToTheDirectory() {
		api.failNext("users.info", 500, null);
		var profile = users().profile("U09FAIL");
		assertThat(profile).isEqualTo(SlackUsers.Profile.UNKNOWN);
	}

}
