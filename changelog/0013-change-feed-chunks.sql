--liquibase formatted sql

--changeset wellgate:0013-change-feed-chunks splitStatements:false
--comment: The same notifications as 0011's (a head line, then one line per well, within the
--comment: 8000-byte payload limit), chunked by count instead of by running length. 0011's running
--comment: sum was a window over the lines, sorted, then each chunk sorted again: 7 ms of a minute
--comment: batch of 1,000 wells on Debian's PostgreSQL 15 (psql, in a transaction), against 3 ms now.
--comment: A line is at most the widest id in bytes plus 43 (two separators, two times of at most
--comment: 20 characters, the newline), so a chunk of 7800 / that many lines holds at most 7800
--comment: bytes of lines, plus the head line (a table name and a time): within the limit. A
--comment: notification's lines come in no particular order; each well is in exactly one of them.
--comment: An id too long for any payload (over 7757 bytes; the API takes 64 characters) gets a
--comment: chunk of its own, which pg_notify refuses as too long, as 0011 did.
CREATE OR REPLACE FUNCTION wellgate_notify_changes(source text, well_ids text[], los timestamptz[], his timestamptz[])
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    head text := source || '|' || (extract(epoch FROM clock_timestamp()) * 1000000)::bigint;
    per  integer := greatest(1, 7800 / (coalesce((SELECT max(octet_length(well)) FROM unnest(well_ids) AS w(well)), 0) + 43));
BEGIN
    PERFORM pg_notify('wellgate_changes', head || E'\n' || string_agg(line, E'\n'))
    FROM (
        SELECT i,
               well
                   || '|' || coalesce(((extract(epoch FROM lo) * 1000000)::bigint)::text, '')
                   || '|' || coalesce(((extract(epoch FROM hi) * 1000000)::bigint)::text, '') AS line
        FROM unnest(well_ids, los, his) WITH ORDINALITY AS u(well, lo, hi, i)
    ) lines
    GROUP BY (i - 1) / per;
END;
$$;
