-- Baseline: extensions the later migrations rely on.
create extension if not exists pgcrypto;
