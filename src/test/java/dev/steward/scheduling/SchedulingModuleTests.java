package dev.steward.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.conversation.Actor;
import dev.steward.conversation.Block;
import dev.steward.conversation.Button;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatAction;
import dev.steward.conversation.ChatCommand;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.support.TestCallers;

/**
 * The scheduling module with the kernel it speaks through: Quartz runs a job when it is due or at
 * once, the configured working calendars move a date off a holiday, and {@code /steward jobs} lists
 * and runs jobs for admins only, asking the caller's authority and no directory.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class SchedulingModuleTests {

	static final String GROUP = "module-test";

	static final String DOOR = "test";

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** The directory module implements the kernel's directory in the application; here a small one stands in. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Outside {

		@Bean
		TestCallers testCallers() {
			return new TestCallers().person("root", "Rosa Admin", true, DOOR, "root")
				.person("mia", "Mia Member", false, DOOR, "mia");
		}

		@Bean
		Runs runs() {
			return new Runs();
		}

	}

	/** What the test job saw, by job name: the note in its data. */
	static class Runs {

		final Map<String, String> notes = new ConcurrentHashMap<>();

		final Map<String, Integer> counts = new ConcurrentHashMap<>();

	}

	/** A thin job, as a module's own: wired by Spring, it records that it ran and with what. */
	public static class RecordingJob implements Job {

		@Autowired
		Runs runs;

		@Override
		public void execute(JobExecutionContext context) {
			var name = context.getJobDetail().getKey().getName();
			runs.notes.put(name, context.getMergedJobDataMap().getString("note"));
			runs.counts.merge(name, 1, Integer::sum);
		}

	}

	@Autowired
	Scheduling scheduling;

	@Autowired
	org.quartz.Scheduler quartz;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	Runs runs;

	@Autowired
	ChatGateway gateway;

	@Autowired
	Texts texts;

	final ChannelRef channel = ChannelRef.channel(DOOR, "ops");

	static String unique(String name) {
		return name + "-" + System.nanoTime();
	}

	@Test
	void aJobScheduledForAMomentFiresThenWithItsData() {
		var name = unique("soon");
		scheduling.runAt(GROUP, name, Instant.now().plusMillis(300), RecordingJob.class, Map.of("note", "due"));

		await().atMost(Duration.ofSeconds(20)).until(() -> "due".equals(runs.notes.get(name)));
		// Quartz removes a finished one-off trigger just after the job returns
		await().atMost(Duration.ofSeconds(20)).until(() -> scheduling.nextFire(GROUP, name).isEmpty());
	}

	@Test
	void aJobRunNowRunsAtOnceAndKeepsItsScheduleUntilCancelled() {
		var name = unique("later");
		var when = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		scheduling.runAt(GROUP, name, when, RecordingJob.class, Map.of("note", "early"));

		scheduling.runNow(GROUP, name);

		await().atMost(Duration.ofSeconds(20)).until(() -> "early".equals(runs.notes.get(name)));
		assertThat(scheduling.nextFire(GROUP, name)).contains(when);
		assertThat(scheduling.jobs()).contains(new Scheduling.ScheduledJob(GROUP, name, when));
		scheduling.cancel(GROUP, name);
		assertThat(scheduling.nextFire(GROUP, name)).isEmpty();
	}

	@Test
	void aJobKeptAtTheSoonestMomentIsRewrittenOnlyWhenTheMomentMoves() throws Exception {
		var name = unique("soonest");
		var now = Instant.now();
		// a moment as a database gives it back: finer than Quartz's milliseconds
		var soonest = now.plus(Duration.ofDays(2)).plusNanos(123_456);
		scheduling.keepAt(GROUP, name, java.util.Optional.of(soonest), now, RecordingJob.class, Map.of("note", "first"));
		assertThat(scheduling.nextFire(GROUP, name)).contains(soonest.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		// the same moment again: the job is left as it was (its data tells)
		scheduling.keepAt(GROUP, name, java.util.Optional.of(soonest), now, RecordingJob.class, Map.of("note", "second"));
		assertThat(quartz.getJobDetail(org.quartz.JobKey.jobKey(name, GROUP)).getJobDataMap().getString("note"))
			.isEqualTo("first");
		// a moment in the past runs now; none cancels the job
		scheduling.keepAt(GROUP, name, java.util.Optional.of(now.minus(Duration.ofHours(1))), now.plus(Duration.ofDays(1)),
				RecordingJob.class, Map.of("note", "past"));
		assertThat(scheduling.nextFire(GROUP, name))
			.contains(now.plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		scheduling.keepAt(GROUP, name, java.util.Optional.empty(), now, RecordingJob.class, Map.of());
		assertThat(scheduling.nextFire(GROUP, name)).isEmpty();
	}

	@Test
	void knowsTheConfiguredCalendarsAndTheDefault() {
		assertThat(calendars.all()).extracting(WorkingCalendar::id).contains("cn-2026", "gb-eaw-2026");
		assertThat(calendars.defaultCalendar().id()).isEqualTo("cn-2026");
		assertThat(calendars.forId("no-such-calendar").id()).as("an unknown name gets the default").isEqualTo("cn-2026");
	}

	@Test
	void aHolidayShiftsByThePolicyAndAMakeUpSaturdayIsWorked() {
		var china = calendars.get("cn-2026").orElseThrow();
		var nationalDay = LocalDate.of(2026, 10, 1);

		assertThat(china.holiday(nationalDay)).isPresent();
		assertThat(china.shift(nationalDay, Shift.PREVIOUS)).contains(LocalDate.of(2026, 9, 30));
		assertThat(china.shift(nationalDay, Shift.NEXT)).contains(LocalDate.of(2026, 10, 8));
		assertThat(china.shift(nationalDay, Shift.SKIP)).isEmpty();
		assertThat(china.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休 Saturday").isTrue();
		assertThat(calendars.get("gb-eaw-2026").orElseThrow().isWorkingDay(LocalDate.of(2026, 4, 3)))
			.as("Good Friday in England").isFalse();
		assertThat(china.isWorkingDay(LocalDate.of(2026, 4, 3))).as("an ordinary Friday in China").isTrue();
	}

	@Test
	void aWeeklyMeetingOnAHolidayMovesToTheWorkingDayBefore() {
		var thursdays = new WeeklySchedule(DayOfWeek.THURSDAY, LocalTime.of(9, 0), SHANGHAI, Shift.PREVIOUS);

		var next = thursdays.next(ZonedDateTime.of(2026, 9, 25, 12, 0, 0, 0, SHANGHAI).toInstant(),
				calendars.get("cn-2026").orElseThrow());

		assertThat(next).contains(ZonedDateTime.of(2026, 9, 30, 9, 0, 0, 0, SHANGHAI).toInstant());
	}

	@Test
	void anAdminSeesTheScheduledJobsWithRunNowAndTheButtonRunsTheJob() {
		var name = unique("listed");
		scheduling.runAt(GROUP, name, Instant.now().plus(Duration.ofDays(2)), RecordingJob.class,
				Map.of("note", "from the button"));

		var reply = gateway.command(new ChatCommand(new Actor(DOOR, "root"), channel, "steward", "jobs"));

		var listed = (Reply.Ephemeral) reply;
		assertThat(listed.message().blocks()).anySatisfy(block -> assertThat(block)
			.isInstanceOfSatisfying(Block.Text.class, text -> assertThat(text.markdown()).contains(GROUP + " · " + name)));
		var runNow = runNowButton(listed, name);
		assertThat(runNow.label()).isEqualTo(texts.get(Locale.ENGLISH, "steward.jobs.run"));

		var clicked = gateway.action(new ChatAction(new Actor(DOOR, "root"), channel, runNow.action().encode()));

		assertThat(((Reply.Ephemeral) clicked).message().fallback())
			.isEqualTo(texts.get(Locale.ENGLISH, "steward.jobs.started", name));
		await().atMost(Duration.ofSeconds(20)).until(() -> "from the button".equals(runs.notes.get(name)));
		assertThat(scheduling.nextFire(GROUP, name)).as("its schedule stays").isPresent();
	}

	@Test
	void someoneWhoIsNotAnAdminIsRefusedTheListAndTheButton() {
		var name = unique("guarded");
		scheduling.runAt(GROUP, name, Instant.now().plus(Duration.ofDays(2)), RecordingJob.class, Map.of("note", "no"));
		var refused = texts.get(Locale.ENGLISH, "steward.jobs.admins-only");
		var mia = new Actor(DOOR, "mia");

		var list = gateway.command(new ChatCommand(mia, channel, "steward", "jobs"));
		var click = gateway.action(new ChatAction(mia, channel, "job-run:" + GROUP + ":" + name));

		assertThat(((Reply.Ephemeral) list).message().fallback()).isEqualTo(refused);
		assertThat(((Reply.Ephemeral) click).message().fallback()).isEqualTo(refused);
		// the same click from an admin runs it, so the refusal above was the only thing in the way
		gateway.action(new ChatAction(new Actor(DOOR, "root"), channel, "job-run:" + GROUP + ":" + name));
		await().atMost(Duration.ofSeconds(20)).until(() -> runs.counts.containsKey(name));
		assertThat(runs.counts.get(name)).isEqualTo(1);
	}

	private static Button runNowButton(Reply.Ephemeral listed, String name) {
		List<Button> buttons = listed.message()
			.blocks()
			.stream()
			.filter(Block.Actions.class::isInstance)
			.flatMap(block -> ((Block.Actions) block).buttons().stream())
			.filter(button -> button.action().args().equals(List.of(GROUP, name)))
			.toList();
		assertThat(buttons).as("one Run now button for " + name).hasSize(1);
		return buttons.get(0);
	}

}
