--liquibase formatted sql

--changeset wellgate:0011-change-feed-payloads splitStatements:false
--comment: The same notifications as 0010's wellgate_notify_changes (a head line, then one line per
--comment: well, split where a payload would pass 8000 bytes), built in one pass over the arrays. 0010
--comment: read them by subscript in a loop, and a subscript of a text array walks it from its start:
--comment: quadratic in the wells, 6 ms for a minute batch of 1,000 and 5 ms more for its registry
--comment: notification. Chunk k holds the
--comment: lines whose running length (each line plus its newline) ends in (7800k, 7800(k+1)], so a
--comment: chunk is at most 7800 bytes plus one line (at most 106 bytes: a 64-character id and two
--comment: times) plus the head line: within the limit.
CREATE OR REPLACE FUNCTION wellgate_notify_changes(source text, well_ids text[], los timestamptz[], his timestamptz[])
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    head text := source || '|' || (extract(epoch FROM clock_timestamp()) * 1000000)::bigint;
BEGIN
    PERFORM pg_notify('wellgate_changes', head || E'\n' || string_agg(line, E'\n' ORDER BY i))
    FROM (
        SELECT i, line, (sum(length(line) + 1) OVER (ORDER BY i) - 1) / 7800 AS chunk
        FROM (
            SELECT i,
                   well
                       || '|' || coalesce(((extract(epoch FROM lo) * 1000000)::bigint)::text, '')
                       || '|' || coalesce(((extract(epoch FROM hi) * 1000000)::bigint)::text, '') AS line
            FROM unnest(well_ids, los, his) WITH ORDINALITY AS u(well, lo, hi, i)
        ) lines
    ) chunked
    GROUP BY chunk;
END;
$$;
