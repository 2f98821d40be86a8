-- The overview's weekly chart counts the meldingen made in the last 12 weeks (web/Plaatjes): by date, not a scan.
create index ix_melding_aangemaakt on melding (aangemaakt);
