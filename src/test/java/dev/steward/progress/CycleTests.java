package dev.steward.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.steward.progress.ProgressEvents.CycleAnnounced;
import dev.steward.progress.ProgressEvents.CycleClosed;
import dev.steward.progress.ProgressEvents.DigestForwarded;
import dev.steward.progress.ProgressEvents.MemberExcused;
import dev.steward.progress.ProgressEvents.MembersPrompted;
import dev.steward.progress.ProgressEvents.ReminderDue;
import dev.steward.progress.ProgressEvents.ReportSubmitted;
import dev.steward.progress.ProgressRefused.Reason;

/** The weekly cycle's rules, without a database: each step once, reports until the digest goes on. */
class CycleTests {

	static final Instant NOW = Instant.parse("2026-11-27T07:00:00Z");

	static final List<String> TEAM = List.of("chen.jie", "emma.wilson", "sun.li");

	Cycle cycle;

	@BeforeEach
	void newWeek() throws Exception {
		cycle = Cycle.of(7, Cycle.week(NOW, ZoneId.of("Asia/Shanghai")), NOW.plus(Duration.ofDays(3)));
		var id = Cycle.class.getDeclaredField("id");
		id.setAccessible(true);
		id.set(cycle, 42L);
	}

	@Test
	void theWeekIsTheIsoWeekWhereThePersonLives() {
		var lateSundayInLondon = Instant.parse("2026-01-04T23:30:00Z");
		assertThat(Cycle.week(lateSundayInLondon, ZoneId.of("Europe/London"))).isEqualTo("2026-W01");
		assertThat(Cycle.week(lateSundayInLondon, ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-W02");
	}

	@Test
	void membersArePromptedOnceAWeekInOneEvent() {
		assertThat(cycle.prompt(List.of("chen.jie", "sun.li"), NOW, false)).containsExactly("chen.jie", "sun.li");
		assertThat(cycle.prompt(List.of("chen.jie", "sun.li", "emma.wilson"), NOW, true)).containsExactly("emma.wilson");
		assertThat(cycle.prompt(TEAM, NOW, false)).isEmpty();
		assertThat(cycle.pendingEvents()).hasSize(2).first().isInstanceOfSatisfying(MembersPrompted.class, prompted -> {
			assertThat(prompted.cycleId()).isEqualTo(42);
			assertThat(prompted.personIds()).containsExactly("chen.jie", "sun.li");
			assertThat(prompted.late()).isFalse();
		});
		assertThat(cycle.prompted()).containsExactlyElementsOf(TEAM);
	}

	@Test
	void anExcusedMemberIsNotPromptedAndNotMissing() {
		cycle.excuse("emma.wilson", "zhang.wei", "on leave", NOW);
		assertThat(cycle.prompt(TEAM, NOW, false)).containsExactly("chen.jie", "sun.li");
		assertThat(cycle.excused()).containsExactly("emma.wilson");
		assertThat(cycle.missing(TEAM)).containsExactly("chen.jie", "sun.li");
		assertThat(cycle.pendingEvents()).first().isEqualTo(new MemberExcused(7, 42, "emma.wilson", "zhang.wei"));
	}

	@Test
	void theWeekIsAnnouncedOnce() {
		assertThat(cycle.announce(TEAM, NOW)).isTrue();
		assertThat(cycle.announce(TEAM, NOW.plusSeconds(60))).isFalse();
		assertThat(cycle.announcedAt()).isEqualTo(NOW);
		assertThat(cycle.pendingEvents()).containsExactly(new CycleAnnounced(7, 42, TEAM));
	}

	@Test
	void theReminderGoesOnceToWhoHasNotReported() {
		cycle.submit("sun.li", "Interviews", "Synthesis", "", 40, Rag.GREEN, NOW);
		assertThat(cycle.remind(TEAM, NOW)).isTrue();
		assertThat(cycle.remind(TEAM, NOW)).isFalse();
		assertThat(cycle.pendingEvents()).last().isEqualTo(new ReminderDue(7, 42, List.of("chen.jie", "emma.wilson")));
	}

	@Test
	void noReminderOnceTheWeekIsClosed() {
		cycle.close(NOW);
		assertThat(cycle.remind(TEAM, NOW)).isFalse();
		assertThat(cycle.remindedAt()).isNull();
		assertThat(cycle.pendingEvents()).containsExactly(new CycleClosed(7, 42));
	}

	@Test
	void theWeekClosesOnce() {
		assertThat(cycle.close(NOW)).isTrue();
		assertThat(cycle.close(NOW.plusSeconds(60))).isFalse();
		assertThat(cycle.closedAt()).isEqualTo(NOW);
		assertThat(cycle.pendingEvents()).containsExactly(new CycleClosed(7, 42));
	}

	@Test
	void anEditedReportKeepsWhenItFirstCameIn() {
		var first = cycle.submit("sun.li", "Interviews", "Synthesis", null, 40, Rag.AMBER, NOW);
		assertThat(first.submittedAt()).isEqualTo(first.updatedAt());
		var later = NOW.plusSeconds(3600);
		var edited = cycle.submit("sun.li", "Six interviews", "Synthesis", "Data", 50, Rag.RED, later);
		assertThat(edited.submittedAt()).isEqualTo(NOW);
		assertThat(edited.updatedAt()).isEqualTo(later);
		assertThat(cycle.reports()).containsExactly(edited);
		assertThat(cycle.pendingEvents()).containsExactly(new ReportSubmitted(7, 42, "sun.li", false),
				new ReportSubmitted(7, 42, "sun.li", true));
	}

	@Test
	void theDigestGoesOnOnlyAfterTheDeadlineAndOnlyOnce() {
		assertThatThrownBy(() -> cycle.forward("zhang.wei", null, NOW)).isInstanceOfSatisfying(ProgressRefused.class,
				refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_CLOSED));
		cycle.close(NOW);
		cycle.forward("zhang.wei", "  Data request escalated. ", NOW);
		assertThat(cycle.forwarded()).isTrue();
		assertThat(cycle.pmComment()).isEqualTo("Data request escalated.");
		assertThat(cycle.pendingEvents()).last().isEqualTo(new DigestForwarded(7, 42, "zhang.wei"));
		assertThatThrownBy(() -> cycle.forward("zhang.wei", null, NOW)).isInstanceOfSatisfying(ProgressRefused.class,
				refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_FORWARDED));
	}

	@Test
	void reportsCloseWhenTheDigestHasGoneOn() {
		cycle.close(NOW);
		cycle.forward("zhang.wei", "", NOW);
		assertThat(cycle.pmComment()).isNull();
		assertThatThrownBy(() -> cycle.submit("sun.li", "Late", "Next", null, 10, Rag.GREEN, NOW))
			.isInstanceOfSatisfying(ProgressRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.FORWARDED));
		assertThatThrownBy(() -> cycle.checkAcceptsReportsFor(cycle.week())).isInstanceOf(ProgressRefused.class);
		cycle.checkAcceptsReportsFor("2099-W01");
	}

}
