#!/usr/bin/env python3
"""The crash test of docs/jobs.md: bench/faults.py kill9 (default) or term. Kept for the documented command line:
  bench/crash_test.py [--signal KILL|TERM] [--jobs 50] [--latency-ms 1500]
"""
import os
import sys

args = sys.argv[1:]
scenario = "kill9"
if "--signal" in args:
    i = args.index("--signal")
    scenario = "term" if args[i + 1].upper() == "TERM" else "kill9"
    del args[i:i + 2]
faults = os.path.join(os.path.dirname(os.path.abspath(__file__)), "faults.py")
os.execv(sys.executable, [sys.executable, faults, scenario] + args)
