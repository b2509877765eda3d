package dev.steward.client;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.steward.client.ClientRefused.Reason;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Role;
import dev.steward.firm.Separately;

/**
 * The client profiles' API (§5.1). Anyone may read a client's name and add a client; a profile's
 * details and contacts are for its circle (§5.1.2): the people of the client's projects, their
 * department heads ({@link ClientCircle}), management and admins. Every look at the details, and
 * every refusal of one, is recorded with who and when, whatever becomes of the transaction.
 */
@Service
public class ClientManagement {

	private final Clients clients;

	private final DirectoryManagement directory;

	private final ObjectProvider<ClientCircle> circles;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Separately separately;

	ClientManagement(Clients clients, DirectoryManagement directory, ObjectProvider<ClientCircle> circles,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, Separately separately) {
		this.clients = clients;
		this.directory = directory;
		this.circles = circles;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.separately = separately;
	}

	/** Adds a client; its name must not be another's, whatever the case. */
	@Transactional
	public Client add(String actorId, ClientDetails details) {
		if (clients.findByNameKey(ClientDetails.key(details.name())).isPresent()) {
			throw new ClientRefused(Reason.DUPLICATE_NAME, details.name());
		}
		return create(details, actorId);
	}

	private Client create(ClientDetails details, String actorId) {
		var client = clients.save(Client.create(details, actorId, clock.instant()));
		events.publishEvent(client.added());
		return client;
	}

	/**
	 * The client of this name (trimmed, whatever its case), made with only its name if there is
	 * none yet: what a free-text client name on an application becomes.
	 */
	@Transactional
	public ClientName named(String name, String actorId) {
		var details = ClientDetails.named(name);
		var client = clients.findByNameKey(ClientDetails.key(details.name())).orElseGet(() -> create(details, actorId));
		return new ClientName(client.id(), client.name());
	}

	/** Changes a profile: for its circle, as reading it is. */
	@Transactional
	public Client edit(String actorId, long clientId, ClientDetails details) {
		var client = clients.findById(clientId).orElseThrow(() -> new ClientRefused(Reason.UNKNOWN_CLIENT, null));
		look(client.id(), actorId);
		var taken = clients.findByNameKey(ClientDetails.key(details.name()));
		if (taken.isPresent() && !taken.get().id().equals(client.id())) {
			throw new ClientRefused(Reason.DUPLICATE_NAME, details.name());
		}
		client.edit(details, actorId);
		return clients.save(client);
	}

	/** A profile's details, for its circle; the look, or its refusal, is recorded. */
	@Transactional(readOnly = true)
	public Client details(String actorId, long clientId) {
		var client = clients.findById(clientId).orElseThrow(() -> new ClientRefused(Reason.UNKNOWN_CLIENT, null));
		look(client.id(), actorId);
		return client;
	}

	/** Whether the person is in the client's circle (nothing recorded: for showing a button or not). */
	public boolean mayReadDetails(long clientId, String personId) {
		return directory.holds(personId, Role.MANAGEMENT) || directory.isAdmin(personId)
				|| circles.orderedStream().anyMatch(circle -> circle.includes(clientId, personId));
	}

	/** Every client by name: what anyone may read. */
	@Transactional(readOnly = true)
	public List<ClientName> list() {
		return clients.findAllNames();
	}

	/** A client's name. */
	@Transactional(readOnly = true)
	public Optional<String> name(long clientId) {
		return clients.findNameById(clientId);
	}

	/** The client of this name, trimmed and whatever its case. */
	@Transactional(readOnly = true)
	public Optional<ClientName> byName(String name) {
		return name == null || name.isBlank() ? Optional.empty()
				: clients.findByNameKey(ClientDetails.key(name)).map(client -> new ClientName(client.id(), client.name()));
	}

	/**
	 * The client contacts a chat account is on (door and platform user id), usually one: how
	 * someone outside the directory is known as a client's contact. Nothing is recorded: this is
	 * the kernel's question of who acts, not a look at a profile.
	 */
	@Transactional(readOnly = true)
	public List<ContactAccount> contactOn(String door, String chatId) {
		return door == null || chatId == null ? List.of() : clients.findContactsOn(door, chatId);
	}

	/**
	 * A client's contacts, for the firm's own jobs that write to them (surveys): no person asks,
	 * so nothing is recorded; never shown to a person through this call.
	 */
	@Transactional(readOnly = true)
	public List<ClientContact> contactsOf(long clientId) {
		// one query, not the profile: a survey round reads the contacts of every client it surveys
		return contactsOf(List.of(clientId)).getOrDefault(clientId, List.of());
	}

	/**
	 * The contacts of several clients at once, by client (a client without any is missing): for a
	 * job's page of many projects. As {@link #contactsOf(long)}, nothing is recorded.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, List<ClientContact>> contactsOf(java.util.Collection<Long> clientIds) {
		var found = new java.util.HashMap<Long, List<ClientContact>>();
		if (clientIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select client_id, name, role, email, door, chat_id from client_contact
				where client_id in (:ids) order by client_id, seq""")
			.param("ids", List.copyOf(clientIds))
			.query(rs -> {
				found.computeIfAbsent(rs.getLong("client_id"), any -> new java.util.ArrayList<>())
					.add(new ClientContact(rs.getString("name"), rs.getString("role"), rs.getString("email"),
							rs.getString("door"), rs.getString("chat_id")));
			});
		return found;
	}

	/** The names of several clients, by id (what anyone may read). */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> names(java.util.Collection<Long> clientIds) {
		var found = new java.util.HashMap<Long, String>();
		if (clientIds.isEmpty()) {
			return found;
		}
		jdbc.sql("select id, name from client where id in (:ids)")
			.param("ids", List.copyOf(clientIds))
			.query(rs -> {
				found.put(rs.getLong("id"), rs.getString("name"));
			});
		return found;
	}

	/** One look at a profile's details: who, when, and whether it was allowed. */
	public record Access(String personId, Instant at, boolean granted) {
	}

	/** Who looked at a profile's details, or was refused, newest first: for management and admins. */
	@Transactional(readOnly = true)
	public List<Access> accessLog(String actorId, long clientId) {
		if (!directory.holds(actorId, Role.MANAGEMENT) && !directory.isAdmin(actorId)) {
			throw new ClientRefused(Reason.NOT_IN_CIRCLE, null);
		}
		return jdbc.sql("select person_id, at, granted from client_access where client_id = :id order by at desc, id desc")
			.param("id", clientId)
			.query((rs, n) -> new Access(rs.getString("person_id"),
					rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), rs.getBoolean("granted")))
			.list();
	}

	/** Records a look at the details, in a transaction of its own, and refuses one from outside the circle. */
	private void look(long clientId, String personId) {
		boolean granted = mayReadDetails(clientId, personId);
		separately.run(() -> jdbc
			.sql("insert into client_access (client_id, person_id, at, granted) values (:client, :person, :at, :granted)")
			.param("client", clientId)
			.param("person", personId)
			.param("at", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
			.param("granted", granted)
			.update());
		if (!granted) {
			throw new ClientRefused(Reason.NOT_IN_CIRCLE, null);
		}
	}

}
