package dev.steward.engagement;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A project application (项目立项申请). Its approval lives in the approval engine; the application
 * keeps what was applied for, the version before the last revision, and where it came from.
 */
@Table("project_application")
public class Application {

	@Id
	private Long id;

	@Version
	private Integer version;

	private final String applicantId;

	@Embedded.Empty
	private ApplicationDetails details;

	/** The details before the last revision, as JSON, so approvers see what changed. */
	private String previous;

	private int revision;

	/** The client's profile the details' client names (the name is kept as written too). */
	private Long clientId;

	@Embedded.Empty(prefix = "home_")
	private final Home home;

	private final Instant submittedAt;

	@PersistenceCreator
	Application(Long id, Integer version, String applicantId, ApplicationDetails details, String previous,
			int revision, Long clientId, Home home, Instant submittedAt) {
		this.id = id;
		this.version = version;
		this.applicantId = applicantId;
		this.details = details;
		this.previous = previous;
		this.revision = revision;
		this.clientId = clientId;
		this.home = home;
		this.submittedAt = submittedAt;
	}

	static Application submit(String applicantId, ApplicationDetails details, long clientId, Home home, Instant now) {
		return new Application(null, null, applicantId, details, null, 1, clientId, home, now);
	}

	/** Replaces the details, keeping the old ones (as given, serialised) to show what changed. */
	void revise(ApplicationDetails details, long clientId, String previousAsJson) {
		this.previous = previousAsJson;
		this.details = details;
		this.clientId = clientId;
		this.revision++;
	}

	/** The client's profile. */
	public Long clientId() {
		return clientId;
	}

	public Long id() {
		return id;
	}

	public String applicantId() {
		return applicantId;
	}

	public ApplicationDetails details() {
		return details;
	}

	public String previous() {
		return previous;
	}

	public int revision() {
		return revision;
	}

	public Home home() {
		return home;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

}
