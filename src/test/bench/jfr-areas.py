#!/usr/bin/env python3
"""What a flight recording of the service spent its CPU on, grouped by area, for intake-bench.sh PROFILE=jfr.

Usage: jfr-areas.py RECORDING.jfr [ACTIVITY.txt]

Each execution sample is given to the area of the frame nearest the top of its stack that belongs to a known
area (SHA-256 called from the event log counts as hashing, a HashMap called from Jackson as JSON); samples with
no such frame go to the generic areas (the event loop's own I/O, reactive plumbing, the JDK). ACTIVITY.txt is
the script's pg_stat_activity sampling (time|state|wait type|wait event|query), summarised as shares of
session time.
"""
import collections
import json
import subprocess
import sys

# (area, frame prefixes): a frame belongs to the first area one of whose prefixes starts its "class.method" name
SPECIFIC = [
    ("hashing (SHA-256)", ["sun.security.provider.", "java.security.MessageDigest", "cn.huiyin.shared.domain.Sha256",
                           "cn.huiyin.appeal.domain.EventHash", "cn.huiyin.appeal.domain.HashChain"]),
    ("classifier (routing)", ["cn.huiyin.routing.domain.", "cn.huiyin.routing.application.RoutingSuggestions"]),
    ("JSON payload building (JsonText, event codec)", ["cn.huiyin.shared.domain.JsonText", "cn.huiyin.appeal.domain.AppealEventCodec"]),
    ("validation (draft policy, field rules)", ["cn.huiyin.intake.domain.WebDraftPolicy", "cn.huiyin.shared.domain.FieldRules",
                                                "cn.huiyin.shared.domain.Uscc", "cn.huiyin.shared.domain.MobileNumber",
                                                "cn.huiyin.shared.domain.Text", "cn.huiyin.shared.domain.PersonName",
                                                "cn.huiyin.shared.validation.", "org.hibernate.validator.", "jakarta.validation."]),
    ("SLA clocks planning", ["cn.huiyin.sla.domain.", "cn.huiyin.sla.application.SlaCalendar", "cn.huiyin.sla.application.SlaClockService"]),
    ("SLA sweeper", ["cn.huiyin.sla.application.SlaSweeper", "cn.huiyin.sla."]),
    ("outbox relay and handlers", ["cn.huiyin.shared.outbox.", "cn.huiyin.shared.persistence.OutboxRepository",
                                   "cn.huiyin.notify.", "cn.huiyin.workqueue."]),
    ("metrics projection / other background", ["cn.huiyin.metrics.", "cn.huiyin.hotspot.", "cn.huiyin.feed.",
                                                "cn.huiyin.supervision.", "cn.huiyin.risk.", "cn.huiyin.knowledge."]),
    ("Hibernate (ORM / Reactive)", ["org.hibernate."]),
    ("Redis client", ["io.quarkus.redis.", "io.vertx.redis.", "io.vertx.mutiny.redis."]),
    ("logging", ["org.jboss.logmanager.", "org.jboss.logging.", "java.util.logging."]),
    ("Micrometer (counters, timers)", ["io.micrometer.", "io.quarkus.micrometer."]),
    ("JSON (Jackson: request decoding, receipt encoding)", ["com.fasterxml.jackson.", "io.quarkus.resteasy.reactive.jackson.",
                                                           "org.jboss.resteasy.reactive.server.jackson."]),
    ("PostgreSQL client (encode, decode, protocol)", ["io.vertx.pgclient.", "io.vertx.sqlclient.", "io.vertx.mutiny.sqlclient.",
                                                      "io.vertx.mutiny.pgclient."]),
    ("group commit and in-process stream", ["cn.huiyin.shared.messaging.", "io.smallrye.reactive.messaging.",
                                            "cn.huiyin.intake.messaging."]),
    ("intake planning (IntakeService, plan, tuples)", ["cn.huiyin.intake.", "cn.huiyin.appeal."]),
    ("web channel (resource, envelope, receipt)", ["cn.huiyin.channel.", "cn.huiyin.shared.security.", "cn.huiyin.shared.web."]),
    ("REST layer (RESTEasy Reactive, routing, security)", ["org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.",
                                                           "io.quarkus.vertx.http.", "io.quarkus.security.", "io.vertx.ext.web."]),
    ("HTTP codec (Netty/Vert.x HTTP)", ["io.netty.handler.codec.http.", "io.vertx.core.http."]),
    ("scheduler (Quarkus @Scheduled)", ["io.quarkus.scheduler."]),
    ("other application code", ["cn.huiyin."]),
]
GENERIC = [
    ("network I/O and event loop (Netty)", ["io.netty.", "sun.nio.", "java.nio.", "io.vertx.core.net."]),
    ("reactive plumbing (Mutiny, Vert.x context, CDI)", ["io.smallrye.mutiny.", "io.vertx.", "io.quarkus.arc.", "io.smallrye."]),
    ("JDK (threads, collections, strings)", ["java.", "jdk.", "sun."]),
]


def frame_name(frame):
    method = frame.get("method", {})
    cls = method.get("type", {}).get("name", "?")
    # JFR writes class names in internal form (java/lang/String); hidden classes (lambdas) keep their dots
    return cls.replace("/", ".") + "." + method.get("name", "?")


