package dev.steward.conversation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Writes a typed interaction as an {@link InteractionId} and reads it back; the one place ids are parsed. */
final class InteractionCodec {

	private InteractionCodec() {
	}

	static String kind(Class<? extends Record> type) {
		var interaction = type.getAnnotation(Interaction.class);
		if (interaction == null) {
			throw new IllegalArgumentException(type.getName() + " is not annotated with @Interaction");
		}
		return interaction.value();
	}

	static InteractionId encode(Record interaction) {
		var args = new ArrayList<String>();
		String ended = null;
		for (var component : interaction.getClass().getRecordComponents()) {
			try {
				var accessor = component.getAccessor();
				accessor.setAccessible(true);
				var value = accessor.invoke(interaction);
				if (value instanceof Optional<?> optional && optional.isEmpty()) {
					// only the last arguments may be optional: an empty one ends the id
					ended = ended == null ? component.getName() : ended;
					continue;
				}
				if (ended != null) {
					// it would be read back as empty, and the handler would act on something else
					throw new IllegalArgumentException("Cannot write " + interaction + ": its " + component.getName()
							+ " follows the empty " + ended + ", and an empty optional argument ends the id");
				}
				if (value instanceof Optional<?> optional) {
					value = optional.get();
				}
				args.add(write(value));
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("Cannot read " + component.getName() + " of " + interaction, ex);
			}
		}
		return new InteractionId(kind(interaction.getClass()), args);
	}

	/** The typed arguments of an id, or {@link IllegalArgumentException} when they do not fit the kind. */
	static <A extends Record> A decode(InteractionId id, Class<A> type) {
		var components = type.getRecordComponents();
		if (!kind(type).equals(id.handler()) || id.args().size() > components.length) {
			throw new IllegalArgumentException("Id " + id + " is not a " + type.getSimpleName());
		}
		var values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			if (components[i].getType() == Optional.class) {
				values[i] = i < id.args().size() ? Optional.of(read(id.args().get(i), inner(components[i]), components[i]))
						: Optional.empty();
			}
			else if (i < id.args().size()) {
				values[i] = read(id.args().get(i), components[i].getType(), components[i]);
			}
			else {
				throw new IllegalArgumentException("Id " + id + " lacks " + components[i].getName());
			}
		}
		try {
			var constructor = type.getDeclaredConstructor(
					Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			constructor.setAccessible(true);
			return constructor.newInstance(values);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalArgumentException("Id " + id + " is not a valid " + type.getSimpleName(), ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot make a " + type.getName(), ex);
		}
	}

	private static String write(Object value) {
		if (value == null) {
			throw new IllegalArgumentException("Interaction arguments may not be null");
		}
		if (value instanceof Enum<?> constant) {
			return key(constant);
		}
		return value.toString();
	}

	/** What an optional argument holds. */
	private static Class<?> inner(RecordComponent component) {
		if (component.getGenericType() instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[0] instanceof Class<?> held) {
			return held;
		}
		throw new IllegalStateException("Optional argument " + component.getName() + " must say what it holds");
	}

	private static Object read(String text, Class<?> type, RecordComponent component) {
		try {
			if (type == String.class) {
				return text;
			}
			if (type == long.class || type == Long.class) {
				return Long.parseLong(text);
			}
			if (type == int.class || type == Integer.class) {
				return Integer.parseInt(text);
			}
			if (type == boolean.class || type == Boolean.class) {
				if (!text.equals("true") && !text.equals("false")) {
					throw new IllegalArgumentException("Not a boolean: " + text);
				}
				return Boolean.parseBoolean(text);
			}
			if (type == LocalDate.class) {
				return LocalDate.parse(text);
			}
			if (type.isEnum()) {
				for (var constant : type.getEnumConstants()) {
					if (key((Enum<?>) constant).equals(text)) {
						return constant;
					}
				}
				throw new IllegalArgumentException("No " + type.getSimpleName() + " written " + text);
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"Argument " + component.getName() + " '" + text + "' is not a " + type.getSimpleName(), ex);
		}
		throw new IllegalStateException("Interaction arguments cannot be " + type.getName());
	}

	/** How an enum is written: its {@code key()} when it has one (ids already posted use it), else its name. */
	private static String key(Enum<?> constant) {
		try {
			Method key = constant.getDeclaringClass().getMethod("key");
			if (key.getReturnType() == String.class) {
				return (String) key.invoke(constant);
			}
		}
		catch (NoSuchMethodException ex) {
			// no key(): the name
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
