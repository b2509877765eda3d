package dev.steward.engagement;

import org.springframework.data.repository.ListCrudRepository;

/** Stored project applications. */
interface Applications extends ListCrudRepository<Application, Long> {
}
