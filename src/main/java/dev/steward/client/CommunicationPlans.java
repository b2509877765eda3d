package dev.steward.client;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The communication plans. */
interface CommunicationPlans extends ListCrudRepository<CommunicationPlan, Long> {

	List<CommunicationPlan> findByClientIdOrderById(long clientId);

	List<CommunicationPlan> findByProjectIdOrderById(long projectId);

	List<CommunicationPlan> findAllByOrderById();

	/** A client's own plans, not its projects'. */
	@Query("select * from communication_plan where client_id = :clientId and project_id is null order by id")
	List<CommunicationPlan> findClientWide(long clientId);

	/** Active plans with a contact due by a day whose owner has not been reminded of it: which, and whose. */
	@Query("""
			select id, owner_id from communication_plan
			where active = true and next_due <= :day and (reminded_due is null or reminded_due <> next_due)
			order by owner_id, id""")
	List<Due> findDue(LocalDate day);

	/** A plan with a contact due, and its owner. */
	record Due(long id, String ownerId) {
	}

	@Query("select distinct owner_id from communication_plan where active = true")
	List<String> activeOwners();

}
