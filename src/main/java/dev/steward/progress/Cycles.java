package dev.steward.progress;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** Stored weekly cycles, each with its prompts and reports. */
interface Cycles extends ListCrudRepository<Cycle, Long> {

	Optional<Cycle> findByProjectIdAndWeek(long projectId, String week);

	/** The project's latest week, if it has had one. */
	Optional<Cycle> findFirstByProjectIdOrderByWeekDesc(long projectId);

}
