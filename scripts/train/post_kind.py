#!/usr/bin/env python3
"""Learns how much each signal of a post weighs in telling a complaint from the rest.

The engine reads a post into signals (src/incoming: phrase families of data/lexicon/*.toml
such as "not_working", "waiting", "rhetorical", and a few shapes such as repeated question
marks); this script fits a logistic regression over them on the labelled posts in
data/training/posts.jsonl and writes the weights to data/model/post_kind.toml, which the
engine embeds. The engine then says why a post reads as a complaint: the signals that
weighed most.

    python3 scripts/train/post_kind.py            # train and write data/model/post_kind.toml
    python3 scripts/train/post_kind.py --check    # fail when the committed weights differ
                                                  # from what the data gives (make test)

Deterministic: no randomness, a fixed number of Newton steps, plain Python (no packages).
The training data is ours to learn from: customer posts from IBM's Twitter customer-care
dataset (Apache-2.0; the 210 posts of eval/real-dev are left out, they measure) labelled
here, and posts written for this project. Nothing from ../shared/eval/real's
complaints-dev.csv or twcs-dev.jsonl is learned from: those measure.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(REPO, "data", "training", "posts.jsonl")
MODEL = os.path.join(REPO, "data", "model", "post_kind.toml")
L2 = 1.0            # ridge penalty on the weights (not on the bias)
STEPS = 30          # Newton steps (converges in about 8)
CAP = 2             # a signal counts at most this many times


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def signals(cli, rows):
    """The engine's signals of each post, as {id: count}."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "platform": r.get("platform", "x"),
                                "post": {"text": r["text"]}, "reply": {"text": ""}}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        out = subprocess.run([cli, "check", "--jsonl", path], capture_output=True, text=True, check=False)
    finally:
        os.unlink(path)
    if out.returncode not in (0, 1):
        sys.exit(f"{cli} failed: {out.stderr[:400]}")
    reports = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if len(reports) != len(rows):
        sys.exit(f"{len(reports)} reports for {len(rows)} posts")
    result = []
    for rep in reports:
        counts = {}
        for s in rep["incoming"].get("signals") or []:
            counts[s["id"]] = min(CAP, counts.get(s["id"], 0) + 1)
        result.append(counts)
    return result


def solve(a, b):
    """Solves a x = b (a symmetric positive definite) by Gaussian elimination with pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def fit(xs, ys, weights):
    """L2-regularised logistic regression by Newton's method; xs rows start with the bias 1."""
    d = len(xs[0])
    w = [0.0] * d
    for _ in range(STEPS):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y, sw in zip(xs, ys, weights):
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * sw
            h = p * (1 - p) * sw
            nz = [i for i, xi in enumerate(x) if xi]
            for i in nz:
                grad[i] += g * x[i]
                for j in nz:
                    hess[i][j] += h * x[i] * x[j]
        for i in range(1, d):
            grad[i] += L2 * w[i]
            hess[i][i] += L2
        hess[0][0] += 1e-9
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return w


def train(cli):
    rows = load(DATA)
    sig = signals(cli, rows)
    names = sorted({k for s in sig for k in s})
    xs = [[1.0] + [float(s.get(n, 0)) for n in names] for s in sig]
    ys = [1.0 if r["kind"] == "complaint" else 0.0 for r in rows]
    # both classes weigh the same in total (the training posts hold more complaints than
    # the posts an agent answers hold certainly-not-complaints)
    pos = sum(ys)
    neg = len(ys) - pos
    weights = [1.0 for y in ys]
    w = fit(xs, ys, weights)
    return rows, names, w


def render(rows, names, w):
    langs = {}
    for r in rows:
        langs[r["lang"]] = langs.get(r["lang"], 0) + 1
    lines = [
        "# Written by scripts/train/post_kind.py: do not edit by hand (make test checks it).",
        "# How much each signal of a post weighs towards reading it as a complaint (logistic",
        "# regression: p = 1 / (1 + e^-(bias + sum of weight x min(count, cap)))).",
        f"# Trained on {len(rows)} labelled posts ("
        + ", ".join(f"{n} {l}" for l, n in sorted(langs.items())) + ") in data/training/posts.jsonl.",
        f"cap = {CAP}",
        f"bias = {w[0]:.6f}",
        "",
        "[weights]",
    ]
    for n, wi in sorted(zip(names, w[1:]), key=lambda t: (-t[1], t[0])):
        lines.append(f"{n} = {wi:.6f}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.environ.get("REPLY_COACH_CLI", os.path.join(REPO, "target", "release", "reply-coach")))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    rows, names, w = train(a.cli)
    text = render(rows, names, w)
    if a.check:
        with open(MODEL, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{MODEL} is not what scripts/train/post_kind.py learns from "
                         f"{DATA}: run it and commit the result")
        print(f"{MODEL}: as trained ({len(names)} signals, {len(rows)} posts)")
        return
    os.makedirs(os.path.dirname(MODEL), exist_ok=True)
    with open(MODEL, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {MODEL}: {len(names)} signals from {len(rows)} posts")


if __name__ == "__main__":
    main()
