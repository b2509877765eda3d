package dev.steward.client;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The client feedback the firm received. */
interface FeedbackItems extends ListCrudRepository<Feedback, Long> {

	List<Feedback> findByProjectIdOrderByIdDesc(long projectId);

	List<Feedback> findByProjectIdInOrderByIdDesc(java.util.Collection<Long> projectIds);

	/** Items recorded in a span, for the monthly summary: which client, which category, whether closed. */
	@Query("""
			select client_id, category, status from feedback where created_at >= :from and created_at < :until
			order by client_id, category""")
	List<Received> findReceived(Instant from, Instant until);

	/** One item of a month, as the summary counts it. */
	record Received(Long clientId, String category, Feedback.Status status) {
	}

}
