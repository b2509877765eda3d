package dev.steward.client.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.steward.client.Client;
import dev.steward.client.ClientContact;
import dev.steward.client.ClientDetails;
import dev.steward.client.ClientManagement;
import dev.steward.client.ClientRefused;
import dev.steward.conversation.Access;
import dev.steward.conversation.Access.Who;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.FormHandler;
import dev.steward.conversation.FormSpec;
import dev.steward.conversation.Input;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.client.chat.ClientInteractions.Profile;

/**
 * A client's profile (§5.1.1) as a form of two pages: what the client is, then its contacts, one a
 * line: {@code name | role | e-mail | chat account}. A contact's chat account is a mention or an id
 * on the door the form is filled in on.
 */
@Component
class ClientForm implements FormHandler<Profile> {

	static final String NAME = "name";

	static final String INDUSTRY = "industry";

	static final String SIZE = "size";

	static final String SCOPE = "scope";

	static final String PREFERENCES = "preferences";

	static final String CONTACTS = "contacts";

	/** A mention as Slack ({@code <@U123>}, {@code <@U123|name>}) or Discord ({@code <@123>}) writes it. */
	private static final Pattern MENTION = Pattern.compile("<@!?([A-Za-z0-9]+)(\\|[^>]*)?>");

	private final ClientManagement clients;

	private final Texts texts;

	ClientForm(ClientManagement clients, Texts texts) {
		this.clients = clients;
		this.texts = texts;
	}

	/** The form for a new client. */
	Reply add() {
		return Reply.openForm(Profile.added(), Map.of());
	}

	/** The form filled in with what the profile says now: for the client's circle, as reading it is. */
	Reply edit(Caller caller, long clientId) {
		var details = clients.details(caller.personId(), clientId).details();
		var initial = new LinkedHashMap<String, String>();
		initial.put(NAME, details.name());
		put(initial, INDUSTRY, details.industry());
		put(initial, SIZE, details.size());
		put(initial, SCOPE, details.scope());
		put(initial, PREFERENCES, details.preferences());
		put(initial, CONTACTS, details.contacts().stream().map(ClientForm::line).collect(Collectors.joining("\n")));
		return Reply.openForm(new Profile(clientId), initial);
	}

	private static void put(Map<String, String> values, String key, String value) {
		if (value != null && !value.isBlank()) {
			values.put(key, value);
		}
	}

	/** A contact as the form writes it: {@code Chen Jie | CFO | chen.jie@example.com | <@U07LINMEI>}. */
	static String line(ClientContact contact) {
		var parts = new ArrayList<String>();
		parts.add(contact.name());
		parts.add(contact.role() == null ? "" : contact.role());
		parts.add(contact.email() == null ? "" : contact.email());
		parts.add(contact.chatId() == null ? "" : "<@" + contact.chatId() + ">");
		while (parts.get(parts.size() - 1).isEmpty()) {
			parts.remove(parts.size() - 1);
		}
		var line = new StringBuilder(parts.get(0));
		for (var part : parts.subList(1, parts.size())) {
			line.append(" |").append(part.isEmpty() ? "" : " " + part);
		}
		return line.toString();
	}

	@Override
	public Access access() {
		return Access.of(Who.ANYONE);
	}

	@Override
	public FormSpec spec(Caller caller, Profile args) {
		var title = texts.get(caller, args.isNew() ? "client.form.title.add" : "client.form.title.edit");
		var first = List.of(Input.shortText(NAME, texts.get(caller, "client.field.name"), true, ClientDetails.NAME),
				Input.shortText(INDUSTRY, texts.get(caller, "client.field.industry"), false, ClientDetails.INDUSTRY),
				Input.shortText(SIZE, texts.get(caller, "client.field.size"), false, ClientDetails.SIZE),
				Input.longText(SCOPE, texts.get(caller, "client.field.scope"), false, ClientDetails.TEXT),
				Input.longText(PREFERENCES, texts.get(caller, "client.field.preferences"), false, ClientDetails.TEXT));
		var second = List.of(Input.longText(CONTACTS, texts.get(caller, "client.field.contacts"), false, 3000));
		return new FormSpec(title, texts.get(caller, "client.form.submit"),
				List.of(new FormSpec.Page(texts.get(caller, "client.form.page.profile"), first),
						new FormSpec.Page(texts.get(caller, "client.form.page.contacts"), second)));
	}

	@Override
	public Reply submit(FormRequest<Profile> request) {
		var caller = request.caller();
		var contacts = new ArrayList<ClientContact>();
		var lines = request.value(CONTACTS).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		for (int n = 0; n < lines.size(); n++) {
			try {
				contacts.add(contact(lines.get(n), request.channel()));
			}
			catch (ClientRefused refused) {
				return Reply.errors(Map.of(CONTACTS,
						texts.get(caller, "client.form.contact-invalid", n + 1, texts.get(caller, fieldKey(refused.detail())))));
			}
		}
		if (contacts.size() > 20) {
			return Reply.errors(Map.of(CONTACTS, texts.get(caller, "client.form.too-many-contacts", 20)));
		}
		ClientDetails details;
		try {
			details = new ClientDetails(request.value(NAME), request.value(INDUSTRY), request.value(SIZE),
					request.value(SCOPE), request.value(PREFERENCES), contacts);
		}
		catch (ClientRefused refused) {
			// the inputs' own limits are the profile's, so only a name of nothing but spaces gets here
			return Reply.errors(Map.of(NAME, texts.get(caller, "client.form.name-required")));
		}
		Client client;
		try {
			client = request.args().isNew() ? clients.add(caller.personId(), details)
					: clients.edit(caller.personId(), request.args().client(), details);
		}
		catch (ClientRefused refused) {
			if (refused.reason() == ClientRefused.Reason.DUPLICATE_NAME) {
				return Reply.errors(Map.of(NAME, texts.get(caller, "client.refused.duplicate", refused.detail())));
			}
			throw refused;
		}
		return Reply.say(texts.get(caller, request.args().isNew() ? "client.added" : "client.changed", client.name(),
				contacts.size()));
	}

	/** One line of contacts: {@code name | role | e-mail | chat account}, the last three optional. */
	static ClientContact contact(String line, ChannelRef channel) {
		var parts = line.split("\\|", -1);
		if (parts.length > 4) {
			throw new ClientRefused(ClientRefused.Reason.INVALID, "contact-line");
		}
		String chat = parts.length > 3 ? parts[3].strip() : "";
		var mention = MENTION.matcher(chat);
		if (mention.matches()) {
			chat = mention.group(1);
		}
		else if (!chat.isEmpty() && !chat.matches("[A-Za-z0-9]{1,100}")) {
			throw new ClientRefused(ClientRefused.Reason.INVALID, "contact-chat");
		}
		var door = chat.isEmpty() || channel == null ? null : channel.door();
		return new ClientContact(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null, door,
				chat.isEmpty() ? null : chat);
	}

	/** What to say of a contact's field a refusal names by its id. */
	private static String fieldKey(String detail) {
		if (detail == null) {
			return "client.form.contact-field.line";
		}
		return switch (detail) {
			case "contact-name" -> "client.form.contact-field.name";
			case "contact-role" -> "client.form.contact-field.role";
			case "contact-email" -> "client.form.contact-field.email";
			case "contact-chat" -> "client.form.contact-field.chat";
			default -> "client.form.contact-field.line";
		};
	}

}
