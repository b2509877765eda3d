package dev.steward.approval;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** Stored approval requests. */
interface ApprovalRequests extends ListCrudRepository<ApprovalRequest, Long> {

	List<ApprovalRequest> findByStatusOrderBySubmittedAt(ApprovalStatus status);

	List<ApprovalRequest> findByRequesterIdOrderBySubmittedAtDesc(String requesterId);

	@Query("select * from approval_request where type = :type and subject_id = :subjectId order by id desc limit 1")
	Optional<ApprovalRequest> findLatestForSubject(String type, String subjectId);

	/** A request, its row locked until the transaction ends: a decision on it waits. */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<ApprovalRequest> findLockedById(long id);

}
