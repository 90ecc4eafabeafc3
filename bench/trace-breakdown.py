#!/usr/bin/env python3
"""Where a turn's running time goes, from a dotnet-trace sampled-thread-time trace converted to speedscope:

    dotnet-trace convert trace.nettrace --format Speedscope -o trace
    python3 bench/trace-breakdown.py trace.speedscope.json

Time whose innermost frame is a wait (idle thread-pool threads, Monitor.Wait, Thread.Sleep, socket reads...) is
counted apart as "waiting"; the rest ("running") is split by the outermost matching area of the stack, and each
area's share of running time is printed, together with finer rows (inclusive: a row's time is also in its area).
"""
import collections, json, sys

WAITS = ("Monitor.Wait", "LowLevelLifoSemaphore.WaitNative", "WaitHandle.WaitOneNoCheck", "LowLevelSpinWaiter.Wait",
         "Thread.Sleep", "Interop+Sys.Read", "Missing Symbol", "SemaphoreSlim.Wait", "Interop+Sys.WaitForSocketEvents",
         "Interop+Sys.Poll", "EventPipe", "Thread.<PollGC>")
# Areas, first match from the top of the stack (outermost) wins.
AREAS = [
    ("load driver (client side)", ("VssBot.Bench.LoadDriver",)),
    ("console recorder (after the turn)", ("ConversationRecorder.DrainAsync", "ConversationRecorder+<DrainAsync>")),
    ("declaration outbox / follow-ups", ("DeclarationOutboxWorker", "DeclarationFollowUp")),
    ("turn (Kestrel, adapter, middleware, bot)", ("Microsoft.AspNetCore.Server.Kestrel", "HttpProtocol", "CloudAdapter")),
]
ROWS = [
    ("  Bot Framework adapter: ConnectorClient/OAuthClient created per turn", ("ConnectorClient..ctor", "OAuthClient..ctor")),
    ("  adapter: activity JSON in/out (HttpHelper)", ("HttpHelper",)),
    ("  state load (StudentState.LoadAsync)", ("StudentState+<LoadAsync>", "StudentState.LoadAsync", "BotState.LoadAsync")),
    ("  state save (StudentState.SaveAsync)", ("StudentState.SaveAsync", "StudentState.SaveProfileAsync", "BotState.SaveChangesAsync")),
    ("    JSON (Newtonsoft) in state", ("Newtonsoft.Json!",)),
    ("    encryption (PersonalDataProtector)", ("PersonalDataProtector",)),
    ("    SQLite (sqlite3_*)", ("ISQLite3Provider.",)),
    ("  dialogs (VssBot.Dialogs.Runtime + Conversation)", ("VssBot.Dialogs.Runtime", "VssBot.Dialogs.Conversation")),
    ("    readers (Form01.Fields)", ("VssBot.Dialogs.Form01.Fields",)),
    ("    language (Language: extraction, intents, names...)", ("VssBot.Dialogs.Language",)),
    ("    reference data (addresses, offices)", ("VssBot.Dialogs.Reference",)),
    ("  logging", ("Microsoft.Extensions.Logging", "ConsoleLogger")),
    ("  GC (allocation slow path)", ("GC.", "AllocateNewArray", "GCHeap")),
]

def main(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    waiting = running = 0.0
    areas = collections.Counter(); rows = collections.Counter()
    for profile in data["profiles"]:
        if profile["type"] != "evented":
            continue
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if stack and last is not None and at > last:
                span = at - last
                leaf = frames[stack[-1]]
                if leaf in ("UNMANAGED_CODE_TIME", "CPU_TIME") and len(stack) > 1:
                    leaf = frames[stack[-2]]  # the pseudo frame says native or managed; its caller says what
                if any(w in leaf for w in WAITS):
                    waiting += span
                else:
                    running += span
                    names = [frames[i] for i in stack]
                    for area, keys in AREAS:
                        if any(any(k in n for k in keys) for n in names):
                            areas[area] += span
                            break
                    else:
                        areas["other (runtime, timers, thread pool)"] += span
                    for row, keys in ROWS:
                        if any(any(k in n for k in keys) for n in names):
                            rows[row] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    total = waiting + running
    print(f"waiting (idle or blocked): {100 * waiting / total:.1f}% of sampled thread time; running: {100 * running / total:.1f}%")
    print("share of running time:")
    for area, span in areas.most_common():
        print(f"  {100 * span / running:5.1f}%  {area}")
    print("finer rows (share of running time, inclusive):")
    for row, _ in ROWS:
        print(f"  {100 * rows[row] / running:5.1f}%  {row}")

if __name__ == "__main__":
    main(sys.argv[1])
