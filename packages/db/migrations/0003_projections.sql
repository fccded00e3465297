-- Projection engine bookkeeping (see docs/adr/0006 and 0007). Read-model tables themselves are
-- created by each projection version's setup() (rm_<name>[_<table>]_v<version>, LIST-partitioned
-- by province code) and read through views rm_<name>[_<table>] that point at the active version.

create table projection_versions (
  name         text not null,
  version      int not null check (version >= 1),
  status       text not null check (status in ('building', 'active', 'retired')),
  created_at   timestamptz not null default now(),
  activated_at timestamptz,
  primary key (name, version)
);
-- At most one active version per projection; the switch flips both rows in one transaction.
create unique index projection_versions_one_active on projection_versions (name) where status = 'active';

-- One row per (projection, version, partition). partition: '*' (whole feed), a province code,
-- '00' (events without a province) or 'kafka:<n>' (Kafka path, informational).
-- Advanced only by compare-and-set, in the same transaction as the read-model writes.
create table projection_checkpoints (
  name           text not null,
  version        int not null,
  partition      text not null,
  transaction_id xid8 not null default '0',
  position       bigint not null default 0,
  state          text not null default 'running' check (state in ('running', 'stopped')),
  last_error     text,
  updated_at     timestamptz not null default now(),
  primary key (name, version, partition)
);

create table projection_dead_letters (
  id              bigint generated always as identity primary key,
  name            text not null,
  version         int not null,
  partition       text not null,
  event_id        uuid not null,
  global_position bigint not null,
  type            text not null,
  error           text not null,
  occurred_at     timestamptz not null default now(),
  -- skipped: the projector went on without it; blocking: policy 'stop' halted on it.
  status          text not null check (status in ('skipped', 'blocking', 'resolved')),
  unique (name, version, event_id)
);

-- Kafka path: event ids already applied, written in the same transaction as the read model.
create table projection_applied_events (
  name     text not null,
  version  int not null,
  event_id uuid not null,
  primary key (name, version, event_id)
);
