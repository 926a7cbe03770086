#!/usr/bin/env python3
"""Summarises the CPU samples of a flight recording (scripts/benchmark with JFR=1):
    jfr-top.py FILE.jfr [TOP]
prints the methods most often on top of the stack (self), and the application's own methods and the frameworks'
entry points most often anywhere on it (total), as shares of all samples."""
import collections, re, subprocess, sys

path, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", path],
                      capture_output=True, text=True, check=True).stdout
self_counts, total_counts, ours, samples = collections.Counter(), collections.Counter(), collections.Counter(), 0
frame = re.compile(r"^\s+([\w$.<>]+)\(.*\)\s+line:")
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = [m.group(1) for m in map(frame.match, event.splitlines()) if m]
    if not frames:
        continue
    samples += 1
    self_counts[frames[0]] += 1
    for name in set(frames):
        total_counts[name] += 1
        if name.startswith("com.nimbus."):
            ours[name] += 1


def show(title, counter):
    print(f"{title} ({samples} samples)")
    for name, count in counter.most_common(top):
        print(f"  {100 * count / samples:5.1f}%  {name}")


show("self", self_counts)
show("total, the application's methods", ours)
show("total, all", total_counts)
