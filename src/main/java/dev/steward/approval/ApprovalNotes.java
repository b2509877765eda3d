package dev.steward.approval;

import java.util.List;
import java.util.Locale;

/**
 * What other modules want approvers to know of a subject beside the subject itself, e.g. the risk
 * register's open risks of a project application (policy §6.2.1). Implemented by any module, for
 * the request types it knows; every card shows the notes of every implementation, in its reader's
 * language. A module whose notes changed while a request is in review calls
 * {@link ApprovalManagement#refreshCards}, and the open cards are shown again in place.
 * <p>
 * Notes are written whenever a card is, inside the transaction of the change that shows it, so an
 * implementation only reads, and quickly.
 */
public interface ApprovalNotes {

	/**
	 * The notes on one subject of a request type, written in a language.
	 * @param type the request type, as in {@code config/approvals.yaml}
	 * @return the notes, in the order they are shown; none when there is nothing to say or the type is
	 *         not one this module knows
	 */
	List<Note> notes(String type, String subjectId, Locale locale);

	/**
	 * One note: a label, its text, and whether it warns the approver (shown apart from the facts,
	 * marked as a warning).
	 */
	record Note(String label, String text, boolean warning) {

		/** A fact approvers should see. */
		public static Note of(String label, String text) {
			return new Note(label, text, false);
		}

		/** Something approvers should heed before they decide. */
		public static Note warning(String label, String text) {
			return new Note(label, text, true);
		}

	}

}
