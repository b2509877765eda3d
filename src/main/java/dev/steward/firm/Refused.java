package dev.steward.firm;

/**
 * What a module's domain refuses with: why (the module's own enum of reasons, nested in its
 * subclass, e.g. {@code RiskRefused.Reason}) and, where it helps to say it, what about (a project
 * code, a field's id, a person's id). Nothing is saved: the refusal rolls its transaction back. The
 * chat face says the reason in the person's words ({@code conversation.RefusalKeys} reads this
 * class, so a module's mapping is its switch of keys and little else).
 * <p>
 * (Java allows no type parameter on an exception, so a subclass narrows {@link #reason()} to its
 * own enum.)
 */
public abstract class Refused extends RuntimeException {

	private final Enum<?> reason;

	private final String detail;

	protected Refused(Enum<?> reason, String detail) {
		super(reason + (detail == null ? "" : ": " + detail));
		this.reason = reason;
		this.detail = detail;
	}

	public Enum<?> reason() {
		return reason;
	}

	/** What the refusal is about, if the reason says more with it; may be {@code null}. */
	public String detail() {
		return detail;
	}

}
