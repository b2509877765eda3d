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
@org.springframework.modulith.NamedInterface("model")
public sealed interface Block {

	/** A title line. */
	@org.springframework.modulith.NamedInterface("model")
	record Header(String text) implements Block {
	}

	/** A paragraph of light markdown. */
	@org.springframework.modulith.NamedInterface("model")
	record Text(String markdown) implements Block {
	}

	/** Label and value pairs, shown two to a row where the door can. */
	@org.springframework.modulith.NamedInterface("model")
	record Fields(List<Field> fields) implements Block {

		public Fields {
			fields = List.copyOf(fields);
		}

	}

	/** One label and value. */
	@org.springframework.modulith.NamedInterface("model")
	record Field(String label, String value) {
	}

	/** A row of buttons. */
	@org.springframework.modulith.NamedInterface("model")
	record Actions(List<Button> buttons) implements Block {

		public Actions {
			buttons = List.copyOf(buttons);
		}

	}

	/** Small print: who, when, a hint. */
	@org.springframework.modulith.NamedInterface("model")
	record Context(String text) implements Block {
	}

	/** A picture with its alternative text. */
	@org.springframework.modulith.NamedInterface("model")
	record Image(String url, String alt) implements Block {
	}

	/** A horizontal rule. */
	@org.springframework.modulith.NamedInterface("model")
	record Divider() implements Block {
	}

}
