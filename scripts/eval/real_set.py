#!/usr/bin/env python3
"""The project's own annotated set of real exchanges (eval/real-dev/), scored like dev.jsonl.

The set has two halves, because the two sources have different licences
(../shared/eval/real/README.md):
- eval/real-dev/cdp.jsonl: real pairs from IBM's Twitter customer-care dataset
  (Apache-2.0), kept whole with their annotations;
- eval/real-dev/twcs.labels.jsonl: annotations of real pairs from the "Customer Support on
  Twitter" sample (CC BY-NC-SA 4.0): only ids and labels are kept here; the texts are read
  from ../shared/eval/real/twcs-dev.jsonl when the set is built.

    python3 scripts/eval/real_set.py build [--out target/eval/real-dev.jsonl]
    python3 scripts/eval/real_set.py score [--cli target/release/reply-coach] [-v] [--json]

`score` builds the set and runs ../shared/eval/score.py on it (and says so when the
shared folder is missing, as on a machine without it).
"""
import argparse
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("SHARED", os.path.join(REPO, "..", "shared"))
SET_DIR = os.path.join(REPO, "eval", "real-dev")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build(out):
    rows = load(os.path.join(SET_DIR, "cdp.jsonl"))
    labels = load(os.path.join(SET_DIR, "twcs.labels.jsonl"))
    source = os.path.join(SHARED, "eval", "real", "twcs-dev.jsonl")
    if labels:
        if not os.path.exists(source):
            sys.exit(f"{source} is missing: the twcs half of the set needs its texts")
        texts = {r["id"]: r for r in load(source)}
        for lab in labels:
            if lab["id"] not in texts:
                sys.exit(f"{lab['id']} is not in {source}")
            row = {k: v for k, v in texts[lab["id"]].items() if k in ("id", "platform", "post", "reply", "agent")}
            row["expect"] = lab["expect"]
            rows.append(row)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["build", "score"])
    ap.add_argument("--out", default=os.path.join(REPO, "target", "eval", "real-dev.jsonl"))
    ap.add_argument("--cli", default=os.environ.get("REPLY_COACH_CLI", os.path.join(REPO, "target", "release", "reply-coach")))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    n = build(a.out)
    if a.command == "build":
        print(f"{a.out}: {n} exchanges")
        return
    scorer = os.path.join(SHARED, "eval", "score.py")
    if not os.path.exists(scorer):
        sys.exit(f"{scorer} not found: nothing to score with")
    args = [sys.executable, scorer, "--set", a.out, "--cli", a.cli]
    args += ["-v"] if a.verbose else []
    args += ["--json"] if a.json else []
    sys.exit(subprocess.call(args))


if __name__ == "__main__":
    main()
