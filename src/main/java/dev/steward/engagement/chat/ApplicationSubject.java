package dev.steward.engagement.chat;

import java.util.ArrayList;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalSubject;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.engagement.ApplicationDetails;
import dev.steward.engagement.EngagementManagement;

/** Tells approvers what a project application says, and what changed at its last revision. */
@Component
class ApplicationSubject implements ApprovalSubject {

	/** Longest value a card shows of one long field; the full text is in /project show. */
	static final int CARD_TEXT = 300;

	private final EngagementManagement engagements;

	private final DirectoryManagement directory;

	private final Texts texts;

	ApplicationSubject(EngagementManagement engagements, DirectoryManagement directory, Texts texts) {
		this.engagements = engagements;
		this.directory = directory;
		this.texts = texts;
	}

	@Override
	public String type() {
		return EngagementManagement.APPLICATION;
	}

	@Override
	public String editAction() {
		return EditAction.NAME;
	}

	@Override
	public Summary describe(String subjectId, Locale locale) {
		var application = engagements.application(Long.parseLong(subjectId)).orElseThrow();
		var details = application.details();
		var items = new ArrayList<Item>();
		var shown = display(details, locale);
		shown.forEach((field, value) -> {
			if (!field.equals("title")) {
				items.add(new Item(texts.get(locale, FieldLabels.key(field)), shorten(value)));
			}
		});
		var changes = new ArrayList<Change>();
		engagements.previousDetails(application).ifPresent(before -> {
			var then = display(before, locale);
			details.changedFrom(before).forEach(field -> changes.add(new Change(
					texts.get(locale, FieldLabels.key(field)), then.get(field), shown.get(field))));
		});
		return new Summary(details.title(), items, changes);
	}

	/** Every field as a reader sees it: names instead of ids. */
	java.util.Map<String, String> display(ApplicationDetails details, Locale locale) {
		var map = details.asMap();
		map.put("departmentId", directory.departmentName(details.departmentId(), locale));
		map.put("managerId", directory.name(details.managerId()));
		return map;
	}

	static String shorten(String value) {
		return value == null || value.length() <= CARD_TEXT ? value : value.substring(0, CARD_TEXT - 1) + "…";
	}

}
