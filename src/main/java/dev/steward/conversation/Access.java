package dev.steward.conversation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may use a command, a button or a form, declared where it is registered
 * ({@link CommandSpec#allow}, {@link ActionHandler#access()}, {@link FormHandler#access()}): anyone
 * related to it in one of these ways. The handler, or the domain it calls, enforces the rule, as it
 * knows the thing named (the project, the request, the risk); the declaration says in a form a test
 * can read what it enforces, and the authorization matrix ({@code AuthorizationMatrixTests}) tries
 * every one against every role and checks the two agree. The kernel itself lets people outside the
 * directory reach only what lets {@linkplain #guests() guests} in.
 */
@org.springframework.modulith.NamedInterface("model")
public record Access(Set<Who> who, boolean guests) {

	public Access {
		if (who.isEmpty()) {
			throw new IllegalArgumentException("An access names at least one kind of person");
		}
		who = Set.copyOf(EnumSet.copyOf(who));
	}

	/** Those related to it in one of these ways, among the people of the directory. */
	public static Access of(Who first, Who... rest) {
		return new Access(EnumSet.of(first, rest), false);
	}

	/**
	 * The same, and people outside the directory reach its handler too (as a
	 * {@linkplain Caller#guest() guest}), to be let in by the same rule: {@link Who#ANYONE}, or the
	 * one it was sent to.
	 */
	public Access withGuests() {
		return new Access(who, true);
	}

	/** Whether someone related to it in these ways may use it. */
	public boolean allows(Set<Who> relations) {
		return who.contains(Who.ANYONE) || relations.stream().anyMatch(who::contains);
	}

	/**
	 * How a person relates to a command, button or form. The project ones are about the project it
	 * names (or the project of the thing it names: a risk, a plan, feedback); what names no project
	 * relates to nobody through them.
	 */
	@org.springframework.modulith.NamedInterface("model")
	public enum Who {

		/**
		 * Anyone who reaches it: everyone in the directory (it shows or changes only their own things,
		 * or what they may see), and people outside it when it lets {@linkplain #guests() guests} in.
		 */
		ANYONE,
		/** The person it is for: who was asked (an approver, a risk's owner), or whose thing it is (a requester). */
		ADDRESSEE,
		/**
		 * Listed on the project's team. Its manager is one only when listed too: where the manager may
		 * do what the team may (the project's authority, {@link Authority#isOnTeam}), name both.
		 */
		TEAM,
		/** The project's manager. */
		PROJECT_MANAGER,
		/** The head of the project's department. */
		DEPARTMENT_HEAD,
		/** The directory role {@code management}. */
		MANAGEMENT,
		/** The directory role {@code hr}. */
		HR,
		/** The directory role {@code admin}. */
		ADMIN,
		/**
		 * A contact of the client the project is for, by the chat account on the client's profile:
		 * outside the directory, so only where {@linkplain #guests() guests} are let in.
		 */
		CLIENT_CONTACT

	}

}
