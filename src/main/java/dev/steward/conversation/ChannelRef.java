package dev.steward.conversation;

/**
 * A place messages go: a channel or a direct conversation, on one door.
 *
 * @param door the door's name
 * @param id the platform's channel id (for a direct message: the user's platform id)
 * @param direct whether this is a direct conversation with one person
 */
@org.springframework.modulith.NamedInterface("model")
public record ChannelRef(String door, String id, boolean direct) {

	public static ChannelRef channel(String door, String id) {
		return new ChannelRef(door, id, false);
	}

	public static ChannelRef direct(String door, String userId) {
		return new ChannelRef(door, userId, true);
	}

}
