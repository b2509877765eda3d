package dev.steward.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The improvement actions. */
interface ImprovementActions extends ListCrudRepository<ImprovementAction, Long> {

	boolean existsBySurveyId(long surveyId);

	@Query("select id from improvement_action where closed_at is null and next_reminder_at <= :now order by next_reminder_at, id")
	List<Long> findRemindersDue(Instant now);

	@Query("select min(next_reminder_at) from improvement_action where closed_at is null")
	Optional<Instant> findSoonestReminder();

	@Query("select * from improvement_action where closed_at is null order by due_at, id")
	List<ImprovementAction> findOpen();

	@Query("select * from improvement_action where project_id = :projectId order by opened_at desc, id desc")
	List<ImprovementAction> findByProject(long projectId);

}
