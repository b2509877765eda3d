package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every word the code asks for exists in English and in Chinese: each refusal reason of every
 * module (through its one {@link RefusalKeys} mapping), and every key named in the code. Keys are
 * never assembled at run time, so this reading of the code sees them all.
 */
@ExtendWith(OutputCaptureExtension.class)
class MessageKeysTests {

	/** Prefixes that configuration completes (chain types and steps): checked against the config file below. */
	static final Set<String> NAMED_BY_CONFIGURATION = Set.of("approval.type.", "approval.step.", "risk.category.",
			"feedback.category.", "survey.dimension.");

	static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[A-Za-z0-9_-]+)*\\.?)\"");

	static final Path SOURCES = Path.of("src/main/java");

	static Properties english;

	static Properties chinese;

	static synchronized void load() throws IOException {
		if (english == null) {
			english = new Properties();
			chinese = new Properties();
			for (var languages : MessageBundlesTests.bundles().values()) {
				english.putAll(languages[0]);
				chinese.putAll(languages[1]);
			}
		}
	}

	static void assertSaid(String key, String where) {
		assertThat(english.getProperty(key)).as("English for %s (%s)", key, where).isNotBlank();
		assertThat(chinese.getProperty(key)).as("Chinese for %s (%s)", key, where).isNotBlank();
	}

	/** The first word of every key: what makes a string literal a key. */
	static Set<String> prefixes() {
		return english.stringPropertyNames().stream().map(key -> key.substring(0, key.indexOf('.') + 1))
			.collect(Collectors.toSet());
	}

	/** Every literal in the main sources that starts like a key, with the file it is in. */
	static Set<String[]> literals() throws IOException {
		var found = new HashSet<String[]>();
		var prefixes = prefixes();
		try (var files = Files.walk(SOURCES)) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				for (var line : Files.readAllLines(file)) {
					if (line.contains("@ConfigurationProperties(") || line.contains("getProperty(") || line.contains("PROPERTY =")) {
						continue; // settings such as steward.slack.bot-token, not words
					}
					if (line.matches(".*\\b(Counter|Timer|Gauge|TimeGauge)\\.builder\\(\".*")) {
						continue; // a meter's name, such as steward.outbox.delivered, not words
					}
					var matcher = LITERAL.matcher(line);
					while (matcher.find()) {
						var literal = matcher.group(1);
						if (literal.contains(".") && prefixes.stream().anyMatch(literal::startsWith)) {
							found.add(new String[] { literal, SOURCES.relativize(file).toString() });
						}
					}
				}
			}
		}
		return found;
	}

	@Test
	void everyRefusalReasonOfEveryModuleHasWordsInBothLanguages() throws Exception {
		load();
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.steward");
		// a module's refusal reasons: an enum inside the exception its domain refuses with
		var reasons = classes.stream()
			.filter(JavaClass::isEnum)
			.filter(type -> type.getEnclosingClass().map(outer -> outer.isAssignableTo(RuntimeException.class)).orElse(false))
			.map(JavaClass::reflect)
			.collect(Collectors.toSet());
		assertThat(reasons).as("refusal reasons found").isNotEmpty();
		var mapped = new HashSet<Class<?>>();
		for (var type : classes.stream()
			.filter(type -> type.isAssignableTo(RefusalKeys.class) && !type.isInterface())
			.map(JavaClass::reflect)
			.toList()) {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			walk((RefusalKeys<?>) constructor.newInstance(), type.getName());
			mapped.add(((RefusalKeys<?>) constructor.newInstance()).reasons());
		}
		assertThat(mapped).as("reasons with a RefusalKeys mapping").containsAll(reasons);
	}

	private static <R extends Enum<R>> void walk(RefusalKeys<R> keys, String where) {
		for (var reason : keys.reasons().getEnumConstants()) {
			assertSaid(keys.key(reason), where + " " + reason);
		}
	}

	@Test
	void everyKeyTheCodeNamesHasWordsInBothLanguages() throws IOException {
		load();
		var literals = literals();
		assertThat(literals).as("keys named in the code").hasSizeGreaterThan(100);
		for (var literal : literals) {
			if (!literal[0].endsWith(".")) {
				assertSaid(literal[0], literal[1]);
			}
		}
	}

	@Test
	void noKeyIsAssembledAtRunTimeButTheNamesConfigurationAdds() throws IOException {
		load();
		var assembled = new TreeSet<String>();
		literals().stream().filter(literal -> literal[0].endsWith(".")).forEach(literal -> assembled
			.add(literal[0] + " in " + literal[1]));
		assertThat(assembled.stream().map(line -> line.substring(0, line.indexOf(' '))).collect(Collectors.toSet()))
			.as("key prefixes completed at run time: %s", assembled)
			.isSubsetOf(NAMED_BY_CONFIGURATION);
	}

	@Test
	void everyConfiguredApprovalChainAndStepHasWords() throws IOException {
		load();
		var yaml = Files.readAllLines(Path.of("config/approvals.yaml"));
		var inChains = false;
		var types = new TreeSet<String>();
		var steps = new TreeSet<String>();
		for (var line : yaml) {
			if (line.startsWith("chains:")) {
				inChains = true;
			}
			else if (inChains && line.matches("  [a-z][a-z0-9-]*:\\s*")) {
				types.add(line.strip().replace(":", ""));
			}
			else if (inChains && line.matches("\\s+- name: .+")) {
				steps.add(line.substring(line.indexOf(':') + 1).strip());
			}
		}
		assertThat(types).isNotEmpty();
		assertThat(steps).isNotEmpty();
		types.forEach(type -> assertSaid("approval.type." + type, "config/approvals.yaml"));
		steps.forEach(step -> assertSaid("approval.step." + step, "config/approvals.yaml"));
	}

	@Test
	void everyConfiguredRiskCategoryHasWords() throws IOException {
		load();
		var policy = dev.steward.risk.RiskPolicy.read(Path.of("config/risk.yaml"));
		assertThat(policy.categories()).isNotEmpty();
		policy.categories().forEach(category -> assertSaid("risk.category." + category, "config/risk.yaml"));
	}

	@Test
	void everyConfiguredSurveyDimensionHasWords() throws IOException {
		load();
		var policy = dev.steward.survey.QualityPolicy.read(Path.of("config/quality.yaml"));
		assertThat(policy.dimensions()).isNotEmpty();
		policy.dimensions().forEach(dimension -> assertSaid("survey.dimension." + dimension, "config/quality.yaml"));
	}

	@Test
	void aMissingKeyIsLoggedAsAnErrorAndThePersonReadsAnApologyNotTheKey(CapturedOutput output) throws IOException {
		load();
		var texts = new Texts(new MessageBundles().messageSource());
		assertThat(texts.get(Locale.ENGLISH, "approval.no-such-words")).isEqualTo(english.getProperty(Texts.MISSING));
		assertThat(texts.get(Locale.SIMPLIFIED_CHINESE, "approval.no-such-words"))
			.isEqualTo(chinese.getProperty(Texts.MISSING));
		assertThat(output).contains("ERROR").contains("approval.no-such-words");
	}

}
