package dev.steward.approval;

import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import dev.steward.directory.Role;

/**
 * Who decides a step, as a chain in {@code config/approvals.yaml} names it: {@code department-head}
 * (of the request's department) or {@code role:<role>} (anyone holding it). Read once, at start;
 * stored in a step as the same words.
 */
public sealed interface ApproverRule {

	/** The head of the request's department. */
	record DepartmentHead() implements ApproverRule {

		@Override
		public String text() {
			return "department-head";
		}

	}

	/** Anyone who holds the role; the first decision counts. */
	record HoldsRole(Role role) implements ApproverRule {

		@Override
		public String text() {
			return "role:" + role.key();
		}

	}

	/** The rule as configuration writes it. */
	String text();

	/**
	 * Reads a rule as configuration writes it.
	 * @throws IllegalArgumentException naming what is wrong, when it is not one
	 */
	static ApproverRule parse(String text) {
		var rule = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		if (rule.equals("department-head")) {
			return new DepartmentHead();
		}
		if (rule.startsWith("role:")) {
			try {
				return new HoldsRole(Role.fromKey(rule.substring("role:".length())));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("'" + text + "' names no directory role; roles are "
						+ java.util.Arrays.stream(Role.values()).map(Role::key).toList());
			}
		}
		throw new IllegalArgumentException("'" + text + "' is not an approver; use department-head or role:<role>");
	}

	/** Writes a rule into its column. */
	@WritingConverter
	enum Writing implements Converter<ApproverRule, String> {

		INSTANCE;

		@Override
		public String convert(ApproverRule rule) {
			return rule.text();
		}

	}

	/** Reads a rule from its column. */
	@ReadingConverter
	enum Reading implements Converter<String, ApproverRule> {

		INSTANCE;

		@Override
		public ApproverRule convert(String text) {
			return parse(text);
		}

	}

}
