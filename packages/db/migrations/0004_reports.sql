-- LKjIP reports (@sakip/reports). Files live in content-addressed object storage; this table
-- says which report (OPD or pemda, year, format) was built from which feed position and
-- decrees, and where its bytes are. Rows are never updated after 'ready' or 'failed':
-- a past report stays downloadable as it was.
create table reports (
  id            uuid primary key,
  -- OPD id (18.04-DISKOPERINDAG) or, for a pemda-level report, the region code (18.04).
  opd_id        text not null,
  year          int not null check (year between 2000 and 2100),
  format        text not null check (format in ('docx', 'pdf', 'html')),
  -- The event-store position the data was read at (the subject's latest relevant event).
  feed_position bigint not null,
  -- Global head of the store when it was built (information only).
  head_position bigint,
  decrees       jsonb not null default '[]'::jsonb,
  -- sha256 of the document model (same data → same hash, whatever the format).
  content_hash  text,
  sha256        text,
  storage_key   text,
  size          bigint,
  created_at    timestamptz not null default now(),
  job_id        text,
  status        text not null check (status in ('ready', 'failed')),
  error         text,
  check (status <> 'ready' or (sha256 is not null and storage_key is not null and size is not null))
);

create index reports_subject_idx on reports (opd_id, year, created_at desc);
create index reports_job_idx on reports (job_id);

-- Kata pengantar and latar belakang templates with every version; the latest per scope/key wins.
create table report_templates (
  id         bigint generated always as identity primary key,
  -- OPD id, region code, or '*' for everyone.
  scope      text not null,
  key        text not null check (key in ('kata_pengantar', 'latar_belakang')),
  body       text not null,
  actor      text not null,
  created_at timestamptz not null default now()
);

create index report_templates_scope_idx on report_templates (scope, key, id desc);
