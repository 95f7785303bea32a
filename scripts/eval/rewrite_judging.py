#!/usr/bin/env python3
"""Blind judging of rewrites, as ../shared/eval/REWRITES.md says: a judge sees the post,
the draft and a rewrite, never which engine version or rule made it.

    # items for the judges: every rewrite of one or more CLI builds on the same drafts
    python3 scripts/eval/rewrite_judging.py sample --out DIR \
        --cli before=/path/to/old/reply-coach --cli after=target/release/reply-coach \
        --set ../shared/eval/dev.jsonl --set tests/fixtures/probe.jsonl \
        --set ../shared/eval/real/cdp.jsonl:60 --set ../shared/eval/real/twcs-dev.jsonl:60

    # the counts per version, from the judges' verdict files
    python3 scripts/eval/rewrite_judging.py tally --out DIR

`sample` writes DIR/items.jsonl (what the judges read: opaque item ids, shuffled, one
line per rewrite) and DIR/key.json (item id -> source id and version; the judges must not
read it). A set given as FILE:N takes N drafts at random (fixed seed) from those where at
least one version offers a rewrite; a set without :N takes every such draft. --exclude DIR
(repeatable) leaves out every draft an earlier judging in DIR saw, for a fresh sample. Real texts
stay in DIR, which belongs outside the repository when a set's licence says so.

A judge writes DIR/verdicts-*.jsonl, one line per item:
  {"item": "J001", "verdict": "send|edit|reject", "vs_draft": "better|same|worse",
   "defects": ["grammar", ...], "note": "..."}
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter

DEFECTS = ["grammar", "contradiction", "repetition", "template", "tone", "meaning", "fact", "still_bad"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def reports(cli, rows):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: r[k] for k in ("id", "platform", "post", "reply", "agent") if k in r},
                               ensure_ascii=False) + "\n")
        path = f.name
    try:
        out = subprocess.run([cli, "check", "--jsonl", path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    if out.returncode not in (0, 1):
        sys.exit(f"{cli} failed: {out.stderr[:300]}")
    reps = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if len(reps) != len(rows):
        sys.exit(f"{cli}: {len(reps)} reports for {len(rows)} drafts")
    return reps


def sample(a):
    clis = [c.split("=", 1) for c in a.cli]
    rng = random.Random(a.seed)
    items = []
    judged_before = set()
    for old in a.exclude:
        with open(os.path.join(old, "key.json"), encoding="utf-8") as f:
            for k, e in json.load(f).items():
                for entry in (e if k == "_no_rewrite" else [e]):
                    judged_before.add(entry["source"])
    for spec in a.set:
        path, _, n = spec.partition(":")
        rows = [r for r in load(path)
                if r.get("lang_guess", "en") in ("en", "nl") and r["id"] not in judged_before]
        per_version = {name: reports(cli, rows) for name, cli in clis}
        offered = [i for i in range(len(rows))
                   if any((per_version[name][i].get("rewrite") or "").strip() for name, _ in clis)]
        if n:
            offered = sorted(rng.sample(offered, min(int(n), len(offered))))
        for i in offered:
            r = rows[i]
            for name, _ in clis:
                rw = per_version[name][i].get("rewrite")
                items.append({"source": r["id"], "version": name, "platform": r.get("platform", "x"),
                              "post": r.get("post"), "agent": r.get("agent"), "draft": r["reply"]["text"],
                              "rewrite": rw if rw and rw.strip() else None})
    # the same rewrite from two versions is judged once
    judged, key, seen = [], {}, {}
    rng.shuffle(items)
    for it in items:
        if it["rewrite"] is None:
            key.setdefault("_no_rewrite", []).append({"source": it["source"], "version": it["version"]})
            continue
        sig = (it["source"], it["rewrite"])
        if sig in seen:
            key[seen[sig]]["versions"].append(it["version"])
            continue
        jid = f"J{len(judged) + 1:03d}"
        seen[sig] = jid
        key[jid] = {"source": it["source"], "versions": [it["version"]]}
        judged.append({"item": jid, "platform": it["platform"], "post": it["post"], "agent": it["agent"],
                       "draft": it["draft"], "rewrite": it["rewrite"]})
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "items.jsonl"), "w", encoding="utf-8") as f:
        for j in judged:
            f.write(json.dumps(j, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "key.json"), "w", encoding="utf-8") as f:
        json.dump(key, f, indent=0)
    print(f"{len(judged)} rewrites to judge in {a.out}/items.jsonl")


def tally(a):
    with open(os.path.join(a.out, "key.json"), encoding="utf-8") as f:
        key = json.load(f)
    verdicts = {}
    for path in sorted(glob.glob(os.path.join(a.out, "verdicts*.jsonl"))):
        for v in load(path):
            verdicts[v["item"]] = v
    versions = sorted({ver for k, e in key.items() if k != "_no_rewrite" for ver in e["versions"]}
                      | {e["version"] for e in key.get("_no_rewrite", [])})
    summary = {}
    for ver in versions:
        judged = [verdicts[k] for k, e in key.items() if k != "_no_rewrite" and ver in e["versions"] and k in verdicts]
        missing = [k for k, e in key.items() if k != "_no_rewrite" and ver in e["versions"] and k not in verdicts]
        none = sum(1 for e in key.get("_no_rewrite", []) if e["version"] == ver)
        n = len(judged)
        verdict = Counter(v["verdict"] for v in judged)
        vs = Counter(v["vs_draft"] for v in judged)
        defects = Counter(d for v in judged for d in v.get("defects", []))
        summary[ver] = {"rewrites": n, "no_rewrite": none, "unjudged": len(missing),
                        "send": verdict["send"], "edit": verdict["edit"], "reject": verdict["reject"],
                        "better": vs["better"], "same": vs["same"], "worse": vs["worse"],
                        "defects": {d: defects[d] for d in DEFECTS if defects[d]}}
    if a.json:
        print(json.dumps(summary, indent=1))
        return
    for ver, s in summary.items():
        n = s["rewrites"] or 1
        print(f"{ver}: {s['rewrites']} rewrites judged ({s['no_rewrite']} drafts without one"
              f"{', ' + str(s['unjudged']) + ' not judged yet' if s['unjudged'] else ''})")
        print(f"  send {s['send']} ({s['send'] / n:.0%})  edit {s['edit']} ({s['edit'] / n:.0%})  "
              f"reject {s['reject']} ({s['reject'] / n:.0%})")
        print(f"  better {s['better']}  same {s['same']}  worse {s['worse']} ({s['worse'] / n:.0%})")
        print("  defects: " + (", ".join(f"{d} {c}" for d, c in s["defects"].items()) or "none"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["sample", "tally"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--cli", action="append", default=[], help="NAME=PATH of a reply-coach build")
    ap.add_argument("--set", action="append", default=[], help="FILE or FILE:N (a JSON-lines set)")
    ap.add_argument("--seed", type=int, default=20261130)
    ap.add_argument("--exclude", action="append", default=[],
                    help="DIR of an earlier judging: its drafts are left out, so the sample is fresh")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if a.command == "sample":
        if not a.cli or not a.set:
            sys.exit("sample needs --cli NAME=PATH and --set FILE[:N]")
        sample(a)
    else:
        tally(a)


if __name__ == "__main__":
    main()
