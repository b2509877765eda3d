-- Files made on the server that a message carries (a heat map, an export). Their bytes live here,
-- not in the message's JSON text; the outbox row counts them, so the dispatcher reads this table
-- only for rows that have some. Deleted when the row is settled (sent or given up).
-- bytea is PostgreSQL's binary type, and H2 knows it as another name for binary varying.
alter table outbox_message add column files integer default 0 not null;

create table outbox_file (
    outbox_id  bigint       not null references outbox_message (id) on delete cascade,
    seq        integer      not null,
    name       varchar(200) not null,
    media_type varchar(100) not null,
    title      varchar(200) not null,
    content    bytea        not null,
    primary key (outbox_id, seq)
);

-- The playground door keeps the files of the messages it shows, to serve them to the page.
create table playground_file (
    message_id bigint       not null references playground_message (id) on delete cascade,
    seq        integer      not null,
    name       varchar(200) not null,
    media_type varchar(100) not null,
    title      varchar(200) not null,
    content    bytea        not null,
    primary key (message_id, seq)
);
