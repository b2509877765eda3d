package dev.steward.approval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import dev.steward.firm.ConfigFiles;
import org.springframework.stereotype.Component;

/**
 * The chains of approval steps per request type, from {@code config/approvals.yaml}. A step's
 * approver is {@code department-head} (of the request's department) or {@code role:<role>}, read
 * into an {@link ApproverRule} at start: a rule that is neither stops the start, naming the file,
 * the line and the rule.
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(ApprovalSettings.class)
class ApprovalChains {

	record StepDefinition(String name, String approver) {
	}

	/**
	 * A request type's chain.
	 * @param remindAfter working time an open step waits before its approvers are reminded, or none
	 * @param escalateAfter working time an open step waits before people one level up may decide it
	 */
	record Chain(List<StepDefinition> steps, java.time.Duration remindAfter, java.time.Duration escalateAfter) {
	}

	record ChainsFile(Map<String, Chain> chains) {
	}

	private final Map<String, Chain> chains;

	/** Each chain's steps' approvers, read once at start. */
	private final Map<String, List<ApproverRule>> rules;

	ApprovalChains(ApprovalSettings settings) throws IOException {
		var file = settings.approvals();
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("No approval chains file at " + file.toAbsolutePath()
					+ " (set STEWARD_APPROVALS to its path)");
		}
		var sources = new YamlPropertySourceLoader().load("approvals", new FileSystemResource(file));
		var parsed = sources.isEmpty() ? null
				: new Binder(ConfigurationPropertySources.from(sources.get(0))).bind("", ChainsFile.class).orElse(null);
		this.chains = parsed == null || parsed.chains() == null ? Map.of() : Map.copyOf(parsed.chains());
		this.rules = new java.util.HashMap<>();
		chains.forEach((type, chain) -> {
			if (chain.steps() == null || chain.steps().isEmpty()) {
				throw new IllegalStateException("Approval chain " + type + " has no steps in " + file);
			}
			var typed = new java.util.ArrayList<ApproverRule>();
			for (int i = 0; i < chain.steps().size(); i++) {
				var step = chain.steps().get(i);
				try {
					typed.add(ApproverRule.parse(step.approver()));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException("Approval chain " + type + ", step " + step.name() + " in "
							+ ConfigFiles.where(sources.get(0), "chains." + type + ".steps[" + i + "].approver", file) + ": "
							+ ex.getMessage());
				}
			}
			rules.put(type, List.copyOf(typed));
		});
	}

	java.util.Optional<Chain> chain(String type) {
		return java.util.Optional.ofNullable(chains.get(type));
	}

	List<ApprovalStep> stepsFor(String type) {
		var chain = chains.get(type);
		if (chain == null) {
			throw new IllegalArgumentException("No approval chain for " + type + " in config/approvals.yaml");
		}
		var typed = rules.get(type);
		var steps = new java.util.ArrayList<ApprovalStep>();
		for (int i = 0; i < typed.size(); i++) {
			steps.add(ApprovalStep.waiting(chain.steps().get(i).name(), typed.get(i)));
		}
		return steps;
	}

}
