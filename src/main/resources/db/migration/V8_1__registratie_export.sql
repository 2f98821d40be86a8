-- When each school's last registraties export (CSV) was read: the alert for a LAS export that silently stopped.
create table registratie_export (
    brin            varchar(4) not null,
    vestiging       varchar(2) not null,
    laatst_gelezen  timestamp with time zone not null,
    bestand         varchar(255) not null,
    primary key (brin, vestiging)
);
