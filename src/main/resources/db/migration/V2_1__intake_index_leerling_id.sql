-- A verzuimregistraties CSV that names no school finds each pupil's school by LAS key alone
-- (LeerlingRepository.scholenMetLeerling); the unique key (brin, vestiging, leerling_id) cannot serve that lookup.
create index ix_leerling_leerling_id on leerling (leerling_id);
