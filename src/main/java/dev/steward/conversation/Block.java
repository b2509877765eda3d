package dev.steward.conversation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The small, closed set of things a message is made of. Text is light markdown: {@code *bold*},
 * {@code _italic_}, {@code `code`} and line breaks, which every door can render.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Block.Header.class, name = "header"),
		@JsonSubTypes.Type(value = Block.Text.class, name = "text"),
		@JsonSubTypes.Type(value = Block.Fields.class, name = "fields"),
		@JsonSubTypes.Type(value = Block.Actions.class, name = "actions"),
		@JsonSubTypes.Type(value = Block.Context.class, name = "context"),
		@JsonSubTypes.Type(value = Block.Image.class, name = "image"),
		@JsonSubTypes.Type(value = Block.Divider.class, name = "divider") })
public sealed interface Block {

	/** A title line. */
	record Header(String text) implements Block {
	}

	/** A paragraph of light markdown. */
	record Text(String markdown) implements Block {
	}

	/** Label and value pairs, shown two to a row where the door can. */
	record Fields(List<Field> fields) implements Block {

		public Fields {
			fields = List.copyOf(fields);
		}

	}

	/** One label and value. */
	record Field(String label, String value) {
	}

	/** A row of buttons. */
	record Actions(List<Button> buttons) implements Block {

		public Actions {
			buttons = List.copyOf(buttons);
		}

	}

	/** Small print: who, when, a hint. */
	record Context(String text) implements Block {
	}

	/** A picture with its alternative text. */
	record Image(String url, String alt) implements Block {
	}

	/** A horizontal rule. */
	record Divider() implements Block {
	}

}
