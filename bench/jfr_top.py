#!/usr/bin/env python3
"""Where the CPU time goes in a JFR recording: the top methods by self samples, and by inclusive samples for a
package prefix.   bench/jfr_top.py recording.jfr [--prefix dev.atelier] [--top 25]

Record one with the benchmark that interests you, e.g.
  ./mvnw -B -q test -Dtest=OpenAiCompatBench -Datelier.bench=true \\
    -DargLine="-Datelier.bench=true -XX:StartFlightRecording=filename=target/bench.jfr,settings=profile"
"""
import argparse
import collections
import json
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("recording")
    parser.add_argument("--prefix", default="dev.atelier")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample",
                          args.recording], capture_output=True, text=True, check=True).stdout
    events = json.loads(raw)["recording"]["events"]
    self_counts, inclusive, total = collections.Counter(), collections.Counter(), 0
    for event in events:
        frames = event["values"].get("stackTrace", {}).get("frames", [])
        if not frames:
            continue
        total += 1
        names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]
        self_counts[names[0]] += 1
        for name in set(n for n in names if n.startswith(args.prefix)):
            inclusive[name] += 1
    print(f"{total} samples")
    print(f"\n== top {args.top} by self time")
    for name, n in self_counts.most_common(args.top):
        print(f"{100 * n / total:6.1f}%  {name}")
    print(f"\n== top {args.top} {args.prefix} methods by inclusive time")
    for name, n in inclusive.most_common(args.top):
        print(f"{100 * n / total:6.1f}%  {name}")


if __name__ == "__main__":
    sys.exit(main())
