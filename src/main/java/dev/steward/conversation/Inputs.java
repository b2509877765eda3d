package dev.steward.conversation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.conversation.spi.CallerDirectory;

/**
 * What a form's inputs accept and offer: each input's own rule (required, length, number, choice,
 * person, date, searchable choice), the choices a picker shows for typed text, and the names the
 * person sees for values that are ids. A value is always checked here, whatever a door offered.
 */
@Component
class Inputs {

	private final Map<String, ChoiceSource> sources = new LinkedHashMap<>();

	private final CallerDirectory directory;

	private final Texts texts;

	Inputs(List<ChoiceSource> choiceSources, CallerDirectory directory, Texts texts) {
		for (var source : choiceSources) {
			if (sources.putIfAbsent(source.name(), source) != null) {
				throw new IllegalStateException("Two choice sources named " + source.name());
			}
		}
		this.directory = directory;
		this.texts = texts;
	}

	/** Whether a choice source of this name is registered. */
	boolean hasSource(String name) {
		return sources.containsKey(name);
	}

	/** What a picker offers for the typed text: a source's search, or the matching fixed choices or people. */
	List<Input.Choice> choices(Caller caller, Input.Type type, List<Input.Choice> fixed, String source,
			String query, int limit) {
		int most = Math.max(1, Math.min(limit, 100));
		var typed = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		return switch (type) {
			case SEARCH -> source(source).search(caller, typed.isEmpty() ? "" : query.strip(), most)
				.stream()
				.limit(most)
				.toList();
			case CHOICE -> fixed.stream().filter(choice -> matches(choice, typed)).limit(most).toList();
			// the directory is for its own people, not for guests to browse
			case PERSON -> caller.guest() ? List.of()
					: directory.everyone()
						.stream()
						.map(person -> new Input.Choice(person.personId(), person.name()))
						.filter(choice -> matches(choice, typed))
						.limit(most)
						.toList();
			default -> List.of();
		};
	}

	private static boolean matches(Input.Choice choice, String typed) {
		return typed.isEmpty() || choice.label().toLowerCase(Locale.ROOT).contains(typed)
				|| choice.value().toLowerCase(Locale.ROOT).contains(typed);
	}

	private ChoiceSource source(String name) {
		var source = sources.get(name);
		if (source == null) {
			throw new IllegalStateException("No choice source named " + name);
		}
		return source;
	}


	/** The directory person a platform user id, mention, directory id or full name names, if exactly one. */
	Optional<String> person(String door, String text) {
		var mention = text.strip().replaceAll("^<@!?|>$|\\|.*$", "").replaceFirst("^@", "").strip();
		if (mention.isEmpty()) {
			return Optional.empty();
		}
		var found = directory.find(new Actor(door, mention)).or(() -> directory.person(mention)).map(Caller::personId);
		if (found.isPresent()) {
			return found;
		}
		var named = directory.everyone().stream().filter(person -> person.name().equalsIgnoreCase(mention)).toList();
		return named.size() == 1 ? Optional.of(named.get(0).personId()) : Optional.empty();
	}

	/**
	 * A typed or picked value of a choice source, as the caller may choose it: the exact value, or
	 * the one choice whose whole label it is. Always confirmed with {@link ChoiceSource#find}, so what
	 * a door offered (or a person forged) counts for nothing.
	 */
	Optional<String> resolve(Caller caller, String sourceName, String typed) {
		var source = source(sourceName);
		var text = typed.strip();
		var exact = source.find(caller, text);
		if (exact.isPresent()) {
			return exact.map(Input.Choice::value);
		}
		var labelled = source.search(caller, text, 26)
			.stream()
			.filter(choice -> choice.label().strip().equalsIgnoreCase(text))
			.map(Input.Choice::value)
			.distinct()
			.toList();
		return labelled.size() == 1 ? source.find(caller, labelled.get(0)).map(Input.Choice::value) : Optional.empty();
	}


	/** What the person sees for the page's values that are ids: names of people, labels of choices. */
	Map<String, String> labels(Caller caller, FormSpec.Page page, Map<String, String> values) {
		var labels = new LinkedHashMap<String, String>();
		for (var input : page.inputs()) {
			var value = values.getOrDefault(input.key(), "");
			if (value.isBlank()) {
				continue;
			}
			Optional<String> label = switch (input.type()) {
				case PERSON -> directory.person(value).map(Caller::name);
				case SEARCH -> source(input.source()).find(caller, value).map(Input.Choice::label);
				case CHOICE -> input.choices().stream().filter(choice -> choice.value().equals(value)).findFirst()
					.map(Input.Choice::label);
				default -> Optional.empty();
			};
			label.ifPresent(text -> labels.put(input.key(), text));
		}
		return labels;
	}

	/** A submitted value as the handler will get it, or why it breaks its input's own rule. */
	record Checked(String value, String error) {

		static Checked ok(String value) {
			return new Checked(value, null);
		}

	}

	/** Checks a value against its input's own rule; a person, date or searchable choice is also normalized. */
	Checked check(Actor actor, Caller caller, Input input, String value) {
		if (value.isEmpty()) {
			return new Checked(value, input.required() ? texts.get(caller, "kernel.form.required") : null);
		}
		if (value.length() > input.maxLength()) {
			return new Checked(value, texts.get(caller, "kernel.form.too-long", input.maxLength(), value.length()));
		}
		return switch (input.type()) {
			case NUMBER -> {
				try {
					new BigDecimal(value.replace(",", ""));
					yield Checked.ok(value);
				}
				catch (NumberFormatException ex) {
					yield new Checked(value, texts.get(caller, "kernel.form.number"));
				}
			}
			case CHOICE -> input.choices().stream().anyMatch(choice -> choice.value().equals(value)) ? Checked.ok(value)
					: new Checked(value, texts.get(caller, "kernel.form.choice"));
			case PERSON -> person(actor.door(), value).map(Checked::ok)
				.orElseGet(() -> new Checked(value, texts.get(caller, "kernel.form.person")));
			case DATE -> {
				try {
					yield Checked.ok(LocalDate.parse(value).toString());
				}
				catch (DateTimeParseException ex) {
					yield new Checked(value, texts.get(caller, "kernel.form.date", LocalDate.now(caller.zone()).toString()));
				}
			}
			case SEARCH -> resolve(caller, input.source(), value).map(Checked::ok)
				.orElseGet(() -> new Checked(value, texts.get(caller, "kernel.form.search", value)));
			default -> Checked.ok(value);
		};
	}

}
