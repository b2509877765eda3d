-- When a post was first handed to its door: a row that has it may already be on the platform
-- (the process may have stopped before it recorded the answer), so the door looks before posting
-- again. A row without it has never left, and is posted without looking.
alter table outbox_message add column tried_at timestamp with time zone;
