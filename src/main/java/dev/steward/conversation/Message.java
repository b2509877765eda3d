package dev.steward.conversation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.steward.conversation.Block.Actions;
import dev.steward.conversation.Block.Context;
import dev.steward.conversation.Block.Divider;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Block.Fields;
import dev.steward.conversation.Block.Header;
import dev.steward.conversation.Block.Text;

/**
 * A neutral chat message: blocks every door can render, a plain-text fallback for notifications
 * and for doors that cannot show blocks, and files made on the server ({@link Attachment}s, at most
 * {@link #MAX_FILES}), which each door delivers with the message as its platform allows.
 * <p>
 * Files go with a new message: {@link Outbox#update} cannot change them. In a
 * {@link Reply.Ephemeral} the kernel takes them out and sends them to the person's direct
 * messages, and the reply says so (see {@code docs/architecture.md}).
 */
@org.springframework.modulith.NamedInterface("model")
public record Message(String fallback, List<Block> blocks,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> files) {

	/** The most files one message carries: Discord's limit of attachments to a message. */
	public static final int MAX_FILES = 10;

	public Message {
		blocks = List.copyOf(blocks);
		files = files == null ? List.of() : List.copyOf(files);
		if (files.size() > MAX_FILES) {
			throw new IllegalArgumentException(
					"A message carries at most " + MAX_FILES + " files, not " + files.size());
		}
	}

	/** A message without files. */
	public Message(String fallback, List<Block> blocks) {
		this(fallback, blocks, List.of());
	}

	public static Message text(String text) {
		return new Message(text, List.of(new Text(text)));
	}

	public static Builder builder(String fallback) {
		return new Builder(fallback);
	}

	/** Whether the message carries files. */
	@JsonIgnore
	public boolean hasFiles() {
		return !files.isEmpty();
	}

	/** The same message without its files. */
	public Message withoutFiles() {
		return files.isEmpty() ? this : new Message(fallback, blocks, List.of());
	}

	/** The same message carrying these files instead of its own. */
	public Message withFiles(List<Attachment> files) {
		return new Message(fallback, blocks, files);
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

		private final List<Attachment> files = new ArrayList<>();

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

		/** Adds a file made on the server. */
		public Builder file(Attachment file) {
			files.add(file);
			return this;
		}

		public Message build() {
			return new Message(fallback, blocks, files);
		}

	}

}
