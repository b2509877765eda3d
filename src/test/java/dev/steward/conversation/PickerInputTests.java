package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.conversation.spi.ChatGateway;
import dev.steward.support.Chat;
import dev.steward.support.PickerFixtures;

/**
 * The form engine's pickers (person, date, searchable choice) and searchable command options: what
 * each accepts, what the handler receives, what a picker offers; and open commands, which people
 * outside the directory may use while every other command still refuses them.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ FormEngineTests.SurveyForm.class, PickerFixtures.class })
class PickerInputTests {

	@Autowired
	ChatGateway gateway;

	@Autowired
	PickerFixtures.Received received;

	final ChannelRef channel = ChannelRef.channel("slack", "C01GENERAL");

	final Actor emma = new Actor("slack", "U01EMMAWILSON");

	final Actor stranger = new Actor("slack", "U0STRANGER", Locale.SIMPLIFIED_CHINESE);

	FormView open(Actor actor, String sub) {
		var reply = gateway.command(new ChatCommand(actor, channel, "pick", sub));
		assertThat(reply).isInstanceOf(Reply.ShowForm.class);
		return ((Reply.ShowForm) reply).view();
	}

	Reply submit(Actor actor, FormView view, Map<String, String> values) {
		return gateway.submit(new FormSubmission(actor, channel, view.session(), view.page(), values));
	}

	Map<String, String> errors(Reply reply) {
		assertThat(reply).isInstanceOf(Reply.FormErrors.class);
		return ((Reply.FormErrors) reply).errors();
	}

	String said(Reply reply) {
		return FormEngineTests.said(reply);
	}

	@Test
	void pickedValuesReachTheHandlerAsDirectoryIdIsoDateAndSourceValue() {
		var view = open(emma, "form");
		var reply = submit(emma, view, Map.of("owner", "U01LINA", "due", "2026-03-31", "project", "Project 0043",
				"team", "blue"));
		assertThat(said(reply)).isEqualTo("Saved owner=li.na due=2026-03-31 project=P-0043 team=blue");
	}

	@Test
	void aPersonOutsideTheDirectoryIsAnInlineErrorInThePersonsLanguage() {
		var view = open(emma, "form");
		assertThat(errors(submit(emma, view, Map.of("owner", "U0STRANGER", "due", "2026-03-31", "project", "P-0001"))))
			.containsOnly(Map.entry("owner", "Choose someone in Steward’s directory."));
		var li = new Actor("slack", "U01LINA");
		var hers = open(li, "form");
		assertThat(errors(submit(li, hers, Map.of("owner", "<@U0STRANGER>", "due", "2026-03-31", "project", "P-0001"))))
			.containsEntry("owner", "请选择 Steward 人员目录中的人。");
		// a mention, a directory id and a full name name the same person
		assertThat(said(submit(li, hers, Map.of("owner", "Emma Wilson", "due", "2026-03-31", "project", "P-0001"))))
			.startsWith("Saved owner=emma.wilson");
	}

	@Test
	void aDateMustBeARealIsoDate() {
		var view = open(emma, "form");
		for (var wrong : new String[] { "2026-02-30", "31/03/2026", "next friday" }) {
			assertThat(errors(submit(emma, view, Map.of("owner", "emma.wilson", "due", wrong, "project", "P-0001"))))
				.containsOnlyKeys("due")
				.hasEntrySatisfying("due", error -> assertThat(error).startsWith("Enter a date as year-month-day"));
		}
	}

	@Test
	void aSearchableChoiceTakesItsValueOrItsWholeLabelAndNeverWhatThePersonMayNotSee() {
		var view = open(emma, "form");
		var base = Map.of("owner", "emma.wilson", "due", "2026-03-31");
		assertThat(errors(submit(emma, view, with(base, "project", "P-0007")))).containsOnlyKeys("project");
		assertThat(errors(submit(emma, view, with(base, "project", "Project 0007")))).containsOnlyKeys("project");
		assertThat(errors(submit(emma, view, with(base, "project", "Project")))).hasEntrySatisfying("project",
				error -> assertThat(error).startsWith("Nothing you may choose matches “Project”"));
		assertThat(said(submit(emma, view, with(base, "project", "project 0044")))).contains("project=P-0044");
		// Li Na may see the confidential ones
		var li = new Actor("slack", "U01LINA");
		assertThat(said(submit(li, open(li, "form"), with(base, "project", "P-0007")))).contains("project=P-0007");
	}

	@Test
	void aPickerOffersOnlyMatchesThePersonMaySeeAndOnlyInTheirOwnForm() {
		var view = open(emma, "form");
		var choices = gateway.formChoices(emma, view.session(), "project", "00", 100);
		assertThat(choices).hasSize(100)
			.allSatisfy(choice -> assertThat(choice.label()).contains("00"))
			.noneSatisfy(choice -> assertThat(Integer.parseInt(choice.value().substring(2)) % 7).isZero());
		assertThat(gateway.formChoices(emma, view.session(), "project", "Project 1999", 10))
			.containsExactly(new Input.Choice("P-1999", "Project 1999"));
		assertThat(gateway.formChoices(emma, view.session(), "owner", "li", 10))
			.contains(new Input.Choice("li.na", "Li Na"));
		assertThat(gateway.formChoices(new Actor("slack", "U01LINA"), view.session(), "project", "", 10)).isEmpty();
		assertThat(gateway.formChoices(emma, "no-such-session", "project", "", 10)).isEmpty();
	}

	@Test
	void prefilledPickersShowWhatIsPicked() {
		var view = open(emma, "prefilled");
		assertThat(view.value("owner")).isEqualTo("li.na");
		assertThat(view.label("owner")).isEqualTo("Li Na");
		assertThat(view.value("project")).isEqualTo("P-0044");
		assertThat(view.label("project")).isEqualTo("Project 0044");
		assertThat(view.value("due")).isEqualTo("2026-03-31");
	}

	@Test
	void aSearchOptionIsResolvedFromTypedTextAndOfferedForAutocomplete() {
		assertThat(said(gateway.command(new ChatCommand(emma, channel, "pick", "project Project 0044"))))
			.isEqualTo("project=P-0044");
		assertThat(said(gateway.command(new ChatCommand(emma, channel, "pick", "project P-0100"))))
			.isEqualTo("project=P-0100");
		assertThat(said(gateway.command(new ChatCommand(emma, channel, "pick", "project P-0007"))))
			.startsWith("Nothing you may choose matches “P-0007” for project");
		assertThat(gateway.optionChoices(emma, "pick", "project", "project", "004", 25)).hasSize(10)
			.noneMatch(choice -> choice.value().equals("P-0049") || choice.value().equals("P-0042")); // 0004, 0040-0048, 1004
		assertThat(gateway.optionChoices(stranger, "pick", "project", "project", "004", 25)).isEmpty();
	}

	@Test
	void anOpenCommandServesSomeoneOutsideTheDirectoryAsAGuest() {
		assertThat(said(gateway.command(new ChatCommand(stranger, channel, "pick", "hello"))))
			.isEqualTo("hello U0STRANGER guest=true");
		assertThat(said(gateway.command(new ChatCommand(emma, channel, "pick", "hello"))))
			.isEqualTo("hello Emma Wilson guest=false");
		var form = open(stranger, "feedback");
		assertThat(errors(submit(stranger, form, Map.of("note", "Great work", "when", "soon"))))
			.containsEntry("when", "请按“年-月-日”格式输入日期，例如 " + java.time.LocalDate.now(java.time.ZoneId.of("UTC"))
					+ "。");
		assertThat(said(submit(stranger, form, Map.of("note", "Great work", "when", "2026-01-05"))))
			.isEqualTo("Thanks U0STRANGER guest=true");
		assertThat(received.caller.get().platformUser()).contains(new Actor("slack", "U0STRANGER",
				Locale.SIMPLIFIED_CHINESE, java.time.ZoneId.of("UTC")));
	}

	@Test
	void everyOtherCommandStillRefusesSomeoneOutsideTheDirectory() {
		// the directory names the firm's admins, and how to link an account on a platform that tells no e-mails
		var refusal = "我还不认识你：你的账号 `U0STRANGER` 尚未关联到 Steward 人员目录中的任何人。"
				+ "如果你在人员目录中，请输入 `/steward link` 加上你的工作邮箱，由管理员确认。请联系 Steward 管理员（Alex Admin）把你加入目录。";
		assertThat(said(gateway.command(new ChatCommand(stranger, channel, "pick", "secret")))).isEqualTo(refusal);
		assertThat(said(gateway.command(new ChatCommand(stranger, channel, "project", "help")))).isEqualTo(refusal);
		assertThat(said(gateway.command(new ChatCommand(stranger, channel, "nonsense", "")))).isEqualTo(refusal);
		assertThat(said(gateway.submit(new FormSubmission(stranger, channel, open(emma, "form").session(), 0,
				Map.of())))).isEqualTo(refusal);
		assertThat(said(gateway.action(new ChatAction(stranger, channel, "approval:1:decide")))).isEqualTo(refusal);
	}

	@Test
	void helpForSomeoneOutsideTheDirectoryListsOnlyOpenCommands() {
		for (var help : new String[] { "help", "" }) {
			var text = Chat.text(gateway.command(new ChatCommand(stranger, channel, "pick", help)));
			assertThat(text).contains("/pick hello", "/pick feedback").doesNotContain("/pick secret", "/pick form");
		}
		var everything = Chat.text(gateway.command(new ChatCommand(stranger, channel, "steward", "help")));
		assertThat(everything).contains("/pick hello").doesNotContain("/pick secret", "/project apply");
		assertThat(Chat.text(gateway.command(new ChatCommand(emma, channel, "pick", "help")))).contains("/pick secret",
				"/pick hello");
	}

	private static Map<String, String> with(Map<String, String> base, String key, String value) {
		var values = new java.util.HashMap<>(base);
		values.put(key, value);
		return values;
	}

}
