package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.conversation.spi.ChatGateway;
import dev.steward.support.PickerFixtures;

/** The form engine: pages, each input's own rules, values kept to the end, errors on the right page. */
@SpringBootTest
@ActiveProfiles("test")
@Import({ FormEngineTests.SurveyForm.class, PickerFixtures.class })
class FormEngineTests {

	@Autowired
	ChatGateway gateway;

	@Autowired
	SurveyForm form;

	final ChannelRef channel = ChannelRef.channel("test", "general");

	final Actor emma = new Actor("test", "emma.wilson");

	Reply submit(FormView view, Map<String, String> values) {
		return gateway.submit(new FormSubmission(emma, channel, view.session(), view.page(), values));
	}

	FormView open() {
		var reply = gateway.command(new ChatCommand(emma, channel, "survey", "start"));
		assertThat(reply).isInstanceOf(Reply.ShowForm.class);
		return ((Reply.ShowForm) reply).view();
	}

	@Test
	void pagesKeepWhatWasEnteredUntilTheLastIsSubmitted() {
		var first = open();
		assertThat(first.page()).isZero();
		assertThat(first.nextLabel()).isEqualTo("Next (2/2)");
		var second = submit(first, Map.of("name", "Acme", "size", "120", "tier", "gold"));
		assertThat(second).isInstanceOf(Reply.ShowForm.class);
		var page2 = ((Reply.ShowForm) second).view();
		assertThat(page2.page()).isEqualTo(1);
		assertThat(page2.nextLabel()).isEqualTo("Send");
		var done = submit(page2, Map.of("notes", "Fine"));
		assertThat(done).isInstanceOf(Reply.Ephemeral.class);
		assertThat(form.received.get()).containsEntry("name", "Acme").containsEntry("size", "120")
			.containsEntry("tier", "gold").containsEntry("notes", "Fine");
		// the session is gone: a replayed submission is told so
		assertThat(((Reply.Ephemeral) submit(page2, Map.of("notes", "again"))).message().fallback())
			.contains("expired");
	}

	@Test
	void eachInputsOwnRulesAreCheckedOnItsPage() {
		var first = open();
		var reply = submit(first, Map.of("name", "x".repeat(41), "size", "many", "tier", "platinum"));
		assertThat(reply).isInstanceOfSatisfying(Reply.FormErrors.class, errors -> assertThat(errors.errors())
			.containsEntry("name", "Keep this to 40 characters (it has 41).")
			.containsEntry("size", "Enter a number, e.g. 250000.")
			.containsEntry("tier", "Choose one of the options."));
		var blank = submit(first, Map.of("name", "  ", "size", "1", "tier", "gold"));
		assertThat(((Reply.FormErrors) blank).errors()).containsOnlyKeys("name");
	}

	@Test
	void anErrorTheHandlerFindsOnAnEarlierPageSendsThePersonBackThere() {
		var first = open();
		var page2 = ((Reply.ShowForm) submit(first, Map.of("name", "Taken", "size", "1", "tier", "gold"))).view();
		var back = submit(page2, Map.of("notes", "x"));
		assertThat(back).isInstanceOfSatisfying(Reply.ShowForm.class, shown -> {
			assertThat(shown.view().page()).isZero();
			assertThat(shown.view().errors()).containsEntry("name", "That name is taken.");
			assertThat(shown.view().value("name")).isEqualTo("Taken");
			assertThat(shown.view().value("size")).isEqualTo("1");
		});
	}

	@Test
	void someoneElseCannotSubmitYourForm() {
		var first = open();
		var reply = gateway.submit(new FormSubmission(new Actor("test", "li.na"), channel, first.session(), 0,
				Map.of("name", "Mine now", "size", "1", "tier", "gold")));
		assertThat(((Reply.Ephemeral) reply).message().fallback()).isEqualTo("这是别人的表单。");
	}

	@Test
	void personOptionsArriveAsDirectoryIds() {
		assertThat(said(gateway.command(new ChatCommand(new Actor("slack", "U01EMMAWILSON"), channel, "survey",
				"who <@U01LINA|li.na>")))).isEqualTo("person=li.na");
		assertThat(said(gateway.command(new ChatCommand(emma, channel, "survey", "who @li.na"))))
			.isEqualTo("person=li.na");
		assertThat(said(gateway.command(new ChatCommand(emma, channel, "survey", "who nobody"))))
			.isEqualTo("person=nobody");
	}

	@Test
	void anOpenFormCanBeShownAgainAtAnyPageWithItsValues() {
		var first = open();
		submit(first, Map.of("name", "Acme", "size", "120", "tier", "gold"));
		var again = gateway.showForm(emma, channel, first.session(), 1);
		assertThat(again).isInstanceOfSatisfying(Reply.ShowForm.class, shown -> {
			assertThat(shown.view().page()).isEqualTo(1);
			assertThat(shown.view().value("name")).isEqualTo("Acme");
		});
		assertThat(said(gateway.showForm(new Actor("test", "li.na"), channel, first.session(), 1)))
			.isEqualTo("这是别人的表单。");
		assertThat(said(gateway.showForm(emma, channel, "no-such-session", 0))).contains("expired");
	}

	static String said(Reply reply) {
		assertThat(reply).isInstanceOf(Reply.Ephemeral.class);
		return ((Reply.Ephemeral) reply).message().fallback();
	}

	/** A two-page test form: /survey start. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SurveyForm implements FormHandler<SurveyForm.Survey>, ChatCommands {

		@Interaction("survey")
		record Survey() {
		}

		final AtomicReference<Map<String, String>> received = new AtomicReference<>();

		@Override
		public List<CommandSpec> commands() {
			return List.of(new CommandSpec("survey", "start", "kernel.help.description",
					request -> Reply.openForm(new Survey(), Map.of())),
					new CommandSpec("survey", "who",
							List.of(CommandSpec.Option.required("person", CommandSpec.Option.Type.PERSON,
									"kernel.help.description")),
							"kernel.help.description", request -> Reply.say("person=" + request.arg(0))));
		}

		@Override
		public FormSpec spec(Caller caller, Survey args) {
			return new FormSpec("Survey", "Send", List.of(
					new FormSpec.Page("One", List.of(Input.shortText("name", "Name", true, 40),
							Input.number("size", "Size", true), Input.choice("tier", "Tier", true,
									List.of(new Input.Choice("gold", "Gold"), new Input.Choice("silver", "Silver"))))),
					new FormSpec.Page("Two", List.of(Input.longText("notes", "Notes", false, 200)))));
		}

		@Override
		public Reply submit(FormRequest<Survey> request) {
			if (request.value("name").equals("Taken")) {
				return Reply.errors(Map.of("name", "That name is taken."));
			}
			received.set(request.values());
			return Reply.say("Thanks");
		}

	}

}
