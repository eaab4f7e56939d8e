#!/usr/bin/env python3
"""Fault scenarios: break things under load on purpose, then check that nothing was lost, duplicated or stuck.

  bench/faults.py SCENARIO [--jobs 50] [--latency-ms 1500] [--minutes 10] [--build]

Scenarios (each against two app processes on ports 18081/18082 unless noted, one PostgreSQL and Redis, and the
fake vendor bench/fake_vendor.py on 18091 speaking OpenAI's shape):
  kill9          kill -9 one replica while it generates
  term           SIGTERM one replica (graceful: running jobs drain or are released)
  redis-restart  restart Redis mid-load (it keeps nothing on disk: the stream, the consumer group, the pauses go)
  pg-restart     restart PostgreSQL mid-load
  garbage        the vendor answers 30% of generations with bytes that are not an image
  soak           one replica, steady load with 5% vendor errors for --minutes: RSS, heap and error rate over time

Every scenario uses schema atelier_crash and Redis prefix atelier_crash: (reset at start), prints a table and
writes bench/results/fault-<scenario>.json. Exit 1 when lost, stuck, duplicated-image or charged-without-success
counts are not all zero.
"""
import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
SCHEMA = "atelier_crash"
PREFIX = "atelier_crash:"
VENDOR = 18091
PORTS = (18081, 18082)
REDIS_START = ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "",
               "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"]


def sh(*cmd, check=True):
    return subprocess.run(cmd, check=check, capture_output=True, text=True).stdout


def psql(sql):
    return sh("psql", "-h", "localhost", "-U", "postgres", "-d", "postgres", "-At", "-F", "|", "-c", sql).strip()


def psql_retry(sql, seconds=60):
    end = time.time() + seconds
    while True:
        try:
            return psql(sql)
        except subprocess.CalledProcessError:
            if time.time() > end:
                raise
            time.sleep(0.5)


def http(url, body=None, timeout=10):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


def reset():
    psql(f"drop schema if exists {SCHEMA} cascade")
    keys = sh("redis-cli", "--scan", "--pattern", PREFIX + "*").split()
    for i in range(0, len(keys), 500):
        sh("redis-cli", "del", *keys[i:i + 500])


def start_app(port):
    log = open(os.path.join(ROOT, "target", f"fault-{port}.log"), "w")
    env = dict(os.environ, DATABASE_URL="postgresql://postgres@localhost:5432/postgres",
               REDIS_URL="redis://127.0.0.1:6379/0", OPENAI_API_KEY="sk-fake-fault-test",
               OPENAI_BASE_URL=f"http://127.0.0.1:{VENDOR}/v1")
    props = {
        "quarkus.http.port": port, "quarkus.management.port": port + 1000, "atelier.db.schema": SCHEMA, "atelier.redis.key-prefix": PREFIX,
        "atelier.jobs.concurrency": 4, "atelier.jobs.lease": "PT5S", "atelier.jobs.heartbeat": "PT1S",
        "atelier.jobs.reclaim-idle": "PT6S", "atelier.jobs.reclaim-every": "PT2S",
        "atelier.jobs.reconcile-every": "PT3S", "atelier.jobs.reconcile-grace": "PT5S",
        "atelier.jobs.drain-timeout": "PT2S", "atelier.routing.rate-limit.OPENAI.requests": 1000000,
        "atelier.images.root": os.path.join(ROOT, "target", "fault-images"), "atelier.budget.daily-usd": 100000,
        "atelier.budget.monthly-usd": 1000000, "quarkus.log.console.json.enabled": "false",
    }
    args = ["java", "-Xmx512m"] + [f"-D{k}={v}" for k, v in props.items()] + ["-jar", JAR]
    return subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)


def wait_ready(port, seconds=90):
    end = time.time() + seconds
    while time.time() < end:
        try:
            if http(f"http://127.0.0.1:{port + 1000}/q/health/ready")["status"] == "UP":
                return
        except Exception:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the app on port {port} did not become ready; see target/fault-{port}.log")


