-- Directory roles a person holds through their roles on a chat platform (e.g. Discord server roles
-- mapped by configuration). Kept apart from person.roles, which the directory file rewrites at
-- every start; each door replaces its own rows when it learns the person's current roles.
create table person_platform_role (
    person_id varchar(64) not null references person (id),
    door      varchar(20) not null,
    role      varchar(40) not null,
    primary key (person_id, door, role)
);
