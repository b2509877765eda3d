-- Which instance delivers a conversation (a channel, or a person's direct messages) now. Several
-- instances share one outbox: an instance claims a conversation before delivering it, renews the
-- claim while it delivers, and keeps it a moment after (so a channel's paced messages stay with
-- the instance that paces it). A claim that has run out, because its instance stopped or died,
-- is taken over by the next instance that looks.
create table outbox_lease (
    door       varchar(20)  not null,
    address    varchar(100) not null,
    holder     varchar(100) not null,
    expires_at timestamp with time zone not null,
    primary key (door, address)
);
create index outbox_lease_expiry on outbox_lease (expires_at);
