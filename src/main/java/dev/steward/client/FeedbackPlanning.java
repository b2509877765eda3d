package dev.steward.client;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.steward.firm.FirmDefaults;
import dev.steward.scheduling.Scheduling;
import dev.steward.scheduling.Shift;
import dev.steward.scheduling.WorkingCalendars;

/**
 * When client feedback's jobs run: one deadline job an open item (its reminder, then its
 * escalation), and the monthly summary in the firm's zone. The group and names are what Quartz's
 * tables hold; keep them.
 */
@Component
class FeedbackPlanning {

	static final String GROUP = "feedback";

	static final String SUMMARY = "summary";

	private final Scheduling scheduling;

	private final FeedbackSettings settings;

	private final WorkingCalendars calendars;

	private final Clock clock;

	private final ZoneId firmZone;

	FeedbackPlanning(Scheduling scheduling, FeedbackSettings settings, WorkingCalendars calendars, Clock clock,
			FirmDefaults firm) {
		this.scheduling = scheduling;
		this.settings = settings;
		this.calendars = calendars;
		this.clock = clock;
		this.firmZone = firm.zone();
	}

	/** The name of an item's deadline job: {@code deadline-<id>}. */
	static String deadlineJob(long feedbackId) {
		return "deadline-" + feedbackId;
	}

	/** Runs the item's deadline job at a moment (now, if it is past). */
	void planFollowUp(long feedbackId, Instant at) {
		var now = clock.instant();
		scheduling.runAt(GROUP, deadlineJob(feedbackId), at.isAfter(now) ? at : now, FeedbackDeadlineJob.class,
				Map.of(FeedbackDeadlineJob.FEEDBACK, feedbackId));
	}

	void cancel(long feedbackId) {
		scheduling.cancel(GROUP, deadlineJob(feedbackId));
	}

	Optional<Instant> nextFollowUp(long feedbackId) {
		return scheduling.nextFire(GROUP, deadlineJob(feedbackId));
	}

	/** The month's summary day at its time in the firm's zone, on a working day (else the next one). */
	Optional<Instant> summaryIn(YearMonth month) {
		var calendar = calendars.defaultCalendar();
		return calendar.shift(month.atDay(settings.summaryDay()), Shift.NEXT)
			.map(day -> day.atTime(settings.summaryTime()).atZone(firmZone).toInstant());
	}

	/** Schedules the next monthly summary: this month's if still ahead, else next month's. */
	void planSummary() {
		var now = clock.instant();
		var month = YearMonth.from(now.atZone(firmZone));
		for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
			var at = summaryIn(month);
			if (at.isPresent() && at.get().isAfter(now)) {
				scheduling.runAt(GROUP, SUMMARY, at.get(), FeedbackSummaryJob.class, Map.of());
				return;
			}
		}
	}

	/** At start, the summary has its job unless it has one (a new install, a restored database). */
	@EventListener(ApplicationReadyEvent.class)
	void planAtStart() {
		if (scheduling.nextFire(GROUP, SUMMARY).isEmpty()) {
			planSummary();
		}
	}

}
