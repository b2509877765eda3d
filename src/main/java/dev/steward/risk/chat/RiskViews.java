package dev.steward.risk.chat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.steward.conversation.Block.Field;
import dev.steward.conversation.Button;
import dev.steward.conversation.Caller;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Texts;
import dev.steward.directory.DirectoryManagement;
import dev.steward.risk.Risk;
import dev.steward.risk.RiskEntry;
import dev.steward.risk.RiskLevel;
import dev.steward.risk.RiskLine;
import dev.steward.risk.RiskManagement;
import dev.steward.risk.Strategy;
import dev.steward.risk.chat.RiskInteractions.Answer;
import dev.steward.risk.chat.RiskInteractions.Review;

/** Writes risks for one reader: a line, a whole risk with its history, a review row. */
@Component
class RiskViews {

	private final RiskManagement risks;

	private final DirectoryManagement directory;

	private final Texts texts;

	RiskViews(RiskManagement risks, DirectoryManagement directory, Texts texts) {
		this.risks = risks;
		this.directory = directory;
		this.texts = texts;
	}

	String level(Caller reader, RiskLevel level) {
		return switch (level) {
			case HIGH -> texts.get(reader, "risk.level.high");
			case MEDIUM -> texts.get(reader, "risk.level.medium");
			case LOW -> texts.get(reader, "risk.level.low");
		};
	}

	/** The level with its badge: 🔴 high. */
	String badge(Caller reader, RiskLevel level) {
		var dot = switch (level) {
			case HIGH -> "🔴";
			case MEDIUM -> "🟠";
			case LOW -> "🟢";
		};
		return dot + " " + level(reader, level);
	}

	String strategy(Caller reader, Strategy strategy) {
		return switch (strategy) {
			case AVOID -> texts.get(reader, "risk.strategy.avoid");
			case REDUCE -> texts.get(reader, "risk.strategy.reduce");
			case TRANSFER -> texts.get(reader, "risk.strategy.transfer");
			case ACCEPT -> texts.get(reader, "risk.strategy.accept");
		};
	}

	String strategies(Caller reader, List<Strategy> strategies) {
		return strategies.stream().map(s -> strategy(reader, s)).collect(Collectors.joining(" / "));
	}

	String category(Caller reader, String id) {
		return texts.named(reader.locale(), "risk.category." + id, id);
	}

	/** Where a risk belongs, as people read it: a project code, an application, or the firm. */
	String where(Caller reader, RiskLine risk) {
		if (risk.projectId() != null) {
			return risks.projectCode(risk.projectId()).orElse("—");
		}
		if (risk.applicationId() != null) {
			return texts.get(reader, "risk.where.application", risk.applicationId());
		}
		return texts.get(reader, "risk.where.firm");
	}

	/** L4×I5=20. */
	static String score(RiskLine risk) {
		return "L" + risk.likelihood() + "×I" + risk.impact() + "=" + risk.score();
	}

	String date(Caller reader, LocalDate date) {
		return date == null ? "—" : date.toString();
	}

	/** One line: 🔴 *#12 Title* · P-2026-001 · L4×I5=20 · reduce · Owner. */
	String line(Caller reader, RiskLine risk) {
		var line = new StringBuilder(badge(reader, risk.level())).append(" *#").append(risk.id()).append(' ')
			.append(risk.title()).append("* · ").append(where(reader, risk)).append(" · ").append(score(risk))
			.append(" · ").append(strategy(reader, risk.strategy())).append(" · ").append(directory.name(risk.ownerId()));
		if (!risk.open()) {
			line.append(" · ").append(texts.get(reader, "risk.status.closed"));
		}
		else if (risk.nextReview() != null) {
			line.append(" · ").append(texts.get(reader, "risk.line.next-review", date(reader, risk.nextReview())));
		}
		return line.toString();
	}

	/** A whole risk: what it is, its assessment, answer, owner, and every entry of its history. */
	Message details(Caller reader, Risk risk, boolean withButtons) {
		var title = texts.get(reader, "risk.show.title", risk.id(), risk.title());
		var builder = Message.builder(title).header(title);
		if (risk.description() != null && !risk.description().isBlank()) {
			builder.text(risk.description());
		}
		builder.fields(List.of(new Field(texts.get(reader, "risk.field.where"), where(reader, risk)),
				new Field(texts.get(reader, "risk.field.category"), category(reader, risk.category())),
				new Field(texts.get(reader, "risk.field.level"), badge(reader, risk.level()) + " · " + score(risk)),
				new Field(texts.get(reader, "risk.field.strategy"), strategy(reader, risk.strategy())),
				new Field(texts.get(reader, "risk.field.owner"), directory.name(risk.ownerId())),
				new Field(texts.get(reader, "risk.field.status"),
						risk.open() ? texts.get(reader, "risk.status.open") : texts.get(reader, "risk.status.closed")),
				new Field(texts.get(reader, "risk.field.next-review"), date(reader, risk.nextReview()))));
		if (risk.cause() != null && !risk.cause().isBlank()) {
			builder.fields(List.of(new Field(texts.get(reader, "risk.field.cause"), risk.cause())));
		}
		if (risk.actions() != null && !risk.actions().isBlank()) {
			builder.fields(List.of(new Field(texts.get(reader, risk.strategy() == Strategy.ACCEPT
					? "risk.field.monitoring" : "risk.field.actions"), risk.actions())));
		}
		var history = new StringBuilder("*" + texts.get(reader, "risk.show.history") + "*");
		risk.history().forEach(entry -> history.append("\n• ").append(entry(reader, entry)));
		builder.text(history.toString());
		if (withButtons && risk.open()) {
			builder.actions(List.of(
					Button.primary(texts.get(reader, "risk.button.reassess"),
							InteractionId.of(new Review(risk.id(), 0, Answer.REASSESS))),
					Button.danger(texts.get(reader, "risk.button.close"),
							InteractionId.of(new Review(risk.id(), 0, Answer.CLOSE)))));
		}
		return builder.build();
	}

