package dev.steward.conversation;

import java.util.ArrayList;
import java.util.List;

import dev.steward.conversation.Block.Actions;
import dev.steward.conversation.Block.Context;
import dev.steward.conversation.Block.Divider;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Block.Fields;
import dev.steward.conversation.Block.Header;
import dev.steward.conversation.Block.Text;

/**
 * A neutral chat message: blocks every door can render, and a plain-text fallback for
 * notifications and for doors that cannot show blocks.
 */
@org.springframework.modulith.NamedInterface("model")
public record Message(String fallback, List<Block> blocks) {

	public Message {
		blocks = List.copyOf(blocks);
	}

	public static Message text(String text) {
		return new Message(text, List.of(new Text(text)));
	}

	public static Builder builder(String fallback) {
		return new Builder(fallback);
	}

	/** Whether the message has buttons someone may still click. */
	public boolean hasActions() {
		return blocks.stream().anyMatch(Actions.class::isInstance);
	}

	/** Builds a message block by block. */
	@org.springframework.modulith.NamedInterface("model")
	public static final class Builder {

		private final String fallback;

		private final List<Block> blocks = new ArrayList<>();

		private Builder(String fallback) {
			this.fallback = fallback;
		}

		public Builder header(String text) {
			blocks.add(new Header(text));
			return this;
		}

		public Builder text(String markdown) {
			blocks.add(new Text(markdown));
			return this;
		}

		public Builder fields(List<Field> fields) {
			if (!fields.isEmpty()) {
				blocks.add(new Fields(fields));
			}
			return this;
		}

		public Builder actions(List<Button> buttons) {
			if (!buttons.isEmpty()) {
				blocks.add(new Actions(buttons));
			}
			return this;
		}

		public Builder context(String text) {
			blocks.add(new Context(text));
			return this;
		}

		public Builder divider() {
			blocks.add(new Divider());
			return this;
		}

		public Builder block(Block block) {
			blocks.add(block);
			return this;
		}

		public Message build() {
			return new Message(fallback, blocks);
		}

	}

}
