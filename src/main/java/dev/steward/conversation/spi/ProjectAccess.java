package dev.steward.conversation.spi;

/**
 * Who may see or act on a project, as the module that owns projects answers it; the directory
 * puts it into each {@link dev.steward.conversation.Caller}'s authority.
 */
public interface ProjectAccess {

	/** Whether the person is on the project's team (its manager included). */
	boolean isOnTeam(String projectCode, String personId);

	/** Whether the person may see the project. */
	boolean maySee(String projectCode, String personId);

}
