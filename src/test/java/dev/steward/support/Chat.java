package dev.steward.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.steward.conversation.Actor;
import dev.steward.conversation.Block;
import dev.steward.conversation.Button;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatAction;
import dev.steward.conversation.ChatCommand;
import dev.steward.conversation.FormSubmission;
import dev.steward.conversation.FormView;
import dev.steward.conversation.Message;
import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;

/**
 * Drives the kernel the way a door does, as one person in one channel: commands, form pages,
 * button clicks; and reads what the {@link RecordingDoor} received.
 */
public final class Chat {

	private final ChatGateway gateway;

	private final RecordingDoor door;

	private final String personId;

	private final ChannelRef channel;

	public Chat(ChatGateway gateway, RecordingDoor door, String personId, String channel) {
		this.gateway = gateway;
		this.door = door;
		this.personId = personId;
		this.channel = ChannelRef.channel(RecordingDoor.NAME, channel);
	}

	public Reply command(String typed) {
		var text = typed.strip().substring(1);
		int space = text.indexOf(' ');
		return gateway.command(new ChatCommand(actor(), channel, space < 0 ? text : text.substring(0, space),
				space < 0 ? "" : text.substring(space + 1)));
	}

	public Reply submit(FormView view, Map<String, String> values) {
		return gateway.submit(new FormSubmission(actor(), channel, view.session(), view.page(), values));
	}

	/** Fills every page of a form from one map, page by page, and answers the last reply. */
	public Reply fill(Reply opened, Map<String, String> values) {
		var reply = opened;
		while (reply instanceof Reply.ShowForm form) {
			var page = new LinkedHashMap<String, String>();
			form.view().currentPage().inputs().forEach(input -> page.put(input.key(),
					values.getOrDefault(input.key(), form.view().value(input.key()))));
			reply = submit(form.view(), page);
			if (reply instanceof Reply.ShowForm next && next.view().page() <= form.view().page()) {
				return reply; // errors sent it back
			}
		}
		return reply;
	}

	public Reply click(Button button) {
		return gateway.action(new ChatAction(actor(), channel, button.action().encode()));
	}

	public Reply click(Message message, String label) {
		return click(button(message, label));
	}

	public Actor actor() {
		return new Actor(RecordingDoor.NAME, personId);
	}

	/** Waits for a direct message whose text contains the given text, and answers it as it now is. */
	public Message awaitDirect(String contains) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> door.directTo(personId).stream()
			.map(RecordingDoor.Posted::message)
			.filter(message -> text(message).contains(contains))
			.reduce((first, second) -> second)
			.orElse(null), message -> message != null);
	}

	public List<RecordingDoor.Posted> directs() {
		return door.directTo(personId);
	}

	public static Button button(Message message, String label) {
		return message.blocks().stream()
			.filter(Block.Actions.class::isInstance)
			.flatMap(block -> ((Block.Actions) block).buttons().stream())
			.filter(button -> button.label().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No button " + label + " in " + text(message)));
	}

	/** All of a message's visible text, for assertions. */
	public static String text(Message message) {
		var text = new StringBuilder();
		for (var block : message.blocks()) {
			if (block instanceof Block.Header header) {
				text.append(header.text()).append('\n');
			}
			else if (block instanceof Block.Text paragraph) {
				text.append(paragraph.markdown()).append('\n');
			}
			else if (block instanceof Block.Context context) {
				text.append(context.text()).append('\n');
			}
			else if (block instanceof Block.Fields fields) {
				fields.fields().forEach(field -> text.append(field.label()).append(": ").append(field.value()).append('\n'));
			}
			else if (block instanceof Block.Actions actions) {
				actions.buttons().forEach(button -> text.append('[').append(button.label()).append("] "));
				text.append('\n');
			}
		}
		return text.toString();
	}

	public static String text(Reply reply) {
		assertThat(reply).isInstanceOf(Reply.Ephemeral.class);
		return text(((Reply.Ephemeral) reply).message());
	}

}
