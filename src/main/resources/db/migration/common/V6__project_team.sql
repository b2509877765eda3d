-- §2.2.1 the project team: members and their duties (职责分工); a project may be paused.
create table project_member (
    project_id bigint       not null references project (id),
    seq        integer      not null,
    person_id  varchar(64)  not null,
    duty       varchar(200),
    added_at   timestamp with time zone not null,
    added_by   varchar(64)  not null,
    primary key (project_id, seq)
);
