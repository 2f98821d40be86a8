-- Delivery (issue 5): what a dead letter needs to be understood and retried, the reason a person gave to withdraw
-- a melding at DUO, and when DUO's status of a sent melding was last asked.
alter table outbox add column code varchar(20);
alter table outbox add column reden varchar(2000);
alter table melding add column duo_status_opgevraagd timestamp with time zone;
create index ix_outbox_melding on outbox (melding_id);
