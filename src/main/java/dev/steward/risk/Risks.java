package dev.steward.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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

	List<Risk> findByProjectIdInOrderByIdDesc(Collection<Long> projectIds);

	/** Open risks whose review is due by a day and not yet asked for. */
	@Query("""
			select * from risk where status = 'OPEN' and awaiting_review = false and next_review <= :day
			order by owner_id, id""")
	List<Risk> findDueBy(LocalDate day);

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
