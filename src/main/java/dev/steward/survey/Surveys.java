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

	/** The surveys still taking answers of several projects. */
	@Query("select * from survey where project_id in (:projectIds) and closed_at is null order by id")
	List<Survey> findOpenByProjectIdIn(java.util.Collection<Long> projectIds);

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

	/** An answer as the results read it. */
	record AnswerRow(long projectId, String dimensions, String scores, Instant answeredAt) {
	}

	@Query("""
			select s.project_id, s.dimensions, i.scores, i.answered_at
			from survey_invitation i join survey s on s.id = i.survey_id
			where i.scores is not null and i.answered_at >= :from and s.project_id = :projectId""")
	List<AnswerRow> findAnswersOfProject(long projectId, Instant from);

	@Query("""
			select s.project_id, s.dimensions, i.scores, i.answered_at
			from survey_invitation i join survey s on s.id = i.survey_id
			where i.scores is not null and i.answered_at >= :from""")
	List<AnswerRow> findAnswers(Instant from);

}
