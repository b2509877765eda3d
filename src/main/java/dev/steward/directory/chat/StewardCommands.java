package dev.steward.directory.chat;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.Message;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.directory.Role;

/** {@code /steward whoami}: who you are to the bot. */
@Component
class StewardCommands implements ChatCommands {

	private final DirectoryManagement directory;

	private final Texts texts;

	StewardCommands(DirectoryManagement directory, Texts texts) {
		this.directory = directory;
		this.texts = texts;
	}

	@Override
	public List<CommandSpec> commands() {
		return List.of(new CommandSpec("steward", "whoami", "steward.whoami.description", this::whoami)
					.allow(Who.ANYONE));
	}

	private Reply whoami(CommandRequest request) {
		var caller = request.caller();
		var person = directory.person(caller.personId()).orElseThrow();
		var locale = caller.locale();
		var roles = person.roles().stream().sorted().map(role -> texts.get(locale, roleKey(role)))
			.collect(Collectors.joining(", "));
		var heads = directory.departments().stream().filter(d -> person.id().equals(d.headId()))
			.map(d -> d.name(locale)).collect(Collectors.joining(", "));
		var identities = new StringBuilder();
		if (person.slackId() != null) {
			identities.append("Slack `").append(person.slackId()).append("` ");
		}
		if (person.discordId() != null) {
			identities.append("Discord `").append(person.discordId()).append('`');
		}
		var fields = new java.util.ArrayList<>(List.of(
				new Field(texts.get(locale, "steward.whoami.department"),
						person.departmentId() == null ? "—" : directory.departmentName(person.departmentId(), locale)),
				new Field(texts.get(locale, "steward.whoami.roles"), roles),
				new Field(texts.get(locale, "steward.whoami.language"),
						texts.get(locale, "zh".equals(locale.getLanguage()) ? "language.zh-CN" : "language.en")),
				new Field(texts.get(locale, "steward.whoami.zone"), caller.zone().getId())));
		if (person.has(Role.DEPARTMENT_HEAD) || !heads.isEmpty()) {
			fields.add(new Field(texts.get(locale, "steward.whoami.heads"), heads.isEmpty() ? "—" : heads));
		}
		if (!identities.isEmpty()) {
			fields.add(new Field(texts.get(locale, "steward.whoami.identities"), identities.toString().strip()));
		}
		return Reply.say(Message.builder(texts.get(locale, "steward.whoami.title", person.name()))
			.header(texts.get(locale, "steward.whoami.title", person.name()))
			.fields(fields)
			.context(texts.get(locale, "steward.whoami.footer", person.id()))
			.build());
	}

	static String roleKey(dev.steward.directory.Role role) {
		return switch (role) {
			case MEMBER -> "role.member";
			case PROJECT_MANAGER -> "role.project-manager";
			case DEPARTMENT_HEAD -> "role.department-head";
			case MANAGEMENT -> "role.management";
			case HR -> "role.hr";
			case ADMIN -> "role.admin";
		};
	}

}
