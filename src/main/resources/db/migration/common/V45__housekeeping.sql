-- Housekeeping purges settled outbox rows and forms left open by age: each purge finds them by
-- these, not by reading the whole table.
create index outbox_settled on outbox_message (status, sent_at);
create index outbox_target on outbox_message (target_id);
create index form_session_created on form_session (created_at);
