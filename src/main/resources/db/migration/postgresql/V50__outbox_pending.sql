-- The rows waiting to be delivered, each conversation's in order: what a worker reads at every
-- delivery and a look for due rows reads at every poll. Partial, so it holds the waiting rows only,
-- however many settled ones the table keeps; and PostgreSQL's planner takes it even with
-- statistics taken when almost nothing was waiting (an index led by the status would otherwise do,
-- and would read every waiting row of every conversation for each one's few).
create index outbox_pending on outbox_message (door, address, id) where status = 'PENDING';

-- Every query that used it asks for the waiting rows only.
drop index outbox_conversation;
