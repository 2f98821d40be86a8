-- The school day DUO registered a melding: a melding sent after its uiterste melddatum is flagged "te laat verzonden".
alter table melding add column duo_verzonden_op date;

update melding set duo_verzonden_op = (
    select cast(min(o.verzonden) as date) from outbox o
    where o.melding_id = melding.id and o.operatie = 'DUO_AANLEVEREN' and o.status = 'VERZONDEN')
where kanaal = 'DUO' and meldingsnummer is not null;
