package dev.steward.conversation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as one kind of button: its name is the handler name in the encoded
 * {@link InteractionId}, its components are the button's arguments, in order. Components may be
 * strings (letters, digits, {@code . _ -}), whole numbers, booleans, dates and enums (written as
 * their {@code key()} when they have one, else their name), so a handler never parses an id:
 * <pre>{@code
 * @Interaction("approval")
 * record Decide(long requestId, String token, Decision decision) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@org.springframework.modulith.NamedInterface("model")
public @interface Interaction {

	/** The kind's name: lower-case letters, digits and {@code -}. */
	String value();

}
