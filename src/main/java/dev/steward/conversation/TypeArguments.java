package dev.steward.conversation;

import org.springframework.core.ResolvableType;

/** Reads what a handler declares in its type, so it need not say it twice. */
final class TypeArguments {

	private TypeArguments() {
	}

	/** The class a type gives the one type parameter of an interface it implements. */
	static Class<?> of(Class<?> type, Class<?> generic) {
		var resolved = ResolvableType.forClass(type).as(generic).resolveGeneric(0);
		if (resolved == null) {
			throw new IllegalStateException(type.getName() + " must name the type argument of " + generic.getSimpleName()
					+ " (or override the method that answers it)");
		}
		return resolved;
	}

}
