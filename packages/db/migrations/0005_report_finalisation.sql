-- Whether a stored LKjIP is a draft (values not verified yet, or not finalised) and the date,
-- place and signer chosen when it was finalised. Rows written before this migration have nulls.
alter table reports add column draft boolean;
alter table reports add column finalisation jsonb;
