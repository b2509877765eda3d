package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.conversation.spi.ChatGateway;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestCallers;

/**
 * The conversation kernel on its own (with the firm's defaults beneath it): a feature registered
 * here is reached through the gateway, strangers and stale buttons are answered politely, and the
 * outbox delivers what a committed transaction wrote, and nothing a rolled-back one did.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class ConversationModuleTests {

	static final String DOOR = RecordingDoor.NAME;

	/** The directory module implements this in the application; here a small one stands in. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Outside {

		@Bean
		TestCallers testCallers() {
			return new TestCallers().person("ada", "Ada Lovelace", false, DOOR, "ada");
		}

		@Bean
		RecordingDoor recordingDoor() {
			return new RecordingDoor();
		}

		@Bean
		EchoFeature echoFeature(Outbox outbox) {
			return new EchoFeature(outbox);
		}

	}

	/**
	 * A feature's chat face, as small as one can be: {@code /echo say …} answers, {@code /echo post …}
	 * posts to the channel through the outbox, {@code /echo refuse …} posts and then refuses; its
	 * buttons are named {@code echo-click}.
	 */
	static class EchoFeature implements ChatCommands, ActionHandler<EchoFeature.Click> {

		/** The echo button: a whole number. */
		@Interaction("echo-click")
		record Click(int number) {
		}

		final List<CommandRequest> commands = new CopyOnWriteArrayList<>();

		final List<ActionRequest<Click>> clicks = new CopyOnWriteArrayList<>();

		private final Outbox outbox;

		EchoFeature(Outbox outbox) {
			this.outbox = outbox;
		}

		@Override
		public List<CommandSpec> commands() {
			// an existing key: the words are not what these tests are about
			return List.of(new CommandSpec("echo", "say", "kernel.help.all", this::say),
					new CommandSpec("echo", "post", "kernel.help.all", this::post),
					new CommandSpec("echo", "refuse", "kernel.help.all", this::refuse));
		}

		private Reply say(CommandRequest request) {
			commands.add(request);
			return Reply.say(request.caller().name() + " said: " + request.argText());
		}

		private Reply post(CommandRequest request) {
			commands.add(request);
			outbox.toChannel(request.channel(), Message.text(request.argText()), null);
			return Reply.silent();
		}

		private Reply refuse(CommandRequest request) {
			commands.add(request);
			outbox.toChannel(request.channel(), Message.text(request.argText()), null);
			throw new Refusal("Not today, " + request.caller().name());
		}

		@Override
		public Reply handle(ActionRequest<Click> request) {
			clicks.add(request);
			return Reply.say("clicked " + request.args().number());
		}

	}

	@Autowired
	ChatGateway gateway;

	@Autowired
	Outbox outbox;

	@Autowired
	EchoFeature echo;

	@Autowired
	RecordingDoor door;

	@Autowired
	Texts texts;

	@Autowired
	TransactionTemplate tx;

	final Actor ada = new Actor(DOOR, "ada");

	static String text(Reply reply) {
		assertThat(reply).isInstanceOf(Reply.Ephemeral.class);
		return ((Reply.Ephemeral) reply).message().fallback();
	}

	static ChannelRef channel(String name) {
		return ChannelRef.channel(DOOR, name + "-" + System.nanoTime());
	}

	static List<String> texts(List<RecordingDoor.Posted> posted) {
		return posted.stream().map(message -> message.message().fallback()).toList();
	}

	@Test
	void aCommandReachesTheFeatureThatRegisteredItsWordWithTheCaller() {
		var where = channel("general");
		var reply = gateway.command(new ChatCommand(ada, where, "/echo", "say hello \"kind world\""));

		assertThat(text(reply)).isEqualTo("Ada Lovelace said: hello kind world");
		var request = echo.commands.get(echo.commands.size() - 1);
		assertThat(request.caller().personId()).isEqualTo("ada");
		assertThat(request.channel()).isEqualTo(where);
		assertThat(request.sub()).isEqualTo("say");
		assertThat(request.args()).containsExactly("hello", "kind world");
	}

	@Test
	void aWordNoFeatureRegistersIsAnsweredWithTheWordsThatExist() {
		var reply = gateway.command(new ChatCommand(ada, channel("general"), "nothing", "at all"));

		// the feature's word, and the kernel's own (/steward deliveries)
		assertThat(text(reply)).isEqualTo(texts.get(Locale.ENGLISH, "kernel.unknown-command", "nothing", "echo, /steward"));
	}

	@Test
	void helpListsTheRegisteredSubcommands() {
		var reply = gateway.command(new ChatCommand(ada, channel("general"), "echo", "help"));

		assertThat(((Reply.Ephemeral) reply).message().blocks()).anySatisfy(block -> assertThat(block)
			.isInstanceOfSatisfying(Block.Text.class, line -> assertThat(line.markdown()).contains("/echo say",
					"/echo post", "/echo refuse")));
	}

	@Test
	void anUnknownPersonIsRefusedPolitelyAndNothingRuns() {
		int before = echo.commands.size();
		var stranger = new Actor(DOOR, "U-STRANGER", Locale.ENGLISH);

		var reply = gateway.command(new ChatCommand(stranger, channel("general"), "echo", "say hi"));

		assertThat(text(reply)).isEqualTo(texts.get(Locale.ENGLISH, "kernel.unknown-person", DOOR, "U-STRANGER"))
			.contains("U-STRANGER");
		assertThat(echo.commands).hasSize(before);
	}

	@Test
	void aButtonReachesItsHandlerWithItsArguments() {
		var reply = gateway.action(new ChatAction(ada, channel("general"), InteractionId.of(new EchoFeature.Click(42)).encode()));

		assertThat(text(reply)).isEqualTo("clicked 42");
		assertThat(echo.clicks.get(echo.clicks.size() - 1).caller().personId()).isEqualTo("ada");
	}

	@Test
	void aMalformedOrUnknownButtonIdGetsTheUnknownActionTextNotAnError() {
		var expected = texts.get(Locale.ENGLISH, "kernel.unknown-action");
		int before = echo.clicks.size();
		for (var id : List.of("echo-click:<script>", "::", "", "echo-click:" + "x".repeat(200), "nobody-here:1",
				"echo-click:forty-two", "echo-click:1:2", "echo-click")) {
			assertThat(text(gateway.action(new ChatAction(ada, channel("general"), id)))).as(id).isEqualTo(expected);
		}
		assertThat(text(gateway.action(new ChatAction(ada, channel("general"), null)))).isEqualTo(expected);
		assertThat(echo.clicks).hasSize(before);
	}

	@Test
	void aMessageQueuedInATransactionIsDeliveredToTheDoorAfterCommit() {
		var where = channel("outbox");
		tx.executeWithoutResult(status -> {
			outbox.toChannel(where, Message.text("written with the change"), null);
			assertThat(door.in(where)).as("nothing goes out before the commit").isEmpty();
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> door.in(where).size() == 1);
		assertThat(texts(door.in(where))).containsExactly("written with the change");
	}

	@Test
	void aMessageToAPersonGoesToTheirIdentityOnTheDoor() {
		var key = "greeting-" + System.nanoTime();
		tx.executeWithoutResult(status -> outbox.toPerson("ada", Message.text("Hello Ada " + key), key));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> texts(door.directTo("ada")).contains("Hello Ada " + key));
	}

	@Test
	void aRolledBackTransactionSendsNothing() {
		var where = channel("rollback");
		tx.executeWithoutResult(status -> {
			outbox.toChannel(where, Message.text("never"), null);
			status.setRollbackOnly();
		});
		tx.executeWithoutResult(status -> outbox.toChannel(where, Message.text("after"), null));

		// a conversation's messages go in order, so once the later one is there the earlier never will be
		await().atMost(Duration.ofSeconds(10)).until(() -> !door.in(where).isEmpty());
		assertThat(texts(door.in(where))).containsExactly("after");
	}

	@Test
	void aRefusingHandlerKeepsNothingOfWhatItWroteAndOnlyTheActorIsTold() {
		var where = channel("refusal");

		var reply = gateway.command(new ChatCommand(ada, where, "echo", "refuse should vanish"));
		gateway.command(new ChatCommand(ada, where, "echo", "post kept"));

		assertThat(text(reply)).isEqualTo("Not today, Ada Lovelace");
		await().atMost(Duration.ofSeconds(10)).until(() -> !door.in(where).isEmpty());
		assertThat(texts(door.in(where))).containsExactly("kept");
	}

}
