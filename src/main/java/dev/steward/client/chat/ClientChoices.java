package dev.steward.client.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.client.ClientManagement;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChoiceSource;
import dev.steward.conversation.Input;
import dev.steward.conversation.Texts;

/**
 * The firm's clients for a searchable input ({@code clients}): their names, which anyone may read,
 * and, for what is typed that names no client yet, a new client of that name (the application
 * form's client, §5.1: picked, or made). A value is the client's name as its profile spells it.
 */
@Component
class ClientChoices implements ChoiceSource {

	static final String NAME = "clients";

	/** The longest client name (the profile's limit). */
	static final int LONGEST = dev.steward.client.ClientDetails.NAME;

	private final ClientManagement clients;

	private final Texts texts;

	ClientChoices(ClientManagement clients, Texts texts) {
		this.clients = clients;
		this.texts = texts;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Input.Choice> search(Caller caller, String query, int limit) {
		var typed = query == null ? "" : query.strip();
		var key = typed.toLowerCase(Locale.ROOT);
		var found = new ArrayList<Input.Choice>();
		if (!typed.isEmpty() && typed.length() <= LONGEST && clients.byName(typed).isEmpty()) {
			found.add(added(caller, typed));
		}
		clients.list()
			.stream()
			.filter(client -> client.name().toLowerCase(Locale.ROOT).contains(key))
			// names that begin with what is typed first, then the rest, each by name
			.sorted(Comparator.comparing(client -> !client.name().toLowerCase(Locale.ROOT).startsWith(key)))
			.limit(Math.max(0, limit - found.size()))
			.forEach(client -> found.add(new Input.Choice(client.name(), client.name())));
		return found;
	}

	@Override
	public Optional<Input.Choice> find(Caller caller, String value) {
		var typed = value == null ? "" : value.strip();
		if (typed.isEmpty() || typed.length() > LONGEST) {
			return Optional.empty();
		}
		return clients.byName(typed)
			.map(client -> new Input.Choice(client.name(), client.name()))
			.or(() -> Optional.of(added(caller, typed)));
	}

	private Input.Choice added(Caller caller, String name) {
		return new Input.Choice(name, texts.get(caller, "client.choice.new", name));
	}

}
