package dev.steward.conversation;

/**
 * What a person may do, asked in one call from a chat handler: {@code caller.isAdmin()},
 * {@code caller.maySee(code)}. The directory answers the firm-wide questions and the engagement
 * module the project ones; a caller the directory does not know may do none of it.
 */
@org.springframework.modulith.NamedInterface("model")
public interface Authority {

	/** Nothing at all: people outside the directory, and callers made up for channel readers. */
	Authority NONE = new Authority() {
	};

	/** Whether the person is an admin. */
	default boolean isAdmin() {
		return false;
	}

	/** Whether the person holds a directory role, by its key, e.g. {@code management}. */
	default boolean holds(String role) {
		return false;
	}

	/** Whether the person heads the department. */
	default boolean heads(String departmentId) {
		return false;
	}

	/** Whether the person is on the project's team (its manager included), by project code. */
	default boolean isOnTeam(String projectCode) {
		return false;
	}

	/** Whether the person may see the project: its team, its department's head, management, admins. */
	default boolean maySee(String projectCode) {
		return false;
	}

}
