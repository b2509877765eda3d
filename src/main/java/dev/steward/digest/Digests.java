package dev.steward.digest;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Gathers the contributed sections of a project's digest, in order, leaving out one that fails. */
@Component
public class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final ObjectProvider<DigestSections> contributors;

	Digests(ObjectProvider<DigestSections> contributors) {
		this.contributors = contributors;
	}

	/** Every contributed section with something to say, for this reader. */
	public List<DigestSection> sections(ProjectWeek week, Reader reader) {
		var sections = new ArrayList<DigestSection>();
		contributors.orderedStream().forEach(contributor -> {
			try {
				contributor.section(week, reader).ifPresent(sections::add);
			}
			catch (RuntimeException ex) {
				log.error("The digest of {} ({}) goes out without the section of {}", week.code(), week.week(),
						contributor.getClass().getSimpleName(), ex);
			}
		});
		return sections;
	}

}