	/** One line of history: when, who, what, and the assessment after it. */
	String entry(Caller reader, RiskEntry entry) {
		var key = switch (entry.action()) {
			case REGISTERED -> "risk.entry.registered";
			case REASSESSED -> "risk.entry.reassessed";
			case STRATEGY_CHANGED -> "risk.entry.strategy-changed";
			case REVIEWED_UNCHANGED -> "risk.entry.reviewed-unchanged";
			case REVIEWED_REASSESSED -> "risk.entry.reviewed-reassessed";
			case REVIEWED_ESCALATED -> "risk.entry.reviewed-escalated";
			case CLOSED -> "risk.entry.closed";
			case OWNER_CHANGED -> "risk.entry.owner-changed";
			case REVIEW_DUE -> "risk.entry.review-due";
			case REMINDED -> "risk.entry.reminded";
			case REVIEW_ESCALATED -> "risk.entry.review-escalated";
			case MOVED_TO_PROJECT -> "risk.entry.moved";
		};
		var line = new StringBuilder(texts.when(reader, entry.at())).append(" · ")
			.append(texts.get(reader, key, actor(reader, entry.actorId())))
			.append(" · ")
			.append(badge(reader, entry.level()))
			.append(" L").append(entry.likelihood()).append("×I").append(entry.impact())
			.append(" · ").append(strategy(reader, entry.strategy()));
		if (entry.comment() != null && !entry.comment().isBlank()) {
			line.append(" — ").append(comment(reader, entry));
		}
		return line.toString();
	}

	private String comment(Caller reader, RiskEntry entry) {
		if (Risk.STEWARD.equals(entry.actorId()) && Risk.APPLICATION_REJECTED.equals(entry.comment())) {
			return texts.get(reader, "risk.closed.application-rejected");
		}
		if (Risk.STEWARD.equals(entry.actorId()) && Risk.APPLICATION_WITHDRAWN.equals(entry.comment())) {
			return texts.get(reader, "risk.closed.application-withdrawn");
		}
		if (entry.action() == RiskEntry.Action.OWNER_CHANGED || entry.action() == RiskEntry.Action.REMINDED
				|| entry.action() == RiskEntry.Action.REVIEW_ESCALATED) {
			return java.util.Arrays.stream(entry.comment().split("[,→]"))
				.map(String::strip)
				.map(directory::name)
				.collect(Collectors.joining(entry.action() == RiskEntry.Action.OWNER_CHANGED ? " → " : ", "));
		}
		return entry.comment();
	}

	String actor(Caller reader, String personId) {
		return Risk.STEWARD.equals(personId) ? texts.get(reader, "risk.steward") : directory.name(personId);
	}

	String names(List<String> personIds) {
		return personIds.stream().map(directory::name).collect(Collectors.joining(", "));
	}

	/** The buttons of a review waiting on a risk. */
	List<Button> reviewButtons(Caller reader, RiskLine risk) {
		int round = risk.reviewRound();
		return List.of(
				Button.primary(texts.get(reader, "risk.button.unchanged"),
						InteractionId.of(new Review(risk.id(), round, Answer.UNCHANGED))),
				Button.of(texts.get(reader, "risk.button.reassess"),
						InteractionId.of(new Review(risk.id(), round, Answer.REASSESS))),
				Button.of(texts.get(reader, "risk.button.close"),
						InteractionId.of(new Review(risk.id(), round, Answer.CLOSE))),
				Button.danger(texts.get(reader, "risk.button.escalate"),
						InteractionId.of(new Review(risk.id(), round, Answer.ESCALATE))));
	}

	/**
	 * The message of one review: the risk, and its buttons while its round waits, or who settled
	 * it and how.
	 */
	void reviewRow(Message.Builder builder, Caller reader, Risk risk, int round) {
		var settled = risk.settlement(round);
		if (settled.isEmpty() && risk.open() && risk.awaitingReview() && risk.reviewRound() == round) {
			waitingRow(builder, reader, risk);
			return;
		}
		builder.text(line(reader, risk));
		builder.context(settled.isPresent() ? entry(reader, settled.get()) : texts.get(reader, "risk.review.no-longer"));
	}

	/** A review waiting on a risk: its line and its buttons. */
	void waitingRow(Message.Builder builder, Caller reader, RiskLine risk) {
		builder.text(line(reader, risk));
		builder.actions(reviewButtons(reader, risk));
	}

}
