package dev.steward.playground;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Interaction;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.conversation.Reply;

/**
 * A small feature for the playground's tests, written against the kernel like a real one:
 * {@code /demo form} opens a two-page form; its submission posts a request with buttons to the
 * channel through the outbox; Approve updates that message in place and tells the requester in a
 * direct message; Reject first asks for a reason in a second form.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DemoCommands {

	static final String FORM = "demo";

	/** The demo form, which has no arguments. */
	@Interaction(FORM)
	record Demo() {
	}

	/** Approve or reject a demo request. */
	@Interaction(FORM)
	record Decide(String decision, long number) {
	}

	/** Why a demo request is rejected. */
	@Interaction(REASON_FORM)
	record Why(long number) {
	}

	static final String REASON_FORM = "demo-reason";

	static final String BUDGET_LIMIT_ERROR = "Budgets above 1,000,000 need the board.";

	/** The requests posted so far, by number: what the buttons need to redraw their message. */
	static class Requests {

		private final AtomicLong numbers = new AtomicLong();

		private final Map<Long, Request> byNumber = new ConcurrentHashMap<>();

		record Request(long number, String requester, String requesterName, Map<String, String> values) {

			String key() {
				return "demo-request-" + number;
			}

		}

		Request add(Caller requester, Map<String, String> values) {
			var request = new Request(numbers.incrementAndGet(), requester.personId(), requester.name(), Map.copyOf(values));
			byNumber.put(request.number(), request);
			return request;
		}

		Request get(String number) {
			return byNumber.get(Long.parseLong(number));
		}

	}

	@Bean
	Requests demoRequests() {
		return new Requests();
	}

	@Bean
	ChatCommands demoChatCommands() {
		return () -> List.of(new CommandSpec("demo", "form", "demo.form.description",
				request -> Reply.openForm(new Demo(), Map.of())));
	}

	@Bean
	FormHandler<Demo> demoForm(Outbox outbox, Requests requests) {
		return new FormHandler<>() {

			@Override
			public FormSpec spec(Caller caller, Demo args) {
				return new FormSpec("Demo request", "Send request", List.of(
						new FormSpec.Page(null, List.of(Input.shortText("title", "Title", true, 80),
								Input.number("budget", "Budget", false).withHint("e.g. 250000"),
								Input.choice("kind", "Kind", true, List.of(new Input.Choice("study", "Study"),
										new Input.Choice("audit", "Audit"))))),
						new FormSpec.Page("Details", List.of(Input.longText("notes", "Notes", true, 500)))));
			}

			@Override
			public Reply submit(FormRequest<Demo> request) {
				var budget = request.value("budget").replace(",", "");
				if (!budget.isEmpty() && new BigDecimal(budget).compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
					return Reply.errors(Map.of("budget", BUDGET_LIMIT_ERROR));
				}
				var posted = requests.add(request.caller(), request.values());
				outbox.toChannel(request.channel(), message(posted, null), posted.key());
				return Reply.say("Request *" + request.value("title") + "* posted.");
			}

		};
	}

	@Bean
	FormHandler<Why> demoReasonForm(Outbox outbox, Requests requests) {
		return new FormHandler<>() {

			@Override
			public FormSpec spec(Caller caller, Why args) {
				return FormSpec.single("Why reject?", "Reject", List.of(Input.longText("reason", "Reason", true, 300)));
			}

			@Override
			public Reply submit(FormRequest<Why> request) {
				var posted = requests.get(String.valueOf(request.args().number()));
				outbox.update(posted.key(),
						message(posted, "Rejected by " + request.caller().name() + ": " + request.value("reason")));
				return Reply.silent();
			}

		};
	}

	@Bean
	ActionHandler<Decide> demoActions(Outbox outbox, Requests requests) {
		return new ActionHandler<>() {

			@Override
			public Reply handle(ActionRequest<Decide> request) {
				var posted = requests.get(String.valueOf(request.args().number()));
				if ("reject".equals(request.args().decision())) {
					return Reply.openForm(new Why(posted.number()), Map.of());
				}
				outbox.update(posted.key(), message(posted, "Approved by " + request.caller().name()));
				outbox.toPerson(posted.requester(), Message.text("Your request *" + posted.values().get("title")
						+ "* was approved by " + request.caller().name() + "."), null);
				return Reply.silent();
			}

		};
	}

	/** The request as its channel shows it: with buttons until it is decided, then with the decision. */
	static Message message(Requests.Request request, String decision) {
		var values = request.values();
		var builder = Message.builder("Demo request: " + values.get("title"))
			.header("Demo request: " + values.get("title"))
			.fields(List.of(new Field("Budget", values.getOrDefault("budget", "")),
					new Field("Kind", values.getOrDefault("kind", "")), new Field("Notes", values.get("notes")),
					new Field("Requested by", request.requesterName())));
		if (decision == null) {
			builder.actions(List.of(Button.primary("Approve", InteractionId.of(new Decide("approve", request.number()))),
					Button.danger("Reject", InteractionId.of(new Decide("reject", request.number())))));
		}
		else {
			builder.context(decision);
		}
		return builder.build();
	}

}
