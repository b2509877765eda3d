-- A project's reporting schedule and each weekly cycle are aggregates with a version: of two
-- changes to one at once (a report and the deadline, two clicks on Send) one is saved and the
-- other is run again against what the first saved, so each step of the week still happens once.
alter table progress_schedule add column version integer default 0 not null;
alter table progress_cycle add column version integer default 0 not null;
