package dev.steward.approval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;

/**
 * The chains of approval steps per request type, from {@code config/approvals.yaml}. A step's
 * approver is {@code department-head} (of the request's department) or {@code role:<role>}.
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
		chains.forEach((type, chain) -> {
			if (chain.steps() == null || chain.steps().isEmpty()) {
				throw new IllegalStateException("Approval chain " + type + " has no steps in " + file);
			}
			chain.steps().forEach(step -> {
				if (!"department-head".equals(step.approver()) && !step.approver().startsWith("role:")) {
					throw new IllegalStateException("Approval chain " + type + ": step " + step.name()
							+ " has approver '" + step.approver() + "'; use department-head or role:<role>");
				}
			});
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
		return chain.steps().stream().map(step -> ApprovalStep.waiting(step.name(), step.approver())).toList();
	}

}
