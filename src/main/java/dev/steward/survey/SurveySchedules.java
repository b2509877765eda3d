package dev.steward.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Every project's survey schedule. */
interface SurveySchedules extends ListCrudRepository<SurveySchedule, Long> {

	/** A project whose survey is due, how often it is surveyed, and when it is due. */
	record Due(long projectId, String cadence, Instant nextAt) {
	}

	/** Projects whose survey is due by a time, soonest first, a page at a time. */
	@Query("select project_id, cadence, next_at from survey_schedule where next_at <= :by order by next_at, project_id limit :limit")
	List<Due> findDue(Instant by, int limit);

	@Query("select min(next_at) from survey_schedule")
	Optional<Instant> findSoonest();

}
