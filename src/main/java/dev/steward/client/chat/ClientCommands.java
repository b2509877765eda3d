package dev.steward.client.chat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.client.Client;
import dev.steward.client.ClientContact;
import dev.steward.client.ClientManagement;
import dev.steward.client.ClientName;
import dev.steward.client.ClientRefused;
import dev.steward.client.chat.ClientInteractions.Edit;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.ActionHandler;
import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChatCommands;
import dev.steward.conversation.CommandRequest;
import dev.steward.conversation.CommandSpec;
import dev.steward.conversation.CommandSpec.Option;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Refusal;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;

/**
 * {@code /client add|show|edit|list}: client profiles (客户档案, §5.1). Anyone lists the clients and
 * adds one; a profile's details are shown to its circle only, and every look, or refusal, is
 * recorded (§5.1.2).
 */
@Component
class ClientCommands implements ChatCommands, ActionHandler<Edit> {

	/** Names {@code /client list} shows at most. */
	static final int LISTED = 100;

	private final ClientManagement clients;

	private final ClientForm form;

	private final Texts texts;

	ClientCommands(ClientManagement clients, ClientForm form, Texts texts) {
		this.clients = clients;
		this.form = form;
		this.texts = texts;
	}

	@Override
	public Access access() {
		return Access.of(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN);
	}

	@Override
	public List<CommandSpec> commands() {
		return List.of(new CommandSpec("client", "add", List.of(), "client.add.description", request -> form.add())
					.allow(Who.ANYONE),
				new CommandSpec("client", "show", List.of(Option.required("name", Option.Type.TEXT, "client.option.name")),
						"client.show.description", this::show)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("client", "edit", List.of(Option.required("name", Option.Type.TEXT, "client.option.name")),
						"client.edit.description", this::edit)
					.allow(Who.TEAM, Who.PROJECT_MANAGER, Who.DEPARTMENT_HEAD, Who.MANAGEMENT, Who.ADMIN),
				new CommandSpec("client", "list", List.of(), "client.list.description", this::list)
					.allow(Who.ANYONE));
	}

	private Reply show(CommandRequest request) {
		var caller = request.caller();
		var client = clients.details(caller.personId(), named(caller, request.argText()).id());
		return Reply.say(details(caller, client));
	}

	private Reply edit(CommandRequest request) {
		var caller = request.caller();
		return form.edit(caller, named(caller, request.argText()).id());
	}

	@Override
	public Reply handle(ActionRequest<Edit> request) {
		return form.edit(request.caller(), request.args().client());
	}

	private Reply list(CommandRequest request) {
		var caller = request.caller();
		var all = clients.list();
		if (all.isEmpty()) {
			return Reply.say(texts.get(caller, "client.list.none"));
		}
		var title = texts.get(caller, "client.list.title", all.size());
		var names = new StringBuilder();
		all.stream().limit(LISTED).forEach(client -> names.append("• ").append(client.name()).append('\n'));
		var builder = Message.builder(title).header(title).text(names.toString().strip());
		if (all.size() > LISTED) {
			builder.context(texts.get(caller, "client.list.more", all.size() - LISTED));
		}
		return Reply.say(builder.context(texts.get(caller, "client.list.hint")).build());
	}

	private ClientName named(Caller caller, String name) {
		if (name.isBlank()) {
			throw new Refusal(texts.get(caller, "client.usage"));
		}
		return clients.byName(name).orElseThrow(() -> new ClientRefused(ClientRefused.Reason.UNKNOWN_CLIENT, name.strip()));
	}

	/** A whole profile, for its circle: what the client is, its contacts, and "Edit". */
	Message details(Caller reader, Client client) {
		var details = client.details();
		var title = texts.get(reader, "client.show.title", details.name());
		var builder = Message.builder(title).header(title);
		var fields = new ArrayList<Field>();
		fields.add(new Field(texts.get(reader, "client.field.industry"), orDash(details.industry())));
		fields.add(new Field(texts.get(reader, "client.field.size"), orDash(details.size())));
		builder.fields(fields);
		if (details.scope() != null) {
			builder.fields(List.of(new Field(texts.get(reader, "client.field.scope"), details.scope())));
		}
		if (details.preferences() != null) {
			builder.fields(List.of(new Field(texts.get(reader, "client.field.preferences"), details.preferences())));
		}
		var contacts = new StringBuilder("*" + texts.get(reader, "client.field.contacts") + "*");
		if (details.contacts().isEmpty()) {
			contacts.append("\n").append(texts.get(reader, "client.show.no-contacts"));
		}
		details.contacts().forEach(contact -> contacts.append("\n• ").append(contact(contact)));
		builder.text(contacts.toString());
		builder.context(texts.get(reader, "client.show.confidential"));
		builder.actions(List.of(Button.of(texts.get(reader, "client.button.edit"), InteractionId.of(new Edit(client.id())))));
		return builder.build();
	}

	private static String contact(ClientContact contact) {
		var line = new StringBuilder(contact.name());
		if (contact.role() != null) {
			line.append(" · ").append(contact.role());
		}
		if (contact.email() != null) {
			line.append(" · ").append(contact.email());
		}
		if (contact.chatId() != null) {
			line.append(" · <@").append(contact.chatId()).append('>');
		}
		return line.toString();
	}

	private static String orDash(String value) {
		return value == null || value.isBlank() ? "—" : value;
	}

}
