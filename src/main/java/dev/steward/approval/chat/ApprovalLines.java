package dev.steward.approval.chat;

import java.util.Arrays;

import org.springframework.stereotype.Component;

import dev.steward.approval.ApprovalEntry;
import dev.steward.approval.ApprovalRequest;
import dev.steward.approval.ApprovalStatus;
import dev.steward.conversation.Caller;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;

/**
 * How a request and its audit trail read in chat, one line each: for {@code /approvals mine}
 * here, and for other modules that show their requests (e.g. {@code /project show}).
 */
@Component
public class ApprovalLines {

	private final DirectoryManagement directory;

	private final Texts texts;

	ApprovalLines(DirectoryManagement directory, Texts texts) {
		this.directory = directory;
		this.texts = texts;
	}

	/** "#12 *Title*: in review · with Li Na (department head review)". */
	public String status(ApprovalRequest request, Caller reader) {
		var status = texts.get(reader, switch (request.status()) {
			case IN_REVIEW -> "approval.status.in_review";
			case CHANGES_REQUESTED -> "approval.status.changes_requested";
			case APPROVED -> "approval.status.approved";
			case REJECTED -> "approval.status.rejected";
			case WITHDRAWN -> "approval.status.withdrawn";
		});
		var line = new StringBuilder("#" + request.id() + " *" + request.title() + "*: " + status);
		if (request.status() == ApprovalStatus.IN_REVIEW) {
			line.append(" · ").append(texts.get(reader, "approval.list.with",
					String.join(", ", request.current().approvers().stream().map(directory::name).toList()),
					step(reader, request.current().name())));
		}
		return line.toString();
	}

	/** "2026-11-27 14:03 (Asia/Shanghai) · Li Na approved (department head review)". */
	public String history(ApprovalEntry entry, Caller reader) {
		var line = new StringBuilder(texts.when(reader, entry.at())).append(" · ")
			.append(texts.get(reader, historyKey(entry.action()), actor(entry, reader),
					entry.stepName() == null ? "" : step(reader, entry.stepName())));
		if (entry.asAdmin()) {
			line.append(' ').append(texts.get(reader, "approval.history.as-admin"));
		}
		if (entry.comment() != null && entry.action() == ApprovalEntry.Action.ESCALATED) {
			line.append(": ").append(String.join(", ",
					Arrays.stream(entry.comment().split(",")).map(directory::name).toList()));
		}
		else if (entry.comment() != null) {
			line.append(": _").append(entry.comment()).append('_');
		}
		return line.toString();
	}

	/** Who acted: "Wang Fang", or "Chen Jie for Li Na" when a delegate decided. */
	String actor(ApprovalEntry entry, Caller reader) {
		return entry.onBehalfOf() == null ? directory.name(entry.actorId())
				: texts.get(reader, "approval.outcome.for", directory.name(entry.actorId()),
						directory.name(entry.onBehalfOf()));
	}

	private static String historyKey(ApprovalEntry.Action action) {
		return switch (action) {
			case SUBMITTED -> "approval.history.submitted";
			case APPROVED -> "approval.history.approved";
			case REJECTED -> "approval.history.rejected";
			case CHANGES_REQUESTED -> "approval.history.changes_requested";
			case RESUBMITTED -> "approval.history.resubmitted";
			case WITHDRAWN -> "approval.history.withdrawn";
			case REMINDED -> "approval.history.reminded";
			case ESCALATED -> "approval.history.escalated";
		};
	}

	/** A step's words; a step configuration added before its words shows its own name. */
	String step(Caller reader, String step) {
		return texts.named(reader.locale(), "approval.step." + step, step);
	}

}
