-- Spring Modulith's event publication registry (its own schema for H2, v2).
create table event_publication (
    id                     uuid not null primary key,
    completion_date        timestamp(9) with time zone,
    event_type             varchar(512) not null,
    listener_id            varchar(512) not null,
    publication_date       timestamp(9) with time zone not null,
    serialized_event       varchar(4000) not null,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(9) with time zone
);
create index event_publication_by_listener on event_publication (listener_id, serialized_event);
create index event_publication_by_completion on event_publication (completion_date);
