package dev.steward;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

/**
 * How typed values that are not plain columns are stored: every module declares its value types'
 * converters as beans, marked {@link ReadingConverter} or {@link WritingConverter}, and they are
 * collected here, so a new module edits nothing outside itself. Boot's own conversions back off.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	@Bean
	JdbcCustomConversions jdbcCustomConversions(ObjectProvider<Converter<?, ?>> converters) {
		List<Converter<?, ?>> marked = converters.orderedStream()
			.filter(converter -> converter.getClass().isAnnotationPresent(ReadingConverter.class)
					|| converter.getClass().isAnnotationPresent(WritingConverter.class))
			.toList();
		return new JdbcCustomConversions(marked);
	}

}
