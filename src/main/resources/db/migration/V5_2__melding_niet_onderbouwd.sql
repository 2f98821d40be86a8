-- A melding already at DUO or OT whose rule a later LAS export no longer supports is flagged for a person, with the
-- figures before and after (issue 12, "What a correction does to meldingen already made"). Null: supported.
alter table melding add column niet_onderbouwd varchar(1000);
