-- ot_status holds only OT's Trajectstatus (NIEUW, INGEDIEND, TERUGGEZET, LOPEND, AFGEROND). Before this version a
-- refused indienen wrote CONFLICT/ONVOLLEDIG/GEWEIGERD there, which the lifecycle cannot read. OT refuses only an
-- indienen, from NIEUW or (a resubmission) TERUGGEZET; a returned melding keeps SPPOH's terugzet_reden. The refusal
-- itself stays in laatste_fout and on the dead letter.
update melding set ot_status = case when terugzet_reden is not null then 'TERUGGEZET' else 'NIEUW' end
 where kanaal = 'OT' and ot_status in ('CONFLICT', 'ONVOLLEDIG', 'GEWEIGERD');
