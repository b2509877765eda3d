-- The dispatcher keeps each conversation's messages in order: it looks for an earlier message
-- still waiting in the same conversation before sending a later one.
create index outbox_conversation on outbox_message (door, address, status, id);
