package dev.steward.directory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The directory's API: who people are, what they head, what roles they hold. */
@Service
public class DirectoryManagement {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DirectoryManagement.class);

	/** Who links an account matched by e-mail, in the record of links. */
	public static final String STEWARD = "steward";

	private final People people;

	private final PersonLinks links;

	private final java.time.Clock clock;

	DirectoryManagement(People people, PersonLinks links, java.time.Clock clock) {
		this.people = people;
		this.links = links;
		this.clock = clock;
	}

	public Optional<Person> person(String id) {
		return people.byId(id).filter(Person::active);
	}

	/** The person with a platform user id on a door ({@code slack}, {@code discord}; the id itself elsewhere). */
	public Optional<Person> byIdentity(String door, String userId) {
		return people.byIdentity(door, userId).filter(Person::active);
	}

	/** The person's user id on a door, if they have one there. */
	public Optional<String> identity(String personId, String door) {
		return person(personId).map(person -> person.identity(door));
	}

	/** A person's name, or the id itself when the directory no longer knows them. */
	public String name(String personId) {
		return people.byId(personId).map(Person::name).orElse(personId);
	}

	public List<Person> everyone() {
		return people.all().stream().filter(Person::active).toList();
	}

	public List<Person> withRole(Role role) {
		return everyone().stream().filter(person -> person.has(role)).toList();
	}

	public List<Department> departments() {
		return people.departments();
	}

	public Optional<Department> department(String id) {
		return id == null ? Optional.empty() : people.department(id);
	}

	public String departmentName(String id, Locale locale) {
		return department(id).map(department -> department.name(locale)).orElse(id == null ? "" : id);
	}

	/**
	 * Sets the roles a person holds through their roles on a platform (e.g. Discord server roles,
	 * mapped by configuration), replacing what that door said before; the directory file's roles
	 * stay. Answers whether anything changed.
	 */
	@org.springframework.transaction.annotation.Transactional
	public boolean grantPlatformRoles(String personId, String door, java.util.Set<Role> roles) {
		if (people.platformRoles(personId, door).equals(roles)) {
			return false;
		}
		people.replacePlatformRoles(personId, door, roles);
		return true;
	}

	// --- authority: the one place modules ask what a person may do -------------------------------

	/** Whether the person is an active admin. */
	public boolean isAdmin(String personId) {
		return holds(personId, Role.ADMIN);
	}

	/** Whether the person is active and holds the role (from the directory file or a platform's roles). */
	public boolean holds(String personId, Role role) {
		return personId != null && person(personId).map(person -> person.has(role)).orElse(false);
	}

	/** Whether the person is active and heads the department. */
	public boolean heads(String personId, String departmentId) {
		return personId != null && headOf(departmentId).map(head -> head.id().equals(personId)).orElse(false);
	}

	/** Who heads the department, if it has an active head. */
	public Optional<Person> headOf(String departmentId) {
		return department(departmentId).map(Department::headId).flatMap(this::person);
	}


	// --- links: chat accounts tied to people while Steward runs (issue 12) --------------------------

	/** The active person with this e-mail (in any case), if any. */
	public Optional<Person> byEmail(String email) {
		return email == null || email.isBlank() ? Optional.empty() : people.byEmail(email).filter(Person::active);
	}

	/**
	 * Links a chat account to a person, recording who did and how. Linking an account to the person
	 * it is already theirs changes nothing. Refuses, saving nothing, when the account is someone
	 * else's, the person has another account on that door, or the directory file names another
	 * account for them (the file's id wins; this is logged).
	 * @param by an admin's directory id, or {@link #STEWARD} for a match by e-mail
	 */
	@org.springframework.transaction.annotation.Transactional
	public Person link(String personId, String door, String userId, LinkWay how, String by) {
		var person = person(personId).orElseThrow(() -> new LinkRefused(LinkRefused.Reason.UNKNOWN_PERSON, personId));
		var owner = people.byIdentity(door, userId);
		if (owner.isPresent()) {
			if (owner.get().id().equals(personId)) {
				return owner.get();
			}
			throw new LinkRefused(LinkRefused.Reason.ACCOUNT_TAKEN, owner.get().id());
		}
		var filed = people.asFiled(personId).map(p -> p.identity(door)).orElse(null);
		if (filed != null) {
			log.warn("Not linking {} account {} to {}: the directory file names {} for them", door, userId, personId,
					filed);
			throw new LinkRefused(LinkRefused.Reason.ID_DISAGREES, filed);
		}
		if (links.ofPerson(personId, door).isPresent()) {
			throw new LinkRefused(LinkRefused.Reason.PERSON_LINKED, personId);
		}
		try {
			links.add(new Links.Link(door, userId, personId, how, by, clock.instant()));
		}
		catch (org.springframework.dao.DuplicateKeyException race) {
			// another instance linked one of them a moment ago: one link at most
			throw new LinkRefused(LinkRefused.Reason.PERSON_LINKED, personId);
		}
		links.forgetStranger(door, userId);
		people.forget(personId);
		log.info("Linked {} account {} to {} ({}, by {})", door, userId, personId, how.key(), by);
		return people.byId(personId).orElse(person);
	}

	/**
	 * Matches a chat account by its e-mail: linked when exactly one active person has it and nothing
	 * disagrees; otherwise, for someone who acted ({@link LinkWay#FIRST_CONTACT}), noted as an account
	 * that matched nobody, with why. Never throws for a mismatch.
	 * @param email the platform profile's e-mail, or {@code null} when it has none
	 * @param bot whether the platform says the account is a bot
	 */
	@org.springframework.transaction.annotation.Transactional
	public Optional<Person> matchByEmail(String door, String userId, String name, String email, boolean bot,
			LinkWay how) {
		var known = byIdentity(door, userId);
		if (known.isPresent()) {
			return known;
		}
		Links.Unmatched why;
		var person = byEmail(email);
		if (bot) {
			why = Links.Unmatched.BOT;
		}
		else if (email == null || email.isBlank()) {
			why = Links.Unmatched.NO_EMAIL;
		}
		else if (person.isEmpty()) {
			why = Links.Unmatched.NO_PERSON;
		}
		else if (person.get().identity(door) != null) {
			// ids still win: the file (or an earlier link) names another account for this person
			log.warn("{} account {} has the e-mail of {}, whose {} account is {}: not linked", door, userId,
					person.get().id(), door, person.get().identity(door));
			why = Links.Unmatched.ID_DISAGREES;
		}
		else {
			return Optional.of(link(person.get().id(), door, userId, how, STEWARD));
		}
		if (how == LinkWay.FIRST_CONTACT) {
			// only someone who acted is worth listing: a member who never used Steward is not waiting for it
			links.stranger(new Links.Stranger(door, userId, name, email == null ? null : email.strip(), why,
					clock.instant()));
		}
		return Optional.empty();
	}

	/**
	 * Undoes the links made while Steward ran for a person (on every door), recording who did. The
	 * directory file's ids stay: they change only in the file.
	 */
	@org.springframework.transaction.annotation.Transactional
	public List<Links.Link> unlink(String personId, String by) {
		if (!isAdmin(by)) {
			throw new LinkRefused(LinkRefused.Reason.NOT_ADMIN);
		}
		if (personId == null || people.byId(personId).isEmpty()) {
			throw new LinkRefused(LinkRefused.Reason.UNKNOWN_PERSON, personId);
		}
		var linked = links.ofPerson(personId);
		if (linked.isEmpty()) {
			throw new LinkRefused(LinkRefused.Reason.NOT_LINKED, personId);
		}
		var now = clock.instant();
		var removed = linked.stream().filter(link -> links.remove(link, by, now)).toList();
		people.forget(personId);
		log.info("Unlinked {} from {} by {}", removed, personId, by);
		return removed;
	}

	/** Every account linked while Steward ran. */
	public List<Links.Link> links() {
		return links.all();
	}

	/** The record of a person's links and unlinks, oldest first. */
	public List<Links.Change> linkHistory(String personId) {
		return links.history(personId);
	}

	/** Why an account that acted matched nobody, if it did and is still unknown. */
	public Optional<Links.Stranger> stranger(String door, String userId) {
		return links.stranger(door, userId).filter(s -> byIdentity(door, userId).isEmpty());
	}

	/** Accounts that acted but matched nobody, and are still unknown. */
	public List<Links.Stranger> strangers() {
		return links.strangers().stream().filter(s -> byIdentity(s.door(), s.userId()).isEmpty()).toList();
	}

	/**
	 * Records a claim by an unknown account that it is the person with this e-mail, for an admin to
	 * confirm. Refuses in one way whether the e-mail is nobody's or that person has an account on the
	 * door already, so a claim never tells who exists.
	 */
	@org.springframework.transaction.annotation.Transactional
	public Links.Claim claim(String door, String userId, String userName, String email) {
		var person = byEmail(email).filter(p -> p.identity(door) == null)
			.orElseThrow(() -> new LinkRefused(LinkRefused.Reason.CLAIM_REFUSED));
		if (byIdentity(door, userId).isPresent()) {
			throw new LinkRefused(LinkRefused.Reason.ACCOUNT_TAKEN);
		}
		long id = links.addClaim(door, userId, userName, person.id(), clock.instant());
		return links.claim(id).orElseThrow();
	}

	public Optional<Links.Claim> claim(long id) {
		return links.claim(id);
	}

	/**
	 * An admin's decision on a claim: Confirm links the account (refused, and the claim left pending,
	 * if the account or the person was linked since), Reject only closes it. A claim decided already
	 * is refused naming who decided it, so a double click makes one link at most.
	 */
	@org.springframework.transaction.annotation.Transactional
	public Links.Claim decide(long claimId, boolean confirm, String adminId) {
		if (!isAdmin(adminId)) {
			throw new LinkRefused(LinkRefused.Reason.NOT_ADMIN);
		}
		var claim = links.claim(claimId).orElseThrow(() -> new LinkRefused(LinkRefused.Reason.CLAIM_UNKNOWN));
		if (claim.status() != Links.Claim.Status.PENDING
				|| !links.decide(claimId, confirm ? Links.Claim.Status.CONFIRMED : Links.Claim.Status.REJECTED, adminId,
						clock.instant())) {
			var decided = links.claim(claimId).orElse(claim);
			throw new LinkRefused(LinkRefused.Reason.CLAIM_DECIDED,
					decided.decidedBy() == null ? "" : name(decided.decidedBy()));
		}
		if (confirm) {
			link(claim.personId(), claim.door(), claim.userId(), LinkWay.CONFIRMED, adminId);
		}
		return links.claim(claimId).orElseThrow();
	}

}
