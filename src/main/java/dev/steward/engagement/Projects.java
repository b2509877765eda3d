package dev.steward.engagement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** Stored projects. */
interface Projects extends ListCrudRepository<Project, Long> {

	Optional<Project> findByCode(String code);

	Optional<Project> findByApplicationId(Long applicationId);

	List<Project> findAllByOrderByCodeDesc();

	List<Project> findByManagerIdOrderByCodeDesc(String managerId);

	List<Project> findByClientId(long clientId);

	@org.springframework.data.jdbc.repository.query.Query("select code from project where id = :id")
	Optional<String> findCodeById(long id);

}
