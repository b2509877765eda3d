package dev.steward.conversation;

/**
 * A module's one mapping from the reasons its domain refuses (an enum per module, e.g.
 * {@code DecisionRefused.Reason}) to the message keys that say them. A module whose refusal extends
 * {@link dev.steward.firm.Refused} writes only {@link #key}: the reason and its detail are read from
 * it. Write it as an exhaustive
 * {@code switch} of literal keys: a new reason then does not compile without its words, and
 * {@code MessageKeysTests} checks each key exists in English and Chinese.
 *
 * @param <R> the module's reasons
 */
public interface RefusalKeys<R extends Enum<R>> {

	/** The reasons this mapping covers: the type argument, unless a mapping says otherwise. */
	@SuppressWarnings("unchecked")
	default Class<R> reasons() {
		return (Class<R>) TypeArguments.of(getClass(), RefusalKeys.class);
	}

	/** The message key that says the reason to the person. */
	String key(R reason);

	/**
	 * The reason a domain exception carries, when it is one of this module's refusals. A handler
	 * may then let the exception go: the kernel rolls back and tells the person why, in their
	 * language, with {@link #arguments}.
	 */
	default java.util.Optional<R> reasonOf(RuntimeException exception) {
		if (exception instanceof dev.steward.firm.Refused refused && reasons().isInstance(refused.reason())) {
			return java.util.Optional.of(reasons().cast(refused.reason()));
		}
		return java.util.Optional.empty();
	}

	/** What the reason's message is filled in with: the refusal's detail, or nothing, unless a mapping says more. */
	default Object[] arguments(Caller caller, RuntimeException exception) {
		return new Object[] { exception instanceof dev.steward.firm.Refused refused && refused.detail() != null
				? refused.detail() : "" };
	}

}
