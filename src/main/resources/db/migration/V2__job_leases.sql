-- Job leases: the worker that runs a job holds it for a short, renewed lease. Another worker may take the job
-- over only once the lease has lapsed (the holder died); every write a worker makes is guarded by holding it.
alter table generation_jobs
    add column worker_id    text,
    add column lease_until  timestamptz,
    -- when a QUEUED job may run again (rate-limit waits); the reconciler leaves it alone until then
    add column available_at timestamptz,
    -- how many times a worker took the job; a job that keeps killing its workers fails instead of looping
    add column deliveries   integer not null default 0;

create index jobs_leased on generation_jobs (worker_id)
    where status in ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING');
-- queue position: QUEUED jobs ahead of a given one
create index jobs_queued_order on generation_jobs (queued_at, id) where status = 'QUEUED';
-- throughput and run-time statistics for ETAs look at recently finished jobs
create index jobs_finished on generation_jobs (finished_at) where finished_at is not null;
