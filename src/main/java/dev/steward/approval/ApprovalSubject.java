package dev.steward.approval;

import java.util.List;
import java.util.Locale;

/**
 * What a module that asks for approvals tells the engine about its requests, so approvers see
 * what they decide on. Implemented by the requesting module, for its request type.
 */
public interface ApprovalSubject {

	/** The request type it describes, as in {@code config/approvals.yaml}. */
	String type();

	/** The subject, summarised in a language: a title, the facts, and what changed at the last resubmission. */
	Summary describe(String subjectId, Locale locale);

	/**
	 * The handler name of the requester's "edit and resubmit" button; it gets the subject id as its
	 * one argument. {@code null} if the subject cannot be edited.
	 */
	String editAction();

	/** A subject, summarised for one reader. */
	record Summary(String title, List<Item> items, List<Change> changes) {

		public Summary {
			items = List.copyOf(items);
			changes = List.copyOf(changes);
		}

	}

	/** One fact: a label and its value. */
	record Item(String label, String value) {
	}

	/** One field that changed: its label, before and after. */
	record Change(String label, String before, String after) {
	}

}
