-- The index of V2_1 served a query a pupil (its schools by LAS key alone) for a CSV that names no school; such a
-- file now reads every pupil's schools in one query (issue 13), so the index only cost each pupil's insert.
drop index ix_leerling_leerling_id;
