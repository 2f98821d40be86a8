-- A file's lines all come from that file: the move into registratie takes its name as a parameter instead of
-- carrying it on each of millions of lines through COPY (issue 13, a sixth of what COPY carried for a region).
alter table registratie_laad drop column bron_bestand;
