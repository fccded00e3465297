-- Event store: append-only events, one row per stream, and a command log for idempotency.
-- All appends go through es_append() so that the version check, the idempotency check and
-- the inserts happen in one round trip and one transaction.

create table streams (
  stream_id     text primary key,
  stream_type   text not null,
  version       bigint not null check (version >= 0),
  province_code text,
  region_code   text,
  created_at    timestamptz not null default now()
);

create table events (
  -- Identity column: numbers are only taken by the INSERT, after the version check passed,
  -- so a rejected append never burns a position.
  global_position bigint generated always as identity primary key,
  -- Feed readers order by (transaction_id, global_position) and stop below the snapshot xmin:
  -- positions are assigned before commit, so position order alone would skip late commits.
  transaction_id  xid8 not null default pg_current_xact_id(),
  stream_id       text not null references streams (stream_id),
  stream_version  bigint not null check (stream_version >= 1),
  event_id        uuid not null unique,
  type            text not null,
  schema_version  int not null check (schema_version >= 1),
  data            jsonb not null,
  metadata        jsonb not null,
  recorded_at     timestamptz not null default now(),
  province_code   text,
  region_code     text,
  command_id      uuid,
  unique (stream_id, stream_version)
);

create index events_feed_idx on events (transaction_id, global_position);
create index events_province_feed_idx on events (province_code, transaction_id, global_position);
create index events_command_idx on events (command_id);

create table commands (
  command_id     uuid primary key,
  stream_id      text not null,
  payload_hash   text not null,
  -- Filled once, by the transaction that inserted the row (see commands_guard).
  result         jsonb,
  transaction_id xid8 not null default pg_current_xact_id(),
  recorded_at    timestamptz not null default now()
);

-- Immutability. 'P0403' is our own SQLSTATE so callers can tell it from other failures.
create function es_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = 'P0403', message = tg_table_name || ' are immutable';
end $$;

create trigger events_no_update_delete before update or delete on events
  for each row execute function es_forbid_change();
create trigger events_no_truncate before truncate on events
  for each statement execute function es_forbid_change();

-- commands: the row is inserted first (it is the lock that serialises two identical commands)
-- and its result is written at the end of the same append. That single fill is the only
-- change allowed: same transaction, result was null, nothing else touched.
create function es_commands_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and old.result is null and new.result is not null
     and old.transaction_id = pg_current_xact_id()
     and new.command_id = old.command_id and new.stream_id = old.stream_id
     and new.payload_hash = old.payload_hash and new.transaction_id = old.transaction_id
     and new.recorded_at = old.recorded_at then
    return new;
  end if;
  raise exception using errcode = 'P0403', message = 'commands are immutable';
end $$;

create trigger commands_no_update_delete before update or delete on commands
  for each row execute function es_commands_guard();
create trigger commands_no_truncate before truncate on commands
  for each statement execute function es_forbid_change();

-- Appends p_events (jsonb array of {event_id, type, schema_version, data, metadata}) to a stream.
-- Errors: P0409 version conflict (detail = actual version), P0422 idempotency conflict,
-- 22023 bad arguments. Returns the result jsonb (also stored in commands.result).
create function es_append(
  p_stream_id text, p_stream_type text, p_expected_version bigint,
  p_province text, p_region text, p_command_id uuid, p_payload_hash text, p_events jsonb
) returns jsonb language plpgsql as $$
declare
  n        int := coalesce(jsonb_array_length(p_events), 0);
  inserted int;
  actual   bigint;
  prior    commands%rowtype;
  res      jsonb;
begin
  if n = 0 then
    raise exception using errcode = '22023', message = 'es_append: no events';
  end if;
  if p_expected_version is null or p_expected_version < 0 then
    raise exception using errcode = '22023', message = 'es_append: expected version must be >= 0';
  end if;

  -- 1. Idempotency. ON CONFLICT waits for a concurrent insert of the same command id to
  -- finish: if it commits we fall through to the replay branch (the next statement gets a
  -- fresh snapshot under READ COMMITTED); if it aborts our row is inserted and we continue.
  if p_command_id is not null then
    insert into commands (command_id, stream_id, payload_hash)
    values (p_command_id, p_stream_id, p_payload_hash)
    on conflict (command_id) do nothing;
    get diagnostics inserted = row_count;
    if inserted = 0 then
      select * into prior from commands where command_id = p_command_id;
      if not found or prior.result is null then
        raise exception using errcode = '40001', message = 'es_append: command ' || p_command_id || ' not visible yet';
      end if;
      if prior.payload_hash is distinct from p_payload_hash or prior.stream_id <> p_stream_id then
        raise exception using errcode = 'P0422',
          message = 'command ' || p_command_id || ' was already used with a different payload';
      end if;
      return prior.result || jsonb_build_object('replayed', true);
    end if;
  end if;

  -- 2. Version check, before any global position is taken.
  if p_expected_version = 0 then
    insert into streams (stream_id, stream_type, version, province_code, region_code)
    values (p_stream_id, p_stream_type, n, p_province, p_region)
    on conflict (stream_id) do nothing;
    get diagnostics inserted = row_count;
  else
    update streams set version = version + n
     where stream_id = p_stream_id and version = p_expected_version;
    get diagnostics inserted = row_count;
  end if;
  if inserted = 0 then
    select version into actual from streams where stream_id = p_stream_id;
    raise exception using errcode = 'P0409',
      message = format('stream %s: expected version %s, actual %s', p_stream_id, p_expected_version, coalesce(actual, 0)),
      detail = coalesce(actual, 0)::text;
  end if;

  -- 3. Insert in array order; positions follow the ORDER BY of the select.
  with ins as (
    insert into events (stream_id, stream_version, event_id, type, schema_version, data, metadata,
                        province_code, region_code, command_id)
    select p_stream_id, p_expected_version + e.ord, (e.v ->> 'event_id')::uuid, e.v ->> 'type',
           coalesce((e.v ->> 'schema_version')::int, 1), coalesce(e.v -> 'data', '{}'::jsonb),
           coalesce(e.v -> 'metadata', '{}'::jsonb), p_province, p_region, p_command_id
      from jsonb_array_elements(p_events) with ordinality as e(v, ord)
     order by e.ord
    returning global_position, stream_version, event_id
  )
  select jsonb_build_object(
           'stream_id', p_stream_id,
           'next_version', p_expected_version + n,
           'global_positions', jsonb_agg(global_position order by stream_version),
           'stream_versions', jsonb_agg(stream_version order by stream_version),
           'event_ids', jsonb_agg(event_id order by stream_version),
           'transaction_id', pg_current_xact_id()::text,
           'replayed', false)
    into res from ins;

  if p_command_id is not null then
    update commands set result = res where command_id = p_command_id;
  end if;

  -- A wake-up hint only (delivered at commit); readers always go back to the table.
  perform pg_notify('sakip_events', json_build_object(
    'streamId', p_stream_id, 'position', (res -> 'global_positions' ->> (n - 1))::bigint,
    'provinceCode', p_province)::text);
  return res;
end $$;
