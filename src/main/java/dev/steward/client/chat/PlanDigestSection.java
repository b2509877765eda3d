package dev.steward.client.chat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.steward.client.PlanManagement;
import dev.steward.digest.DigestSection;
import dev.steward.digest.DigestSections;
import dev.steward.digest.ProjectWeek;
import dev.steward.digest.Reader;
import dev.steward.directory.DirectoryManagement;
import dev.steward.conversation.Texts;

/**
 * "Contacts overdue" in the project manager's weekly digest (§5.2.2): the project's plans, and its
 * client's own, whose contact is overdue by more than the plan's frequency, each only if the reader
 * may read it.
 */
@Component
class PlanDigestSection implements DigestSections {

	/** Plans the section names at most; the rest are counted. */
	static final int LISTED = 10;

	private final PlanManagement plans;

	private final PlanViews views;

	private final DirectoryManagement directory;

	private final Texts texts;

	PlanDigestSection(PlanManagement plans, PlanViews views, DirectoryManagement directory, Texts texts) {
		this.plans = plans;
		this.views = views;
		this.directory = directory;
		this.texts = texts;
	}

	@Override
	public Optional<DigestSection> section(ProjectWeek week, Reader reader) {
		var overdue = plans.overdue(week.projectId(), week.clientId(), week.at())
			.stream()
			.filter(plan -> plans.mayRead(plan, reader.personId()))
			.toList();
		if (overdue.isEmpty()) {
			return Optional.empty();
		}
		var locale = reader.locale();
		var lines = new ArrayList<String>();
		overdue.stream().limit(LISTED).forEach(plan -> {
			var last = plan.lastContactAt() == null ? texts.get(locale, "client.plan.never")
					: LocalDate.ofInstant(plan.lastContactAt(), reader.zone()).toString();
			lines.add(texts.get(locale, "client.plan.digest.line", String.valueOf(plan.id()), plan.goal(),
					views.where(locale, plans.scopeOf(plan)), views.channel(locale, plan.channel()),
					directory.name(plan.ownerId()), plan.nextDue().toString(), last));
		});
		if (overdue.size() > LISTED) {
			lines.add(texts.get(locale, "client.plan.digest.more", overdue.size() - LISTED));
		}
		return Optional.of(new DigestSection(texts.get(locale, "client.plan.digest.title", overdue.size()), lines));
	}

}
