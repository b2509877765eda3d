package dev.steward.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.conversation.Reply;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;

/**
 * Client profiles in chat, driven through the kernel as a door drives it: the form with its inline
 * errors, a name taken whatever its case, the list anyone may read, the profile refused outside the
 * client's circle (and the refusal recorded), shown to management in their language, and changed
 * from its "Edit" button.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestDoorConfiguration.class)
class ClientChatFlowTests {

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	ClientManagement clients;

	static Map<String, String> profile(String name, String contacts) {
		var values = new HashMap<String, String>();
		values.put("name", name);
		values.put("industry", "Banking");
		values.put("size", "5,000 staff");
		values.put("scope", "Retail banking in the Yangtze delta");
		values.put("preferences", "Written minutes; no calls before 10:00");
		values.put("contacts", contacts);
		return values;
	}

	@Test
	void addListShowRefuseAndEditInChat() {
		var emma = new Chat(gateway, door, "emma.wilson", "consulting");
		var sun = new Chat(gateway, door, "sun.li", "consulting");
		var wang = new Chat(gateway, door, "wang.fang", "general");
		var name = "Acme Bank " + System.nanoTime();

		// a contact line that is not one, said beside the contacts: nothing saved
		var refused = emma.fill(emma.command("/client add"),
				profile(name, "Chen Jie | CFO | chen.jie@example.com\nLin Mei | Sponsor | not-an-address"));
		assertThat(refused).isInstanceOfSatisfying(Reply.FormErrors.class,
				errors -> assertThat(errors.errors()).containsEntry("contacts",
						"Line 2: the e-mail is not an address (name@example.com)."));
		assertThat(clients.byName(name)).isEmpty();

		var added = emma.fill(emma.command("/client add"),
				profile(name, "Chen Jie | CFO | chen.jie@example.com\n\nLin Mei | Sponsor | | <@U07LINMEI>"));
		assertThat(Chat.text(added)).contains("Client “" + name + "” added, with 2 contacts.");
		var client = clients.byName(name).orElseThrow();
		var stored = clients.details("admin", client.id()).details();
		assertThat(stored.contacts()).containsExactly(
				new ClientContact("Chen Jie", "CFO", "chen.jie@example.com", null, null),
				new ClientContact("Lin Mei", "Sponsor", null, RecordingDoor.NAME, "U07LINMEI"));

		// a second client of the same name, whatever its case: the form goes back to the name's page,
		// and says so beside it
		var twice = sun.fill(sun.command("/client add"), profile("  " + name.toUpperCase(), ""));
		assertThat(twice).isInstanceOfSatisfying(Reply.ShowForm.class, back -> {
			assertThat(back.view().page()).isZero();
			assertThat(back.view().errors()).containsEntry("name",
					"There is already a client named “" + name.toUpperCase() + "” (names match whatever their case).");
		});

		// anyone reads the names
		assertThat(Chat.text(sun.command("/client list"))).contains("• " + name);

		// the details are for the circle: Sun Li works on none of its projects
		var outside = Chat.text(sun.command("/client show " + name.toLowerCase()));
		assertThat(outside).contains("confidential").contains("recorded").doesNotContain("Chen Jie");
		assertThat(Chat.text(sun.command("/client show Nobody " + System.nanoTime()))).contains("There is no client");

		// management reads it, in Chinese, and changes it from its button
		var shown = ((Reply.Ephemeral) wang.command("/client show " + name)).message();
		assertThat(Chat.text(shown)).contains("客户：" + name).contains("行业: Banking")
			.contains("Chen Jie · CFO · chen.jie@example.com").contains("Lin Mei · Sponsor · <@U07LINMEI>")
			.contains("保密信息");
		var form = wang.click(shown, "编辑");
		assertThat(form).isInstanceOfSatisfying(Reply.ShowForm.class,
				opened -> assertThat(opened.view().value("contacts"))
					.isEqualTo("Chen Jie | CFO | chen.jie@example.com\nLin Mei | Sponsor | | <@U07LINMEI>"));
		var values = profile(name, "Chen Jie | CFO | chen.jie@example.com");
		values.put("industry", "Banking and insurance");
		assertThat(Chat.text(wang.fill(form, values))).contains("已保存客户“" + name + "”，联系人 1 位。");
		assertThat(clients.details("admin", client.id()).details().industry()).isEqualTo("Banking and insurance");

		// and the log says who looked, and who was refused
		assertThat(clients.accessLog("admin", client.id()))
			.extracting(access -> access.personId() + (access.granted() ? " read" : " refused"))
			.contains("sun.li refused", "wang.fang read");
	}

}
