package dev.steward.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The register. */
interface Risks extends ListCrudRepository<Risk, Long> {

	List<Risk> findByProjectIdOrderByIdDesc(long projectId);

	List<Risk> findByApplicationIdOrderByIdDesc(long applicationId);

	List<Risk> findByApplicationIdAndProjectIdIsNull(long applicationId);

	@Query("select * from risk where project_id is null and application_id is null order by id desc")
	List<Risk> findFirmWide();

	List<Risk> findAllByOrderByIdDesc();

	/**
	 * Open risks whose review is due by a day and not yet asked for: only which, whose and how bad,
	 * all the daily run reads.
	 */
	@Query("""
			select id, owner_id, level from risk where status = 'OPEN' and awaiting_review = false and next_review <= :day
			order by owner_id, id""")
	List<Due> findDue(LocalDate day);

	/** A risk due for review, its owner and its level. */
	record Due(long id, String ownerId, RiskLevel level) {
	}

	/**
	 * Opens a review round on each of these risks still due, still open, not yet asked and still the
	 * owner's, and puts them on one card: {@link Risk#reviewDue} for many risks in one statement,
	 * without rewriting their histories. The version moves, so a change made meanwhile from a loaded
	 * risk fails and is tried again.
	 */
	@Modifying
	@Query("""
			update risk set review_round = review_round + 1, awaiting_review = true, review_due_at = :dueAt,
			  follow_up_stage = 0, follow_up_at = :dueAt, review_card = :card, version = version + 1
			where id in (:ids) and owner_id = :ownerId and status = 'OPEN' and awaiting_review = false
			  and next_review <= :day""")
	int openReviews(Collection<Long> ids, String ownerId, LocalDate day, Instant dueAt, String card);

	/** The history line of each review round just opened on a card, appended after the risk's last. */
	@Modifying
	@Query("""
			insert into risk_entry (risk_id, seq, at, actor_id, action, likelihood, impact, level, strategy, round, comment)
			select r.id, (select coalesce(max(e.seq), -1) + 1 from risk_entry e where e.risk_id = r.id), :at, 'steward',
			  'REVIEW_DUE', r.likelihood, r.impact, r.level, r.strategy, r.review_round, null
			from risk r where r.id in (:ids) and r.review_card = :card and not exists (select 1 from risk_entry e
			  where e.risk_id = r.id and e.action = 'REVIEW_DUE' and e.round = r.review_round)""")
	int recordReviewsDue(Collection<Long> ids, String card, Instant at);

	/** Which of these risks a card carries, as their lines show them. */
	@Query("""
			select id, title, level, likelihood, impact, score, strategy, project_id, application_id, owner_id, next_review,
			  review_round from risk where id in (:ids) and review_card = :card""")
	List<RiskEvents.DueReview> dueOnCard(Collection<Long> ids, String card);

	/** Reviews past a follow-up time, soonest first. */
	@Query("""
			select * from risk where status = 'OPEN' and awaiting_review = true and follow_up_at <= :now
			order by follow_up_at, id""")
	List<Risk> findFollowUpsDueBy(Instant now);

	@Query("select min(follow_up_at) from risk where status = 'OPEN' and awaiting_review = true")
	Optional<Instant> nextFollowUp();

	List<Risk> findByReviewCard(String reviewCard);

	/** How many open risks each likelihood × impact cell holds: one row a cell that has any. */
	@Query("""
			select likelihood, impact, count(*) as risks from risk where status = 'OPEN'
			group by likelihood, impact""")
	List<Cell> countOpenByCell();

	/** {@link #countOpenByCell()} for one project. */
	@Query("""
			select likelihood, impact, count(*) as risks from risk where status = 'OPEN' and project_id = :projectId
			group by likelihood, impact""")
	List<Cell> countOpenByCell(long projectId);

	/** One cell of the matrix and how many open risks it holds. */
	record Cell(int likelihood, int impact, long risks) {
	}

	@Query("select distinct owner_id from risk where status = 'OPEN'")
	List<String> openOwners();

	/** Risks created, changed or closed since a moment, for the weekly digest. */
	@Query("""
			select * from risk where created_at >= :since or closed_at >= :since
			or (status = 'OPEN' and awaiting_review = true and review_due_at < :until)
			or id in (select risk_id from risk_entry where at >= :since and action in ('REASSESSED', 'REVIEWED_REASSESSED'))""")
	List<Risk> findForDigest(Instant since, Instant until);

}
