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

	/** The contacts a chat account is on, as profiles name it (door and platform user id). */
	@Query("""
			select c.id as client_id, c.name as client_name, k.seq, k.name, k.email
			from client_contact k join client c on c.id = k.client_id
			where k.door = :door and k.chat_id = :chatId
			order by c.name_key, k.seq""")
	List<ContactAccount> findContactsOn(String door, String chatId);

	@Query("select name from client where id = :id")
	Optional<String> findNameById(long id);

}
