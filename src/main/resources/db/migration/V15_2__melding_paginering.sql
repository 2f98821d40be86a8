-- The operator page and API at region size (issue 13): a search is read in the order per school, newest first, one
-- page at a time, and counted exactly; the attention lists and counters filter on status and kanaal.
create index ix_melding_school_id on melding (brin, vestiging, id desc);
create index ix_melding_status on melding (status, kanaal);
