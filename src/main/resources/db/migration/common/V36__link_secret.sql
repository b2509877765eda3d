-- The secret that signs links to Steward's public pages (surveys), when STEWARD_LINK_SECRET is not
-- set: made by the first instance to start, read by every other, so all of them agree.
create table link_secret (
    id         integer      not null primary key,
    secret     varchar(100) not null,
    created_at timestamp with time zone not null
);
