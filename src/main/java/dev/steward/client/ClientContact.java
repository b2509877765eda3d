package dev.steward.client;

import org.springframework.data.relational.core.mapping.Table;

/**
 * Someone at the client: name, role, e-mail, and, when they are in the workspace or a shared
 * channel, their chat account (a door and the id it knows them by).
 */
@Table("client_contact")
public record ClientContact(String name, String role, String email, String door, String chatId) {

	public ClientContact {
		name = ClientDetails.required(name, "contact-name", 120);
		role = ClientDetails.optional(role, "contact-role", 120);
		email = ClientDetails.optional(email, "contact-email", 200);
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new ClientRefused(ClientRefused.Reason.INVALID, "contact-email");
		}
		door = ClientDetails.optional(door, "contact-door", 20);
		chatId = ClientDetails.optional(chatId, "contact-chat", 100);
		if ((door == null) != (chatId == null)) {
			throw new ClientRefused(ClientRefused.Reason.INVALID, "contact-chat");
		}
	}

}
