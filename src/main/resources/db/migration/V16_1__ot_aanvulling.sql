-- ot_indienen: na_aanvulling (issue 15): what a person added to an OT melding before it was submitted — the
-- judgements the LAS cannot make. OT has no call to change a traject once opened, so the connector keeps these
-- until the person submits; then the traject is opened with them. Portable SQL for H2 and PostgreSQL; deleted with
-- its melding by the bewaartermijn. Who added it is in the audit trail (AANGEVULD), not here.
create table ot_aanvulling (
    melding_id     bigint primary key,
    hoofdoorzaak   varchar(60)   not null,
    sppoh_adviseur varchar(200)  not null,
    wachtlijst     varchar(2000),
    toelichting    varchar(2000),
    aangevuld      timestamp with time zone not null
);
