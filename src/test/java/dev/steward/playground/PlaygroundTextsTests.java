package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every string the page shows exists in English and in Chinese. */
class PlaygroundTextsTests {

	private static final Pattern KEY = Pattern.compile("#\\{(playground\\.[a-z.\\-]+)");

	private static Properties bundle(String name) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static Set<String> playgroundKeys(Properties properties) {
		var keys = new TreeSet<String>();
		properties.stringPropertyNames().stream().filter(key -> key.startsWith("playground.")).forEach(keys::add);
		return keys;
	}

	private static Set<String> usedByTemplates() throws IOException {
		var used = new TreeSet<String>();
		for (var template : new String[] { "templates/playground/page.html", "templates/playground/fragments.html" }) {
			var matcher = KEY.matcher(new ClassPathResource(template).getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		}
		return used;
	}

	@Test
	void bothLanguagesHaveTheSameKeysAndEveryKeyTheTemplatesUse() throws IOException {
		var english = bundle("messages/playground.properties");
		var chinese = bundle("messages/playground_zh_CN.properties");

		assertThat(playgroundKeys(chinese)).isEqualTo(playgroundKeys(english));
		assertThat(playgroundKeys(english)).containsAll(usedByTemplates()).contains("playground.not-a-command");
	}

	@Test
	void chineseIsReallyChineseAndEnglishHasNoStraightApostrophes() throws IOException {
		var english = bundle("messages/playground.properties");
		var chinese = bundle("messages/playground_zh_CN.properties");
		var han = Pattern.compile("\\p{IsHan}");

		for (var key : playgroundKeys(english)) {
			assertThat(english.getProperty(key)).as(key).doesNotContain("'");
			if (!Set.of("playground.workspace", "playground.bot").contains(key)) {
				assertThat(han.matcher(chinese.getProperty(key)).find()).as(key + " in Chinese").isTrue();
			}
		}
	}

}
