package dev.steward.support;

import java.util.Map;

/**
 * One door, driven the way its people use it, for the cross-door scenario: every door gets the
 * same steps and must leave the same outcome in the database.
 */
public interface DoorDriver {

	/** The door's name, as projects record it. */
	String door();

	/** The platform's id of the channel applications are made in, as the project records its home. */
	String channel();

	/** As the person, in {@link #channel()}, types {@code /project apply} and fills every page; answers what they see. */
	String apply(String personId, Map<String, String> values);

	/**
	 * As the person, finds their latest direct message containing the text and clicks the button;
	 * if a reason is asked for, gives it. Answers what they see.
	 */
	String click(String personId, String containing, String label, String reason);

	/** As the person, clicks the edit button of a direct message and resubmits the form with changes. */
	String edit(String personId, String containing, String label, Map<String, String> changes);

}
