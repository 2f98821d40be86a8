-- Issue 15: the daily digest of signals to the school's contactpersoon counts each signal once, in the first digest
-- after it was made. Signals made before this version are taken as mailed: the digest starts with what is new.
alter table melding add column in_signaaloverzicht timestamp with time zone;
update melding set in_signaaloverzicht = aangemaakt where kanaal = 'SIGNAAL';