def lambda_free(name):
    """cn.huiyin.X$$Lambda$12+0x../123.apply -> cn.huiyin.X (lambda)"""
    return name.split("$$Lambda")[0] + " (lambda)" if "$$Lambda" in name else name


def area_of(names, rules):
    for name in names:
        for area, prefixes in rules:
            if any(name.startswith(p) for p in prefixes):
                return area
    return None


def events(recording, event_type):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", event_type, recording],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def pct(n, total):
    return f"{100.0 * n / total:5.1f} %" if total else "  -"


def cpu(recording):
    samples = events(recording, "jdk.ExecutionSample")
    total = len(samples)
    areas, leaves, app_frames, threads = (collections.Counter() for _ in range(4))
    for s in samples:
        names = [frame_name(f) for f in (s["values"].get("stackTrace") or {}).get("frames", [])]
        areas[area_of(names, SPECIFIC) or area_of(names, GENERIC) or "other"] += 1
        if names:
            leaves[names[0]] += 1
        for name in set(lambda_free(n) for n in names if n.startswith("cn.huiyin.")):
            app_frames[name] += 1
        thread = (s["values"].get("sampledThread") or {}).get("javaName") or "?"
        threads[thread.rstrip("0123456789").rstrip("-#")] += 1
    print(f"CPU: {total} execution samples (JFR 'profile' settings, every 10 ms per running Java thread)")
    print("By area (each sample to the known area nearest the top of its stack):")
    for area, n in areas.most_common():
        print(f"  {pct(n, total)}  {area}")
    print("By thread:")
    for t, n in threads.most_common(6):
        print(f"  {pct(n, total)}  {t}")
    print("Hottest frames (self):")
    for name, n in leaves.most_common(20):
        print(f"  {pct(n, total)}  {name}")
    print("Application methods on the stack (inclusive):")
    for name, n in app_frames.most_common(20):
        print(f"  {pct(n, total)}  {name}")


def machine(recording):
    loads = events(recording, "jdk.CPULoad")
    if loads:
        avg = lambda k: sum(e["values"][k] for e in loads) / len(loads)
        user, system, total = avg("jvmUser"), avg("jvmSystem"), avg("machineTotal")
        print(f"Machine CPU (jdk.CPULoad, mean of {len(loads)} readings): this JVM {100 * (user + system):.0f} % "
              f"of the machine (user {100 * user:.0f} %, system {100 * system:.0f} %), whole machine {100 * total:.0f} %; "
              f"the rest is PostgreSQL, wrk and other work on the machine")
    pauses = events(recording, "jdk.GarbageCollection")
    if pauses:
        ms = lambda d: float(d.rstrip("s").split()[0]) if isinstance(d, str) else 0.0
        total_pause = 0.0
        for e in pauses:
            d = e["values"].get("sumOfPauses", "0 s")
            # jfr's JSON writes durations as ISO-8601 (PT0.001S)
            if isinstance(d, str) and d.startswith("PT"):
                total_pause += float(d[2:-1]) if d.endswith("S") else 0.0
        print(f"GC: {len(pauses)} collections, {total_pause * 1000:.0f} ms of pauses in total")


def allocation(recording):
    samples = events(recording, "jdk.ObjectAllocationSample")
    by_class, by_site = collections.Counter(), collections.Counter()
    total = 0
    for s in samples:
        w = s["values"].get("weight", 0)
        total += w
        by_class[(s["values"].get("objectClass") or {}).get("name", "?")] += w
        names = [frame_name(f) for f in (s["values"].get("stackTrace") or {}).get("frames", [])]
        site = next((lambda_free(n) for n in names if n.startswith("cn.huiyin.")), None) or area_of(names, SPECIFIC) \
            or area_of(names, GENERIC) or "other"
        by_site[site] += w
    if not total:
        return
    print(f"Allocation (jdk.ObjectAllocationSample, {total / 2**20:.0f} MiB sampled weight):")
    for name, w in by_class.most_common(10):
        print(f"  {pct(w, total)}  {name}")
    print("Allocation by nearest application method (or area):")
    for name, w in by_site.most_common(12):
        print(f"  {pct(w, total)}  {name}")


def activity(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("|", 4)
            if len(parts) >= 5 and parts[0][:2].isdigit():
                rows.append(parts)
    if not rows:
        return
    ticks = len(set(r[0] for r in rows))
    kinds, statements = collections.Counter(), collections.Counter()
    for t, state, wtype, wevent, query in rows:
        if state == "active":
            kind = "active, waiting on " + wtype + ":" + wevent if wtype != "-" else "active, running"
            statements[query.strip()[:50]] += 1
        elif state == "idle in transaction":
            kind = "idle in transaction (waiting for the service's next statement)"
        else:
            kind = state + " (no transaction: waiting for work)"
        kinds[kind] += 1
    print(f"Database sessions of the service (pg_stat_activity every 100 ms, {ticks} samples, "
          f"{len(rows) / ticks:.1f} sessions on average): share of session time")
    for kind, n in kinds.most_common(12):
        print(f"  {pct(n, len(rows))}  {kind}")
    print("Statements seen running (share of active samples):")
    active = sum(statements.values())
    for q, n in statements.most_common(10):
        print(f"  {pct(n, active)}  {q}")


if __name__ == "__main__":
    rec = sys.argv[1]
    machine(rec)
    print()
    cpu(rec)
    print()
    allocation(rec)
    if len(sys.argv) > 2:
        print()
        activity(sys.argv[2])
