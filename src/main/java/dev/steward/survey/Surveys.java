package dev.steward.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The surveys sent. */
interface Surveys extends ListCrudRepository<Survey, Long> {

	/** The project's latest survey. */
	Optional<Survey> findFirstByProjectIdOrderBySentAtDescIdDesc(long projectId);

	/** The project's surveys still taking answers. */
	@Query("select * from survey where project_id = :projectId and closed_at is null order by id")
	List<Survey> findOpenByProjectId(long projectId);

	/** Surveys whose reminder is due. */
	@Query("select id from survey where reminded = false and closed_at is null and remind_at <= :now order by remind_at, id")
	List<Long> findRemindersDue(Instant now);

	/** Surveys whose time is over. */
	@Query("select id from survey where closed_at is null and closes_at <= :now order by closes_at, id")
	List<Long> findClosingDue(Instant now);

	/** The soonest reminder or close to come. */
	@Query("""
			select min(t) from (
			  select min(remind_at) as t from survey where reminded = false and closed_at is null
			  union all
			  select min(closes_at) as t from survey where closed_at is null) soonest""")
	Optional<Instant> findSoonestFollowUp();

}
