package dev.steward.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.steward.conversation.Caller;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.ChoiceSource;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Interaction;
import dev.steward.conversation.Reply;

/**
 * A test-only feature that uses every picker and an open command, for the kernel's and every door's
 * tests (no production module uses them yet):
 * <ul>
 * <li>{@code projects}: 2,000 projects {@code P-0001}…{@code P-2000} labelled {@code Project 0001};
 * every seventh is confidential, seen only by Li Na; guests see none.</li>
 * <li>{@code teams}: five teams, few enough for a select menu.</li>
 * <li>{@code /pick form} (and {@code /pick prefilled}, with Li Na, a date and P-0044 filled in):
 * owner (person), due (date), project (searchable), team (searchable, optional).</li>
 * <li>{@code /pick project PROJECT}: a searchable option.</li>
 * <li>{@code /pick hello} is open to people outside the directory, {@code /pick secret} is not;
 * {@code /pick feedback} opens an open form.</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class PickerFixtures {

	public static final String FORM = "pickers";

	public static final String GUEST_FORM = "pickers-guest";

	/** The picker form, which has no arguments. */
	@Interaction(FORM)
	record Pickers() {
	}

	/** The form open to guests. */
	@Interaction(GUEST_FORM)
	record GuestForm() {
	}

	/** The values of the last picker form submitted. */
	public static class Received {

		public final AtomicReference<Map<String, String>> values = new AtomicReference<>();

		public final AtomicReference<Caller> caller = new AtomicReference<>();

	}

	@Bean
	Received pickerReceived() {
		return new Received();
	}

	/** Whether a person may see a project: every seventh is confidential. */
	static boolean visible(Caller caller, int number) {
		return !caller.guest() && (number % 7 != 0 || caller.personId().equals("li.na"));
	}

	@Bean
	ChoiceSource projectSource() {
		var all = IntStream.rangeClosed(1, 2000)
			.mapToObj(n -> new Input.Choice("P-%04d".formatted(n), "Project %04d".formatted(n)))
			.toList();
		return new ChoiceSource() {

			@Override
			public String name() {
				return "projects";
			}

			@Override
			public List<Input.Choice> search(Caller caller, String query, int limit) {
				var typed = query.toLowerCase(Locale.ROOT);
				return all.stream()
					.filter(choice -> visible(caller, number(choice.value())))
					.filter(choice -> choice.label().toLowerCase(Locale.ROOT).contains(typed)
							|| choice.value().toLowerCase(Locale.ROOT).contains(typed))
					.limit(limit)
					.toList();
			}

			@Override
			public Optional<Input.Choice> find(Caller caller, String value) {
				return all.stream()
					.filter(choice -> choice.value().equals(value) && visible(caller, number(value)))
					.findFirst();
			}

			private int number(String value) {
				return Integer.parseInt(value.substring(2));
			}

		};
	}

	@Bean
	ChoiceSource teamSource() {
		var teams = List.of(new Input.Choice("red", "Red team"), new Input.Choice("blue", "Blue team"),
				new Input.Choice("green", "Green team"), new Input.Choice("gold", "Gold team"),
				new Input.Choice("grey", "Grey team"));
		return new ChoiceSource() {

			@Override
			public String name() {
				return "teams";
			}

			@Override
			public List<Input.Choice> search(Caller caller, String query, int limit) {
				return teams.stream()
					.filter(team -> team.label().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
					.limit(limit)
					.toList();
			}

			@Override
			public Optional<Input.Choice> find(Caller caller, String value) {
				return teams.stream().filter(team -> team.value().equals(value)).findFirst();
			}

		};
	}

	@Bean
	ChatCommands pickerCommands() {
		return () -> List.of(
				new CommandSpec("pick", "form", "kernel.help.description", request -> Reply.openForm(new Pickers(), Map.of())),
				new CommandSpec("pick", "prefilled", "kernel.help.description", request -> Reply.openForm(new Pickers(),
						Map.of("owner", "li.na", "due", "2026-03-31", "project", "P-0044"))),
				new CommandSpec("pick", "project",
						List.of(CommandSpec.Option.search("project", true, "kernel.help.description", "projects")),
						"kernel.help.description", request -> Reply.say("project=" + request.arg(0))),
				new CommandSpec("pick", "hello", "kernel.help.description",
						request -> Reply.say("hello " + request.caller().name() + " guest="
								+ request.caller().guest()))
					.allow(dev.steward.conversation.Access.Who.ANYONE).openToGuests(),
				new CommandSpec("pick", "feedback", "kernel.help.description",
						request -> Reply.openForm(new GuestForm(), Map.of()))
					.allow(dev.steward.conversation.Access.Who.ANYONE).openToGuests(),
				new CommandSpec("pick", "secret", "kernel.help.description", request -> Reply.say("secret")));
	}

	@Bean
	FormHandler<Pickers> pickerForm(Received received) {
		return new FormHandler<>() {

			@Override
			public FormSpec spec(Caller caller, Pickers args) {
				return FormSpec.single("Pickers", "Save",
						List.of(Input.person("owner", "Owner", true), Input.date("due", "Due", true),
								Input.search("project", "Project", true, "projects"),
								Input.search("team", "Team", false, "teams")));
			}

			@Override
			public Reply submit(FormRequest<Pickers> request) {
				received.values.set(request.values());
				received.caller.set(request.caller());
				return Reply.say("Saved owner=" + request.value("owner") + " due=" + request.value("due") + " project="
						+ request.value("project") + " team=" + request.value("team"));
			}

		};
	}

	@Bean
	FormHandler<GuestForm> pickerGuestForm(Received received) {
		return new FormHandler<>() {

			@Override
			public dev.steward.conversation.Access access() {
				return dev.steward.conversation.Access.of(dev.steward.conversation.Access.Who.ANYONE).withGuests();
			}

			@Override
			public FormSpec spec(Caller caller, GuestForm args) {
				return FormSpec.single("Feedback", "Send", List.of(Input.longText("note", "Note", true, 500),
						Input.date("when", "When", false)));
			}

			@Override
			public Reply submit(FormRequest<GuestForm> request) {
				received.values.set(request.values());
				received.caller.set(request.caller());
				return Reply.say("Thanks " + request.caller().name() + " guest=" + request.caller().guest());
			}

		};
	}

}
