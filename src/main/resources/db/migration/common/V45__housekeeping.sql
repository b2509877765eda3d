-- Housekeeping purges settled outbox rows and forms left open by age. Each of its queries is a
-- range of one of these indexes (updates and keyed posts by kind, posts without a key by their
-- missing key), so a purge never reads past the rows it keeps, however many there are.
create index outbox_settled_kind on outbox_message (status, kind, sent_at);
create index outbox_settled_key on outbox_message (status, message_key, sent_at);
create index outbox_target on outbox_message (target_id);
create index form_session_created on form_session (created_at);
