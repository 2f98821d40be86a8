-- Bulk intake (issue 13): on PostgreSQL a registraties file is first loaded here as it streams by (COPY), then
-- moved into registratie by one set-based statement (the later of two lines with the same key wins, as before) and emptied again, all inside the file's one transaction. So no other transaction ever sees a row
-- here, and no key or index slows the load. Same columns as registratie but the volgnummer, given on the move. H2
-- merges straight into registratie (every row through here would stay twice in its undo log until the commit).
create table registratie_laad (
    brin           varchar(4)   not null,
    vestiging      varchar(2)   not null,
    sleutel        varchar(100) not null,
    registratie_id varchar(64),
    leerling_id    varchar(64)  not null,
    datum          date         not null,
    begintijd      varchar(5)   not null,
    code           varchar(3)   not null,
    eindtijd       varchar(5),
    minuten        integer,
    omschrijving   varchar(500),
    bron_bestand   varchar(255) not null,
    bron_regel     integer      not null
);
