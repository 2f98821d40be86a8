-- An export speaks for its period (domain §3, las-input.md §2): registrations get the LAS's own registratie_id, and
-- one key per school, sleutel, that is either that id ('i' + id) or, for a registration without one, the domain's
-- identity ('n' + datum + begintijd + code, padded to fixed widths, + leerling_id). So a registratie_id seen again
-- replaces its registration whatever its day, code or pupil. A new table, because the primary key changes and H2 and
-- PostgreSQL name and drop a primary key differently.
create table registratie_v5 (
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
    volgnummer     bigint       not null,
    bron_bestand   varchar(255) not null,
    bron_regel     integer      not null,
    primary key (brin, vestiging, sleutel)
);
insert into registratie_v5 (brin, vestiging, sleutel, registratie_id, leerling_id, datum, begintijd, code, eindtijd,
        minuten, omschrijving, volgnummer, bron_bestand, bron_regel)
    select brin, vestiging,
           'n' || cast(datum as varchar(10)) || rpad(begintijd, 5, '_') || rpad(code, 3, '_') || leerling_id,
           null, leerling_id, datum, begintijd, code, eindtijd, minuten, omschrijving, volgnummer, bron_bestand,
           bron_regel
      from registratie;
drop table registratie;
alter table registratie_v5 rename to registratie;
-- a pupil's registrations in order of arrival, and the pupils a file has lines for (vervangt: leerlingen)
create index ix_registratie_leerling on registratie (brin, vestiging, leerling_id, volgnummer);
-- the period a file replaces
create index ix_registratie_periode on registratie (brin, vestiging, datum);
