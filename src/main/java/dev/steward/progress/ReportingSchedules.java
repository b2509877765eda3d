package dev.steward.progress;

import org.springframework.data.repository.ListCrudRepository;

/** Stored reporting schedules, one a project that changed the firm's defaults. */
interface ReportingSchedules extends ListCrudRepository<ReportingSchedule, Long> {

}
