-- Failed logins per account and per source address, shared by every instance on this database (several instances
-- behind one load balancer throttle together; a restart does not reset a hold). A row goes with the next failure
-- once its window has passed and it holds nothing back, and at the latest with the daily bewaartermijn a day later.
create table inlog_poging (
    sleutel         varchar(200) not null primary key,
    mislukt         integer      not null,
    laatste         timestamp with time zone not null,
    geblokkeerd_tot timestamp with time zone
);
create index ix_inlog_poging_laatste on inlog_poging (laatste);
