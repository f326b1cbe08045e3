#!/usr/bin/env python3
"""Runs a shell command several times; prints its median wall time (ms) and peak RSS (KiB).

usage: bench-measure.py [--runs N] [--setup SHELL] [--teardown SHELL] -- SHELL
--setup/--teardown run before/after each measured run and are not measured.
"""
import os, statistics, subprocess, sys, time

def main():
    args = sys.argv[1:]
    runs, setup, teardown = 5, None, None
    while args and args[0] != "--":
        flag, value = args[0], args[1]
        args = args[2:]
        if flag == "--runs": runs = int(value)
        elif flag == "--setup": setup = value
        elif flag == "--teardown": teardown = value
        else: sys.exit(f"unknown flag {flag}")
    command = " ".join(args[1:])
    times, peaks = [], []
    for _ in range(runs):
        if setup: subprocess.run(setup, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.perf_counter()
        # exec so the measured process is the command itself, not an extra shell's peak
        proc = subprocess.Popen(["/bin/sh", "-c", "exec " + command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        err = proc.stderr.read().decode(errors="replace")
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"command failed: {command}\n{err}")
        times.append(elapsed * 1000)
        peaks.append(usage.ru_maxrss)
        if teardown: subprocess.run(teardown, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"{statistics.median(times):.1f} {max(peaks)}")

main()