def submit(port, i, tag):
    end = time.time() + 60
    while True:
        try:
            answer = http(f"http://127.0.0.1:{port}/graphql", {
                "query": "mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }",
                "variables": {"i": {"prompt": f"{tag} tile {i}", "provider": "OPENAI", "enhance": False,
                                    "size": "256x256", "idempotencyKey": f"{tag}-{i}"}}})
            if not answer.get("errors"):
                return answer["data"]["generateImage"]["id"]
            error = answer["errors"]
        except Exception as e:  # the replica may be restarting its connections: retry with the same key
            error = str(e)
        if time.time() > end:
            raise SystemExit(f"submitting job {i} failed: {error}")
        time.sleep(0.5)


def counts():
    rows = psql_retry(f"select status, count(*) from {SCHEMA}.generation_jobs group by status")
    return {line.split("|")[0]: int(line.split("|")[1]) for line in rows.splitlines() if line}


def terminal(c):
    return sum(v for k, v in c.items() if k in ("SUCCEEDED", "FAILED", "CANCELLED"))


def wait_until(predicate, seconds, step=0.2):
    end = time.time() + seconds
    while time.time() < end:
        if predicate():
            return True
        time.sleep(step)
    return False


def running():
    return int(psql_retry(f"select count(*) from {SCHEMA}.generation_jobs where status = 'GENERATING'"))


def verdict(submitted, fault_at, extra):
    ids = ",".join(f"'{i}'" for i in submitted)
    in_db = int(psql(f"select count(*) from {SCHEMA}.generation_jobs where id in ({ids})"))
    stuck = int(psql(f"select count(*) from {SCHEMA}.generation_jobs where status not in "
                     "('SUCCEEDED', 'FAILED', 'CANCELLED')"))
    duplicated = int(psql(f"""select coalesce(sum(n - (j.request->>'count')::int), 0) from {SCHEMA}.generation_jobs j
                             join (select job_id, count(*) n from {SCHEMA}.images group by job_id) i on i.job_id = j.id
                             where n > (j.request->>'count')::int"""))
    images_of_unsuccessful = int(psql(f"""select count(*) from {SCHEMA}.images i join {SCHEMA}.generation_jobs j
                                         on j.id = i.job_id where j.status <> 'SUCCEEDED'"""))
    charged = int(psql(f"select count(*) from {SCHEMA}.generation_jobs where actual_cost is not null "
                       "and status <> 'SUCCEEDED'"))
    taken_over = int(psql(f"select count(*) from {SCHEMA}.generation_jobs where deliveries > 1"))
    result = {"jobs submitted": len(submitted), "final states": counts(), "lost": len(submitted) - in_db,
              "stuck": stuck, "duplicated images": duplicated, "images of unsuccessful jobs": images_of_unsuccessful,
              "charged without success": charged, "jobs run more than once": taken_over,
              "vendor generation calls": http(f"http://127.0.0.1:{VENDOR}/_fake/stats")["generations"],
              "seconds from fault to all terminal": round(time.time() - fault_at, 1)}
    result.update(extra)
    return result


