package dev.steward;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

import dev.steward.approval.ApproverRule;

/**
 * How typed values that are not plain columns are stored: each module's value types with their
 * converters (a rule as its words). Boot's own conversions back off for these.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	/** Every module's converters, each marked as reading or writing. */
	static final List<Converter<?, ?>> CONVERTERS = List.of(ApproverRule.Writing.INSTANCE, ApproverRule.Reading.INSTANCE);

	@Bean
	JdbcCustomConversions jdbcCustomConversions() {
		CONVERTERS.forEach(converter -> {
			var type = converter.getClass();
			if (!type.isAnnotationPresent(ReadingConverter.class) && !type.isAnnotationPresent(WritingConverter.class)) {
				throw new IllegalStateException(type + " must say whether it reads or writes");
			}
		});
		return new JdbcCustomConversions(CONVERTERS);
	}

}
