package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every module's bundle says everything in both languages, and every string is a valid message pattern. */
class MessageBundlesTests {

	static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (var in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	/** English and Chinese of every bundle on the classpath, by base name. */
	static Map<String, Properties[]> bundles() throws IOException {
		var bundles = new HashMap<String, Properties[]>();
		for (var base : MessageBundles.basenames()) {
			bundles.put(base, new Properties[] { load(base + ".properties"), load(base + "_zh_CN.properties") });
		}
		return bundles;
	}

	@Test
	void everyModuleHasABundle() throws IOException {
		assertThat(MessageBundles.basenames()).contains("messages/kernel", "messages/approval", "messages/engagement",
				"messages/progress", "messages/directory", "messages/scheduling", "messages/playground");
	}

	@Test
	void noKeyIsInTwoBundles() throws IOException {
		var owner = new HashMap<String, String>();
		bundles().forEach((base, languages) -> languages[0].stringPropertyNames()
			.forEach(key -> assertThat(owner.put(key, base)).as(key + " in " + base).isNull()));
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		bundles().forEach((base, languages) -> assertThat(languages[1].stringPropertyNames()).as(base)
			.containsExactlyInAnyOrderElementsOf(languages[0].stringPropertyNames()));
	}

	@Test
	void everyStringIsFilledAndParses() throws IOException {
		bundles().forEach((base, languages) -> {
			for (var properties : languages) {
				for (var key : properties.stringPropertyNames()) {
					var value = properties.getProperty(key);
					assertThat(value).as(base + " " + key).isNotBlank();
					new MessageFormat(value); // throws on a broken pattern
					assertThat(value).as(base + " " + key + " uses ' which MessageFormat swallows").doesNotContain("'");
				}
			}
		});
	}

	@Test
	void chineseStringsAreWrittenInChinese() throws IOException {
		bundles().forEach((base, languages) -> {
			var english = languages[0];
			var chinese = languages[1];
			var untranslated = chinese.stringPropertyNames().stream()
				.filter(key -> chinese.getProperty(key).equals(english.getProperty(key)))
				.filter(key -> !chinese.getProperty(key).matches("[\\p{Punct}\\s{}0-9]*|Steward"))
				.toList();
			assertThat(untranslated).as("keys of " + base + " whose Chinese text is the English one").isEmpty();
		});
	}

}
