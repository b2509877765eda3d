package dev.steward.risk.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalNotes;
import dev.steward.conversation.Texts;
import dev.steward.engagement.EngagementManagement;
import dev.steward.risk.RiskLevel;
import dev.steward.risk.RiskManagement;

/**
 * What approvers of a project application see of its risks before they decide (policy §6.2.1):
 * how many are open and the highest level, and, when a high risk is to be avoided, a recommendation
 * to decline.
 */
@Component
class ApplicationRiskNotes implements ApprovalNotes {

	private final RiskManagement risks;

	private final Texts texts;

	ApplicationRiskNotes(RiskManagement risks, Texts texts) {
		this.risks = risks;
		this.texts = texts;
	}

	@Override
	public List<Note> notes(String type, String subjectId, Locale locale) {
		if (!EngagementManagement.APPLICATION.equals(type)) {
			return List.of();
		}
		var known = risks.ofApplication(Long.parseLong(subjectId));
		var notes = new ArrayList<Note>();
		notes.add(Note.of(texts.get(locale, "risk.approval.label"), known.open() == 0
				? texts.get(locale, "risk.approval.none")
				: texts.get(locale, "risk.approval.open", known.open(), level(locale, known.highest()))));
		if (known.highToAvoid()) {
			notes.add(Note.warning(texts.get(locale, "risk.approval.avoid.label"),
					texts.get(locale, "risk.approval.avoid.text")));
		}
		return notes;
	}

	private String level(Locale locale, RiskLevel level) {
		return texts.get(locale, switch (level) {
			case HIGH -> "risk.approval.level.high";
			case MEDIUM -> "risk.approval.level.medium";
			case LOW -> "risk.approval.level.low";
		});
	}

}
