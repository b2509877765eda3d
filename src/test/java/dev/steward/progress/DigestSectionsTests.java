package dev.steward.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.approval.ApprovalManagement;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.digest.DigestSection;
import dev.steward.digest.DigestSections;
import dev.steward.digest.ProjectWeek;
import dev.steward.digest.Reader;
import dev.steward.engagement.EngagementManagement;
import dev.steward.engagement.Home;
import dev.steward.support.ApprovedProjects;
import dev.steward.support.Chat;
import dev.steward.support.RecordingDoor;
import dev.steward.support.TestDoorConfiguration;

/**
 * The weekly digest renders what other modules contribute (a stand-in section here): asked for the
 * project's week, written for each reader in their language, in the project manager's digest and
 * in the copies sent on to the department head and management.
 */
@SpringBootTest(properties = "steward.default-time-zone=Asia/Shanghai")
@ActiveProfiles("test")
@Import({ TestDoorConfiguration.class, DigestSectionsTests.StandIn.class })
class DigestSectionsTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class StandIn {

		@Bean
		Asked asked() {
			return new Asked();
		}

	}

	/** A contributed section that says who it was written for, and remembers what it was asked. */
	static class Asked implements DigestSections {

		final List<ProjectWeek> weeks = new CopyOnWriteArrayList<>();

		final List<Reader> readers = new CopyOnWriteArrayList<>();

		@Override
		public Optional<DigestSection> section(ProjectWeek week, Reader reader) {
			weeks.add(week);
			readers.add(reader);
			var chinese = reader.locale().getLanguage().equals(Locale.CHINESE.getLanguage());
			return Optional.of(new DigestSection(chinese ? "替身章节" : "Stand-in section",
					List.of("• " + week.code() + " · " + reader.personId())));
		}

	}

	@Autowired
	ChatGateway gateway;

	@Autowired
	RecordingDoor door;

	@Autowired
	EngagementManagement engagements;

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	ProgressManagement progress;

	@Autowired
	Asked asked;

	@Test
	void theDigestRendersAContributedSectionForEachReader() {
		var project = ApprovedProjects.approved(engagements, approvals, "Sections " + System.nanoTime(),
				new Home(RecordingDoor.NAME, "sections", false), "sun.li");
		var zhang = new Chat(gateway, door, "zhang.wei", "sections");
		var david = new Chat(gateway, door, "david.miller", "sections");
		progress.prompt(project.id(), ZoneId.of("Asia/Shanghai"), Instant.now());
		progress.close(project.id());

		var digest = Chat.text(zhang.awaitDirect("每周汇总 " + project.code()));
		assertThat(digest).contains("*替身章节*\n• " + project.code() + " · zhang.wei");
		var week = asked.weeks.stream().filter(asking -> asking.projectId() == project.id()).findFirst().orElseThrow();
		assertThat(week.code()).isEqualTo(project.code());
		assertThat(week.clientId()).isEqualTo(project.clientId());
		assertThat(week.week()).isEqualTo(progress.currentCycle(project.id()).orElseThrow().week());

		var cycle = progress.currentCycle(project.id()).orElseThrow();
		progress.forward(cycle.id(), "zhang.wei", null);
		assertThat(Chat.text(david.awaitDirect("Weekly digest " + project.code())))
			.contains("*Stand-in section*\n• " + project.code() + " · david.miller");
		assertThat(asked.readers).anyMatch(reader -> reader.personId().equals("david.miller")
				&& reader.zone().equals(ZoneId.of("America/New_York")));
	}

}
