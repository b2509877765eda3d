package dev.steward.client;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The firm's client profiles. */
interface Clients extends ListCrudRepository<Client, Long> {

	Optional<Client> findByNameKey(String nameKey);

	/** Every client's id and name, by name: what anyone may read. */
	@Query("select id, name from client order by name_key")
	List<ClientName> findAllNames();

	@Query("select name from client where id = :id")
	Optional<String> findNameById(long id);

}
