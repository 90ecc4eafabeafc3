#!/usr/bin/env python3
"""Where a process's CPU time goes, by library, from Linux `perf` samples (real CPU, native code included):

    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet bench/LoadDriver/bin/Release/net10.0/VssBot.LoadDriver.dll --students 16 --seconds 40 &
    sleep 12; perf record -F 1999 -g -a -o turn.perf -- sleep 15
    perf script -i turn.perf -F comm,pid,tid,period,ip,sym --no-demangle > turn.txt
    python3 bench/perf-breakdown.py turn.txt PID [needle ...]

Each sample of process PID is charged to the innermost managed frame of a known library (Newtonsoft, SQLite, the
bot's own assemblies, ASP.NET Core...): native SQLite, zlib or kernel frames have no frame pointers, so they are
charged to "native/runtime" unless a managed caller is seen. With needles, also prints the share of samples whose
stack contains each needle (inclusive; an async continuation's stack starts at the thread pool, not at the request).
`perf report -i turn.perf --no-children --sort dso` gives the native split (kernel, libe_sqlite3, libcoreclr = GC).
`DOTNET_PerfMapEnabled=1` writes /tmp/perf-PID.map so perf can name JIT-compiled methods; W^X off keeps their addresses
in one mapping.
"""
import collections, re, sys

GROUPS = [("Newtonsoft.Json", "Newtonsoft"), ("SQLite (managed side)", "Microsoft.Data.Sqlite"), ("SQLite (managed side)", "SQLitePCL"),
          ("compression", "System.IO.Compression"), ("cryptography", "System.Security.Cryptography"),
          ("VssBot.Dialogs", "VssBot.Dialogs"), ("VssBot.Bot", "VssBot.Bot"), ("load driver", "VssBot.LoadDriver"),
          ("Bot Framework", "Microsoft.Bot"), ("ASP.NET Core", "Microsoft.AspNetCore"), ("System.Net", "System.Net"),
          ("OpenTelemetry", "OpenTelemetry"), ("logging", "Microsoft.Extensions.Logging"), ("other Microsoft.Extensions", "Microsoft.Extensions"),
          ("Recognizers", "Microsoft.Recognizers"), ("LINQ", "System.Linq"), ("System.Text.Json", "System.Text.Json"),
          ("regular expressions", "System.Text.RegularExpressions"), ("collections", "System.Collections")]
MODULE = re.compile(r"\[([A-Za-z0-9_.]+)\]")


def group(frame):
    match = MODULE.search(frame)
    if match:
        for name, prefix in GROUPS:
            if match.group(1).startswith(prefix):
                return name
    return None


def main(path, pid, needles):
    owners, inclusive, total = collections.Counter(), collections.Counter(), 0
    frames, ours = [], False

    def flush():
        nonlocal total
        if not ours:
            return
        total += 1
        owners[next((g for g in map(group, frames) if g), "native/runtime (kernel, SQLite, GC, zlib...)")] += 1
        text = "\n".join(frames)
        for needle in needles:
            if needle in text:
                inclusive[needle] += 1

    with open(path, errors="replace") as lines:
        for line in lines:
            if line.strip() and not line.startswith("\t"):
                flush()
                frames = []
                ids = [word for word in line.split() if "/" in word]
                ours = bool(ids) and ids[0].split("/")[0] == pid
            elif ours and line.strip():
                parts = line.strip().split(" ", 1)
                frames.append(parts[1] if len(parts) > 1 else "?")
    flush()
    print(f"{total} samples of process {pid}; CPU by library (innermost managed frame):")
    for name, count in owners.most_common():
        print(f"  {100 * count / total:5.1f}%  {name}")
    for needle in needles:
        print(f"  {100 * inclusive[needle] / total:5.1f}%  inclusive: {needle}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
