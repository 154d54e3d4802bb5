SELECT watermark = '-infinity' AS first,
       CASE WHEN watermark = '-infinity' THEN NULL ELSE watermark END AS watermark,
       CASE WHEN raw_horizon = '-infinity' THEN NULL ELSE raw_horizon END AS horizon,
       set_config('synchronous_commit', 'off', true)
FROM aggregate_state
WHERE name = :name
  AND pg_try_advisory_xact_lock(hashtext('wellgate.refresh.' || :name))
FOR UPDATE
