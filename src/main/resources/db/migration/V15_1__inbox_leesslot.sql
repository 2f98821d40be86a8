-- The read lock on a file in a shared inbox (issue 13, "many instances"): the instance reading a file holds its row
-- and renews the lease while it reads; a row whose lease ran out belongs to an instance that died and may be taken
-- over. The key is the file's name (not its path: hosts may mount the share at different places).
create table inbox_leesslot (
    bestandsnaam varchar(1000) primary key,
    instantie    varchar(200) not null,
    verloopt_op  timestamp with time zone not null
);
