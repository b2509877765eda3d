package dev.steward.conversation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module owns its words: {@code messages/<module>.properties} (English) and
 * {@code messages/<module>_zh_CN.properties}. They are found on the classpath, so a new module adds
 * its two files and edits no configuration.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

	/** Where bundles live on the classpath. */
	static final String LOCATION = "messages/";

	private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("_[a-z]{2}(_[A-Z]{2})?$");

	@Bean
	MessageSource messageSource() throws IOException {
		return new Merged(basenames());
	}

	/**
	 * Every module's bundle merged into one table a language, read once: a key is one look-up
	 * however many modules there are (a resource bundle a module would mean one miss per module
	 * before the right one, on every word a page or message says).
	 */
	static final class Merged extends AbstractMessageSource {

		private final List<String> basenames;

		private final Map<Locale, Map<String, String>> texts = new ConcurrentHashMap<>();

		private final Map<Locale, Map<String, Optional<MessageFormat>>> formats = new ConcurrentHashMap<>();

		Merged(List<String> basenames) {
			this.basenames = List.copyOf(basenames);
		}

		@Override
		protected String resolveCodeWithoutArguments(String code, Locale locale) {
			return texts(locale).get(code);
		}

		@Override
		protected MessageFormat resolveCode(String code, Locale locale) {
			return formats.computeIfAbsent(locale, any -> new ConcurrentHashMap<>())
				.computeIfAbsent(code, key -> Optional.ofNullable(texts(locale).get(key))
					.map(text -> createMessageFormat(text, locale)))
				.orElse(null);
		}

		/** The words of a language: English, with that language's own over it where a module has them. */
		private Map<String, String> texts(Locale locale) {
			return texts.computeIfAbsent(locale, this::load);
		}

		private Map<String, String> load(Locale locale) {
			var merged = new HashMap<String, String>();
			var suffixes = new java.util.ArrayList<String>();
			suffixes.add("");
			if (!locale.getLanguage().isEmpty()) {
				suffixes.add("_" + locale.getLanguage());
				if (!locale.getCountry().isEmpty()) {
					suffixes.add("_" + locale.getLanguage() + "_" + locale.getCountry());
				}
			}
			for (var basename : basenames) {
				for (var suffix : suffixes) {
					var resource = new ClassPathResource(basename + suffix + ".properties");
					if (!resource.exists()) {
						continue;
					}
					var properties = new Properties();
					try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
						properties.load(reader);
					}
					catch (IOException ex) {
						throw new UncheckedIOException("Cannot read " + resource, ex);
					}
					properties.stringPropertyNames().forEach(key -> merged.put(key, properties.getProperty(key)));
				}
			}
			return Map.copyOf(merged);
		}

	}

	/** The base name of every bundle on the classpath, e.g. {@code messages/approval}. */
	static List<String> basenames() throws IOException {
		var names = new TreeSet<String>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "*.properties")) {
			var file = Objects.requireNonNull(resource.getFilename());
			names.add(LOCATION + LANGUAGE_SUFFIX.matcher(file.substring(0, file.length() - ".properties".length())).replaceFirst(""));
		}
		if (names.isEmpty()) {
			throw new IllegalStateException("No message bundles under classpath:" + LOCATION);
		}
		return List.copyOf(names);
	}

}
