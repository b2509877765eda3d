package dev.steward.conversation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
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
		var source = new ResourceBundleMessageSource();
		source.setBasenames(basenames().toArray(String[]::new));
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		return source;
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
