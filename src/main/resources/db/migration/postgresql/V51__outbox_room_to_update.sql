-- A row is written once and updated twice as it is delivered: marked tried before it goes, then
-- settled. Room left in each page lets the first update stay in its page without a new entry in
-- every index (a heap-only update), so a delivery writes less and waits less for the log.
alter table outbox_message set (fillfactor = 70);

-- The partial index of waiting rows serves every query that asked for waiting rows by status and
-- time (the look for due rows, the health check's backlog and oldest wait); the others ask for
-- settled rows by status, kind or key, which their own indexes serve. One index less to write at
-- every insert and every settle.
drop index outbox_due;
