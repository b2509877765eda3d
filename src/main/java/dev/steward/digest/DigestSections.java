package dev.steward.digest;

import java.util.Optional;

/**
 * What a module adds to a project's weekly digest: implemented by the module that knows (as a
 * bean), asked by the digest each time it is written, in each reader's language. Beans are asked
 * in their {@link org.springframework.core.annotation.Order}; one that fails is left out of that
 * digest and logged, never spoiling the rest. A section is asked inside the transaction that writes
 * the digest: it only reads, and a transactional read that fails there would still mark that
 * transaction for rollback, so a contributor checks what it can before it reads.
 */
public interface DigestSections {

	/** The section for this project's week, as this reader reads it; empty when there is nothing to say. */
	Optional<DigestSection> section(ProjectWeek week, Reader reader);

}
