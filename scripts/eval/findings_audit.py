#!/usr/bin/env python3
"""False alarms per 100 findings on real replies, read as the agent who wrote each reply.

    python3 scripts/eval/findings_audit.py sample --cli target/release/reply-coach --out DIR \
        --set ../shared/eval/real/cdp.jsonl:150 --set ../shared/eval/real/twcs-dev.jsonl:150
    python3 scripts/eval/findings_audit.py tally --out DIR

`sample` writes DIR/items.jsonl: per reply, the post, the reply and each finding the
coach raised (rule, message, the words it points at, its fix). A reader, in the role of
the agent who wrote the reply, marks each finding in DIR/verdicts-*.jsonl:
  {"item": "F001", "findings": ["right" | "wrong" | "debatable", ...], "note": "..."}
(one mark per finding, in the order given). `tally` prints false alarms per 100 findings,
overall and per rule. --exclude DIR (repeatable) leaves out the replies an earlier audit
read. Drafts are drawn at random with a fixed seed; real texts stay in DIR.
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def utf16_slice(text, span):
    units = text.encode("utf-16-le")
    return units[2 * span[0]:2 * span[1]].decode("utf-16-le", errors="replace")


def sample(a):
    rng = random.Random(a.seed)
    items = []
    audited_before = set()
    for old in a.exclude:
        with open(os.path.join(old, "key.json"), encoding="utf-8") as f:
            audited_before.update(json.load(f).values())
    for spec in a.set:
        path, _, n = spec.partition(":")
        rows = [r for r in load(path)
                if r.get("lang_guess", "en") in ("en", "nl") and r["id"] not in audited_before]
        if n:
            rows = rng.sample(rows, min(int(n), len(rows)))
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({k: r[k] for k in ("id", "platform", "post", "reply", "agent") if k in r},
                                   ensure_ascii=False) + "\n")
            tmp = f.name
        out = subprocess.run([a.cli, "check", "--jsonl", tmp], capture_output=True, text=True)
        os.unlink(tmp)
        reps = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
        for r, rep in zip(rows, reps):
            text = r["reply"]["text"]
            fs = []
            for f in rep.get("findings") or []:
                fs.append({"rule": f["rule"], "severity": f["severity"], "message": f["message"],
                           "points_at": utf16_slice(text, f["span"]) if f.get("span") else None,
                           "fix": f.get("replacement")})
            items.append({"source": r["id"], "platform": r.get("platform", "x"), "post": r.get("post"),
                          "reply": text, "post_read_as": rep["incoming"]["kind"], "findings": fs})
    rng.shuffle(items)
    os.makedirs(a.out, exist_ok=True)
    key = {}
    with open(os.path.join(a.out, "items.jsonl"), "w", encoding="utf-8") as f:
        for k, it in enumerate(items):
            iid = f"F{k + 1:03d}"
            key[iid] = it["source"]
            f.write(json.dumps({"item": iid, **{x: it[x] for x in it if x != "source"}}, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "key.json"), "w", encoding="utf-8") as f:
        json.dump(key, f, indent=0)
    print(f"{len(items)} replies, {sum(len(i['findings']) for i in items)} findings in {a.out}/items.jsonl")


def tally(a):
    items = {i["item"]: i for i in load(os.path.join(a.out, "items.jsonl"))}
    marks = {}
    for path in sorted(glob.glob(os.path.join(a.out, "verdicts*.jsonl"))):
        for v in load(path):
            marks[v["item"]] = v["findings"]
    per_rule = defaultdict(Counter)
    total = Counter()
    for iid, it in items.items():
        if iid not in marks:
            continue
        for f, m in zip(it["findings"], marks[iid]):
            per_rule[f["rule"]][m] += 1
            total[m] += 1
    n = sum(total.values())
    result = {"replies": sum(1 for i in items if i in marks), "findings": n,
              "wrong_per_100": round(100 * total["wrong"] / n, 1) if n else 0.0,
              "debatable_per_100": round(100 * total["debatable"] / n, 1) if n else 0.0,
              "per_rule": {r: dict(c) for r, c in sorted(per_rule.items())}}
    if a.json:
        print(json.dumps(result, indent=1))
        return
    print(f"{result['replies']} replies, {n} findings: {total['wrong']} wrong ({result['wrong_per_100']} per 100), "
          f"{total['debatable']} debatable, {total['right']} right")
    for r, c in sorted(per_rule.items(), key=lambda x: -x[1]["wrong"]):
        print(f"  {r:28} right {c['right']:3}  wrong {c['wrong']:3}  debatable {c['debatable']:3}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["sample", "tally"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--cli", default="target/release/reply-coach")
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--exclude", action="append", default=[],
                    help="DIR of an earlier audit: its replies are left out, so the draw is fresh")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    sample(a) if a.command == "sample" else tally(a)


if __name__ == "__main__":
    main()
