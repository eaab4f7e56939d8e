#!/usr/bin/env python3
"""Crash test: two Atelier processes on one PostgreSQL and Redis, 50 jobs on a slow fake vendor, one process
killed midway (kill -9 by default, or --signal TERM for a graceful stop). Afterwards every job must have exactly one
terminal state, no job may have more images than it asked for, and nothing may be stuck or lost.

  bench/crash_test.py [--jobs 50] [--signal KILL|TERM] [--latency-ms 1500] [--build]

Uses schema atelier_crash and Redis prefix atelier_crash: (both reset at start), ports 18081/18082 and a fake vendor
on 18091. Prints a table and exits non-zero when any count that must be zero is not.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
SCHEMA = "atelier_crash"
PREFIX = "atelier_crash:"
VENDOR_PORT = 18091


def sh(*cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def psql(sql):
    return sh("psql", "-h", "localhost", "-U", "postgres", "-d", "postgres", "-At", "-F", "|", "-c", sql).strip()


def reset():
    psql(f"drop schema if exists {SCHEMA} cascade")
    keys = sh("redis-cli", "--scan", "--pattern", PREFIX + "*").split()
    for i in range(0, len(keys), 500):
        sh("redis-cli", "del", *keys[i:i + 500])


def http(url, body=None, timeout=10):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


def start_app(port, log):
    env = dict(os.environ, DATABASE_URL="postgresql://postgres@localhost:5432/postgres",
               REDIS_URL="redis://127.0.0.1:6379/0", OPENAI_API_KEY="sk-fake-crash-test",
               OPENAI_BASE_URL=f"http://127.0.0.1:{VENDOR_PORT}/v1")
    props = {
        "quarkus.http.port": port, "atelier.db.schema": SCHEMA, "atelier.redis.key-prefix": PREFIX,
        "atelier.jobs.concurrency": 4, "atelier.jobs.lease": "PT5S", "atelier.jobs.heartbeat": "PT1S",
        "atelier.jobs.reclaim-idle": "PT6S", "atelier.jobs.reclaim-every": "PT2S",
        "atelier.jobs.reconcile-every": "PT3S", "atelier.jobs.reconcile-grace": "PT5S",
        "atelier.jobs.drain-timeout": "PT2S", "atelier.routing.rate-limit.OPENAI.requests": 1000000,
    }
    args = ["java", "-Xmx512m"] + [f"-D{k}={v}" for k, v in props.items()] + [
        f"-Datelier.images.root={ROOT}/target/crash-images", "-jar", JAR]
    return subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)


def wait_ready(port, deadline=90):
    end = time.time() + deadline
    while time.time() < end:
        try:
            if http(f"http://127.0.0.1:{port}/q/health/ready")["status"] == "UP":
                return
        except Exception:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the app on port {port} did not become ready; see target/crash-{port}.log")


def counts():
    rows = psql(f"select status, count(*) from {SCHEMA}.generation_jobs group by status")
    return {line.split("|")[0]: int(line.split("|")[1]) for line in rows.splitlines() if line}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=50)
    parser.add_argument("--signal", choices=["KILL", "TERM"], default="KILL")
    parser.add_argument("--latency-ms", type=float, default=1500)
    parser.add_argument("--build", action="store_true")
    args = parser.parse_args()

    if args.build or not os.path.exists(JAR):
        subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-q", "package", "-DskipTests"], cwd=ROOT, check=True)
    reset()
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    processes = []
    vendor = subprocess.Popen([sys.executable, os.path.join(ROOT, "bench", "fake_vendor.py"), "--port", str(VENDOR_PORT),
                               "--latency-ms", str(args.latency_ms), "--jitter-ms", str(args.latency_ms / 2)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    processes.append(vendor)
    try:
        apps = {}
        for port in (18081, 18082):
            log = open(os.path.join(ROOT, "target", f"crash-{port}.log"), "w")
            apps[port] = start_app(port, log)
            processes.append(apps[port])
            wait_ready(port)  # one at a time: the first applies the migrations
        submitted = []
        for i in range(args.jobs):
            port = 18081 if i % 2 == 0 else 18082
            answer = http(f"http://127.0.0.1:{port}/graphql", {
                "query": "mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }",
                "variables": {"i": {"prompt": f"crash test tile {i}", "provider": "OPENAI", "enhance": False,
                                    "size": "256x256", "idempotencyKey": f"crash-{i}"}}})
            if answer.get("errors"):
                raise SystemExit(f"submitting job {i} failed: {answer['errors']}")
            submitted.append(answer["data"]["generateImage"]["id"])
        # kill the first process while it is running jobs, after some have finished
        end = time.time() + 120
        while time.time() < end:
            c = counts()
            running = int(psql(f"select count(*) from {SCHEMA}.generation_jobs where status = 'GENERATING'"))
            if c.get("SUCCEEDED", 0) >= args.jobs // 5 and running > 0:
                break
            time.sleep(0.2)
        before = counts()
        victim = apps[18081]
        victim.send_signal(signal.SIGKILL if args.signal == "KILL" else signal.SIGTERM)
        killed_at = time.time()
        victim.wait(timeout=60)
        print(f"sent SIG{args.signal} to the app on 18081 with {before} (exit {victim.returncode})", flush=True)
        end = time.time() + 240
        while time.time() < end:
            c = counts()
            if sum(v for k, v in c.items() if k in ("SUCCEEDED", "FAILED", "CANCELLED")) >= args.jobs:
                break
            time.sleep(0.5)
        recovery_s = time.time() - killed_at
        ids = ",".join(f"'{i}'" for i in submitted)
        in_db = int(psql(f"select count(*) from {SCHEMA}.generation_jobs where id in ({ids})"))
        stuck = int(psql(f"select count(*) from {SCHEMA}.generation_jobs where status not in "
                         "('SUCCEEDED', 'FAILED', 'CANCELLED')"))
        duplicated = int(psql(f"""select coalesce(sum(n - (j.request->>'count')::int), 0) from {SCHEMA}.generation_jobs j
                                 join (select job_id, count(*) n from {SCHEMA}.images group by job_id) i on i.job_id = j.id
                                 where n > (j.request->>'count')::int"""))
        images_of_unsuccessful = int(psql(f"""select count(*) from {SCHEMA}.images i join {SCHEMA}.generation_jobs j
                                             on j.id = i.job_id where j.status <> 'SUCCEEDED'"""))
        charged_without_success = int(psql(f"""select count(*) from {SCHEMA}.generation_jobs
                                              where actual_cost is not null and status <> 'SUCCEEDED'"""))
        taken_over = int(psql(f"select count(*) from {SCHEMA}.generation_jobs where deliveries > 1"))
        vendor_calls = http(f"http://127.0.0.1:{VENDOR_PORT}/_fake/stats")["generations"]
        final = counts()
        result = {
            "jobs submitted": args.jobs, "signal": args.signal, "final states": final,
            "lost": args.jobs - in_db, "stuck": stuck, "duplicated images": duplicated,
            "images of unsuccessful jobs": images_of_unsuccessful, "charged without success": charged_without_success,
            "jobs taken over by the survivor": taken_over, "vendor generation calls": vendor_calls,
            "seconds from signal to all terminal": round(recovery_s, 1),
        }
        width = max(len(k) for k in result)
        print("\n== crash test")
        for k, v in result.items():
            print(f"{k:<{width}}  {v}")
        os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
        with open(os.path.join(ROOT, "bench", "results", f"crash-{args.signal.lower()}.json"), "w") as out:
            json.dump(result, out, indent=2)
        bad = result["lost"] + stuck + duplicated + images_of_unsuccessful + charged_without_success
        if final.get("SUCCEEDED", 0) != args.jobs:
            print("note: not every job succeeded; see target/crash-18082.log")
        return 1 if bad else 0
    finally:
        for p in processes:
            if p.poll() is None:
                p.terminate()
        for p in processes:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


if __name__ == "__main__":
    sys.exit(main())
