package dev.steward.progress;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.scheduling.ProjectCalendars;

/** A project's working calendar is the one its reporting schedule names (the firm's default until changed). */
@Component
class ReportingCalendars implements ProjectCalendars {

	private final ProgressManagement progress;

	ReportingCalendars(ProgressManagement progress) {
		this.progress = progress;
	}

	@Override
	public Optional<String> calendarOf(long projectId) {
		return Optional.ofNullable(progress.schedule(projectId).calendarId());
	}

}
