package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Both languages say everything, and every string is a valid message pattern. */
class MessageBundlesTests {

	static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (var in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		var english = load("messages.properties");
		var chinese = load("messages_zh_CN.properties");
		assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@Test
	void everyStringIsFilledAndParses() throws IOException {
		for (var bundle : new String[] { "messages.properties", "messages_zh_CN.properties" }) {
			var properties = load(bundle);
			for (var key : properties.stringPropertyNames()) {
				var value = properties.getProperty(key);
				assertThat(value).as(bundle + " " + key).isNotBlank();
				new MessageFormat(value); // throws on a broken pattern
				assertThat(value).as(bundle + " " + key + " uses ' which MessageFormat swallows").doesNotContain("'");
			}
		}
	}

	@Test
	void chineseStringsAreWrittenInChinese() throws IOException {
		var chinese = load("messages_zh_CN.properties");
		var english = load("messages.properties");
		var untranslated = chinese.stringPropertyNames().stream()
			.filter(key -> chinese.getProperty(key).equals(english.getProperty(key)))
			.filter(key -> !chinese.getProperty(key).matches("[\\p{Punct}\\s{}0-9]*|Steward"))
			.toList();
		assertThat(untranslated).as("keys whose Chinese text is the English one").isEmpty();
	}

}
