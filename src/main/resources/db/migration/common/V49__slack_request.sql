-- Requests Slack sent, by a digest of their signed body: one sent again (Slack's retry, a replay, a
-- proxy's second try) is run once, whichever instance it lands on. Kept minutes, not days: a signed
-- request older than five minutes is refused anyway.
create table slack_request (
    digest      varchar(64) primary key,
    received_at timestamp with time zone not null
);
create index slack_request_received on slack_request (received_at);
