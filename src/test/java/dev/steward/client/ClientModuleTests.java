package dev.steward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.client.ClientEvents.ClientAdded;
import dev.steward.client.ClientEvents.ClientChanged;
import dev.steward.client.ClientRefused.Reason;

/**
 * Client profiles with what they depend on (the directory), a client's circle told by a stand-in
 * for the projects: a profile's name for anyone, its details for the circle, management and
 * admins only (§5.1.2), every look and refusal recorded.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class ClientModuleTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class Circles {

		/** Who works for which client, as the projects would say. */
		@Bean
		StandInCircle standInCircle() {
			return new StandInCircle();
		}

	}

	static class StandInCircle implements ClientCircle {

		final Map<Long, Set<String>> people = new ConcurrentHashMap<>();

		@Override
		public boolean includes(long clientId, String personId) {
			return people.getOrDefault(clientId, Set.of()).contains(personId);
		}

	}

	@Autowired
	ClientManagement clients;

	@Autowired
	StandInCircle circle;

	static ClientDetails details(String name) {
		return new ClientDetails(name, "Banking", "5,000 staff", "Retail banking in the Yangtze delta",
				"Prefers written minutes; no calls before 10:00",
				List.of(new ClientContact("Chen Jie", "CFO", "chen.jie@example.com", null, null),
						new ClientContact("Lin Mei", "Project sponsor", null, "slack", "U07LINMEI")));
	}

	@Test
	void aClientIsAddedOnceWhateverTheCaseOfItsName(Scenario scenario) {
		var name = "Acme Bank " + System.nanoTime();
		scenario.stimulate(() -> clients.add("zhang.wei", details(name)))
			.andWaitForEventOfType(ClientAdded.class)
			.toArriveAndVerify(added -> {
				assertThat(added.name()).isEqualTo(name);
				assertThat(added.actorId()).isEqualTo("zhang.wei");
			});
		assertThatThrownBy(() -> clients.add("emma.wilson", details("  " + name.toUpperCase() + " ")))
			.isInstanceOfSatisfying(ClientRefused.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.DUPLICATE_NAME);
				assertThat(refused.detail()).isEqualTo(name.toUpperCase());
			});
		// an application's free text finds the profile, trimmed and whatever its case
		var named = clients.named(" " + name.toLowerCase() + "  ", "emma.wilson");
		assertThat(named.name()).isEqualTo(name);
		assertThat(clients.byName(name.toUpperCase())).contains(named);
		assertThat(clients.list()).contains(named);
	}

	@Test
	void aNameNotYetKnownBecomesAProfileWithOnlyItsName() {
		var name = "Globex " + System.nanoTime();
		var named = clients.named(name, "zhang.wei");
		assertThat(clients.name(named.id())).contains(name);
		var profile = clients.details("wang.fang", named.id());
		assertThat(profile.details()).isEqualTo(ClientDetails.named(name));
		assertThat(profile.createdBy()).isEqualTo("zhang.wei");
	}

	@Test
	void aChatAccountOnAProfileIsKnownAsThatClientsContact() {
		var chatId = "U" + System.nanoTime();
		var client = clients.add("zhang.wei", new ClientDetails("Initech " + chatId, null, null, null, null,
				List.of(new ClientContact("Peter Gibbons", null, "peter@example.com", null, null),
						new ClientContact("Joanna", "Sponsor", "joanna@example.com", "slack", chatId))));
		assertThat(clients.contactOn("slack", chatId))
			.containsExactly(new ContactAccount(client.id(), client.name(), 1, "Joanna", "joanna@example.com"));
		// the same id on another platform is someone else, and nobody asks for nothing
		assertThat(clients.contactOn("discord", chatId)).isEmpty();
		assertThat(clients.contactOn("slack", null)).isEmpty();
		assertThat(clients.contactsOf(client.id())).extracting(ClientContact::name)
			.containsExactly("Peter Gibbons", "Joanna");
	}

	/** Who may read a profile's details: table-driven over the roles of the demo directory. */
	@Test
	void detailsAreForTheClientsCircleManagementAndAdminsAndEveryLookIsRecorded() {
		var client = clients.add("zhang.wei", details("Confidential Co " + System.nanoTime()));
		circle.people.put(client.id(), Set.of("emma.wilson", "li.na"));
		var table = new java.util.LinkedHashMap<String, Boolean>();
		table.put("emma.wilson", true); // on one of the client's projects
		table.put("li.na", true); // heads the department of one
		table.put("wang.fang", true); // management
		table.put("david.miller", true); // management
		table.put("admin", true); // an admin
		table.put("zhang.wei", false); // added the profile, but works on none of its projects
		table.put("liu.yang", false); // HR
		table.forEach((person, allowed) -> {
			assertThat(clients.mayReadDetails(client.id(), person)).as(person).isEqualTo(allowed);
			if (allowed) {
				assertThat(clients.details(person, client.id()).details().contacts()).as(person).hasSize(2);
			}
			else {
				assertThatThrownBy(() -> clients.details(person, client.id())).as(person)
					.isInstanceOfSatisfying(ClientRefused.class,
							refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_IN_CIRCLE));
				assertThatThrownBy(() -> clients.edit(person, client.id(), details("Renamed " + System.nanoTime())))
					.as(person)
					.isInstanceOf(ClientRefused.class);
			}
		});
		var log = clients.accessLog("admin", client.id());
		// newest first: each refused person tried twice (a look and an edit), each allowed one looked once
		assertThat(log).filteredOn(access -> !access.granted())
			.extracting(ClientManagement.Access::personId)
			.containsExactly("liu.yang", "liu.yang", "zhang.wei", "zhang.wei");
		assertThat(log).filteredOn(ClientManagement.Access::granted)
			.extracting(ClientManagement.Access::personId)
			.containsExactly("admin", "david.miller", "wang.fang", "li.na", "emma.wilson");
		// a refused edit changed nothing
		assertThat(clients.details("admin", client.id()).details()).isEqualTo(client.details());
		assertThatThrownBy(() -> clients.accessLog("emma.wilson", client.id())).isInstanceOf(ClientRefused.class);
	}

	@Test
	void theCircleMayChangeAProfileAndItsNameStaysUnique(Scenario scenario) {
		var client = clients.add("zhang.wei", details("Initech " + System.nanoTime()));
		var other = clients.add("zhang.wei", details("Umbrella " + System.nanoTime()));
		circle.people.put(client.id(), Set.of("emma.wilson"));
		var renamed = "Initech Asia " + System.nanoTime();
		scenario.stimulate(() -> clients.edit("emma.wilson", client.id(), details(renamed)))
			.andWaitForEventOfType(ClientChanged.class)
			.toArriveAndVerify(changed -> assertThat(changed.name()).isEqualTo(renamed));
		assertThat(clients.name(client.id())).contains(renamed);
		assertThatThrownBy(() -> clients.edit("emma.wilson", client.id(), details(other.name().toLowerCase())))
			.isInstanceOfSatisfying(ClientRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.DUPLICATE_NAME));
		assertThatThrownBy(() -> clients.details("wang.fang", -1))
			.isInstanceOfSatisfying(ClientRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_CLIENT));
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
		var before = clients.list().size();
		assertThatThrownBy(() -> clients.add("zhang.wei", details("  ")))
			.isInstanceOfSatisfying(ClientRefused.class, refused -> assertThat(refused.detail()).isEqualTo("name"));
		assertThatThrownBy(() -> clients.add("zhang.wei", details("x".repeat(121))))
			.isInstanceOfSatisfying(ClientRefused.class, refused -> assertThat(refused.detail()).isEqualTo("name"));
		assertThatThrownBy(() -> new ClientContact("Chen Jie", null, "not an address", null, null))
			.isInstanceOfSatisfying(ClientRefused.class,
					refused -> assertThat(refused.detail()).isEqualTo("contact-email"));
		assertThatThrownBy(() -> new ClientContact("Chen Jie", null, null, "slack", null))
			.isInstanceOfSatisfying(ClientRefused.class,
					refused -> assertThat(refused.detail()).isEqualTo("contact-chat"));
		assertThat(clients.list()).hasSize(before);
	}

}
