package dev.steward.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A client's profile (§5.1.1). Its name is unique whatever its case, and public: projects show it.
 * Its other details and its contacts are confidential (§5.1.2), which {@link ClientManagement}
 * enforces. The version makes two edits at once end in one.
 */
@Table("client")
public class Client extends AbstractAggregateRoot<Client> {

	@Id
	private Long id;

	@Version
	private Integer version;

	private String name;

	private String nameKey;

	private String industry;

	@Column("company_size")
	private String size;

	private String scope;

	private String preferences;

	@MappedCollection(idColumn = "client_id", keyColumn = "seq")
	private final List<ClientContact> contacts;

	private final String createdBy;

	private final Instant createdAt;

	@PersistenceCreator
	Client(Long id, Integer version, String name, String nameKey, String industry, String size, String scope,
			String preferences, List<ClientContact> contacts, String createdBy, Instant createdAt) {
		this.id = id;
		this.version = version;
		this.name = name;
		this.nameKey = nameKey;
		this.industry = industry;
		this.size = size;
		this.scope = scope;
		this.preferences = preferences;
		this.contacts = new ArrayList<>(contacts == null ? List.of() : contacts);
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	static Client create(ClientDetails details, String actorId, Instant now) {
		var client = new Client(null, null, null, null, null, null, null, null, List.of(), actorId, now);
		client.apply(details);
		return client;
	}

	/** The event that announces the profile, once it has its id. */
	ClientEvents.ClientAdded added() {
		return new ClientEvents.ClientAdded(id, name, createdBy);
	}

	void edit(ClientDetails details, String actorId) {
		apply(details);
		registerEvent(new ClientEvents.ClientChanged(id, name, actorId));
	}

	private void apply(ClientDetails details) {
		this.name = details.name();
		this.nameKey = ClientDetails.key(details.name());
		this.industry = details.industry();
		this.size = details.size();
		this.scope = details.scope();
		this.preferences = details.preferences();
		this.contacts.clear();
		this.contacts.addAll(details.contacts());
	}

	public Long id() {
		return id;
	}

	public int version() {
		return version == null ? 0 : version;
	}

	/** The client's name: public. */
	public String name() {
		return name;
	}

	String nameKey() {
		return nameKey;
	}

	/** Everything the profile says: for the client's circle only. */
	public ClientDetails details() {
		return new ClientDetails(name, industry, size, scope, preferences, contacts);
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