def run_load_with_fault(args, processes, fault):
    apps = {}
    for port in PORTS:
        apps[port] = start_app(port)
        processes.append(apps[port])
        wait_ready(port)  # one at a time: the first applies the migrations
    tag = f"{args.scenario}-{int(time.time())}"
    submitted = [submit(PORTS[i % 2], i, tag) for i in range(args.jobs)]
    wait_until(lambda: counts().get("SUCCEEDED", 0) >= args.jobs // 5 and running() > 0, 120)
    before = counts()
    fault_at = time.time()
    extra = fault(apps)
    print(f"fault '{args.scenario}' injected with {before}", flush=True)
    extra["states when the fault hit"] = before
    wait_until(lambda: terminal(counts()) >= args.jobs, 300, 0.5)
    return verdict(submitted, fault_at, extra)


def restart_redis():
    sh("redis-cli", "shutdown", "nosave", check=False)
    time.sleep(1)
    sh(*REDIS_START)
    wait_until(lambda: sh("redis-cli", "ping", check=False).strip() == "PONG", 30)


def restart_postgres():
    cluster = sh("ls", "/etc/postgresql").split()[0]
    sh("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart")
    wait_until(lambda: subprocess.run(["pg_isready", "-h", "localhost"], capture_output=True).returncode == 0, 60)


def soak(args, processes):
    app = start_app(PORTS[0])
    processes.append(app)
    wait_ready(PORTS[0])
    http(f"http://127.0.0.1:{VENDOR}/_fake/config", {"error_rate": 0.05})
    tag = f"soak-{int(time.time())}"
    submitted, samples, i = [], [], 0
    started = time.time()
    next_sample = started
    rate = args.rate
    while time.time() - started < args.minutes * 60:
        submitted.append(submit(PORTS[0], i, tag))
        i += 1
        now = time.time()
        if now >= next_sample:
            rss = int(open(f"/proc/{app.pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024
            metrics = urllib.request.urlopen(f"http://127.0.0.1:{PORTS[0] + 1000}/q/metrics", timeout=10).read().decode()
            heap = sum(float(line.split()[-1]) for line in metrics.splitlines()
                       if line.startswith("jvm_memory_used_bytes") and 'area="heap"' in line) / 2**20
            c = counts()
            done = terminal(c)
            samples.append({"minute": round((now - started) / 60, 1), "rssMb": rss, "heapMb": round(heap),
                            "jobs": len(submitted), "terminal": done,
                            "failedShare": round(c.get("FAILED", 0) / done, 3) if done else 0})
            print(f"soak {samples[-1]}", flush=True)
            next_sample = now + 60
        time.sleep(max(0.0, started + i / rate - time.time()))
    fault_at = time.time()
    wait_until(lambda: terminal(counts()) >= len(submitted), 300, 0.5)
    rss = [s["rssMb"] for s in samples]
    return verdict(submitted, fault_at, {"minutes": args.minutes, "jobs per second": rate,
                                         "vendor error rate": 0.05, "samples": samples,
                                         "RSS first/max/last MB": f"{rss[0]}/{max(rss)}/{rss[-1]}" if rss else "-"})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=["kill9", "term", "redis-restart", "pg-restart", "garbage", "soak"])
    parser.add_argument("--jobs", type=int, default=50)
    parser.add_argument("--latency-ms", type=float, default=1500)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--rate", type=float, default=4, help="soak: jobs submitted per second")
    parser.add_argument("--build", action="store_true")
    args = parser.parse_args()
    if args.build or not os.path.exists(JAR):
        subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-q", "package", "-DskipTests"], cwd=ROOT, check=True)
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    reset()
    latency = 200 if args.scenario == "soak" else args.latency_ms
    processes = [subprocess.Popen([sys.executable, os.path.join(ROOT, "bench", "fake_vendor.py"), "--port",
                                   str(VENDOR), "--latency-ms", str(latency), "--jitter-ms", str(latency / 2)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        if args.scenario == "soak":
            result = soak(args, processes)
        else:
            def fault(apps):
                if args.scenario in ("kill9", "term"):
                    victim = apps[PORTS[0]]
                    victim.send_signal(signal.SIGKILL if args.scenario == "kill9" else signal.SIGTERM)
                    victim.wait(timeout=60)
                    return {"victim exit code": victim.returncode}
                if args.scenario == "redis-restart":
                    restart_redis()
                    return {}
                if args.scenario == "pg-restart":
                    restart_postgres()
                    return {}
                http(f"http://127.0.0.1:{VENDOR}/_fake/config", {"garbage_rate": 0.3})
                return {"garbage share": 0.3}
            result = run_load_with_fault(args, processes, fault)
        result = {"scenario": args.scenario, "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                  "commit": sh("git", "-C", ROOT, "rev-parse", "--short", "HEAD", check=False).strip(),
                  "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "os": platform.platform()},
                  **result}
        width = max(len(k) for k in result)
        print(f"\n== fault: {args.scenario}")
        for k, v in result.items():
            if k not in ("samples", "machine"):
                print(f"{k:<{width}}  {v}")
        os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
        with open(os.path.join(ROOT, "bench", "results", f"fault-{args.scenario}.json"), "w") as out:
            json.dump(result, out, indent=2)
        bad = result["lost"] + result["stuck"] + result["duplicated images"] + result["images of unsuccessful jobs"] \
            + result["charged without success"]
        print(f"lost / duplicated / stuck: {result['lost']} / {result['duplicated images']} / {result['stuck']}"
              f"  → {'OK' if bad == 0 else 'FAILED'}")
        return 1 if bad else 0
    finally:
        for p in processes:
            if p.poll() is None:
                p.terminate()
        for p in processes:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


if __name__ == "__main__":
    sys.exit(main())
