#!/usr/bin/env python3
"""Scores Glossa's event links in a library against gold links.

usage: links.py LIBRARY GOLD_DIR [GOLD_DIR...] --links LINKS_JSON [--cmd "glossa events"] [--events EVENTS_JSON]

Runs `CMD LIBRARY --json` (or reads EVENTS_JSON) and counts, as ../shared/eval/score_links.py does:
a predicted link is a pair of events of two different articles in one predicted cluster; it is right
when each side overlaps a mention of two gold events of one gold cluster (an event is the span it is
listed with last). Recall is over the gold cross-article pairs; articles without a gold file are left
out. Then, per gold cluster, which members were linked to another member and which were missed (with
the events Glossa found there). The last line is `links_p=… links_r=… links_f1=…`.
"""
import argparse, itertools, json, os, shlex, subprocess, sys


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("library")
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--links", required=True)
    ap.add_argument("--cmd", default=".build/release/glossa events")
    ap.add_argument("--events", help="read this events JSON instead of running the command")
    args = ap.parse_args()
    if args.events:
        pred = json.load(open(args.events))
    else:
        out = subprocess.run(shlex.split(args.cmd) + [args.library, "--json"], check=True, capture_output=True, text=True)
        pred = json.loads(out.stdout)

    gold = {}  # (article, gold event id) -> spans
    for folder in args.gold:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".json") and name != "links.json":
                g = json.load(open(os.path.join(folder, name)))
                for e in g.get("events", []):
                    gold[(g["article"], e["id"])] = [(m["start"], m["end"]) for m in e["mentions"]]
    articles = {a for a, _ in gold}
    clusters = json.load(open(args.links))
    gold_pairs = set()
    for c in clusters:
        members = [(m["article"], m["event_id"]) for m in c["members"] if (m["article"], m["event_id"]) in gold]
        for x, y in itertools.combinations(members, 2):
            if x[0] != y[0]:
                gold_pairs.add(frozenset((x, y)))

    events, labels = {}, {}
    for e in pred.get("events", []):
        key = (os.path.basename(e["article"]), str(e["id"]))
        events[key] = (e["start"], e["end"])
        labels[key] = e.get("label", "")

    def hits(key):
        article, span = key[0], events[key]
        return [k for k, spans in gold.items() if k[0] == article and any(overlaps(span, s) for s in spans)]

    tp = fp = 0
    found = set()
    linked = {}  # gold member -> predicted event it was linked through
    wrong = []
    for c in pred.get("clusters", []):
        members = [(os.path.basename(m["article"]), str(m["event"])) for m in c.get("members", [])]
        members = [m for m in members if m in events and m[0] in articles]
        for x, y in itertools.combinations(members, 2):
            if x[0] == y[0]:
                continue
            pairs = {frozenset((gx, gy)) for gx in hits(x) for gy in hits(y)} & gold_pairs
            if pairs:
                tp += 1
                found |= pairs
                for pair in pairs:
                    for g in pair:
                        linked[g] = x if g[0] == x[0] else y
            else:
                fp += 1
                wrong.append((x, y, c.get("confidence")))

    for c in clusters:
        members = [(m["article"], m["event_id"]) for m in c["members"] if (m["article"], m["event_id"]) in gold]
        pairs = [frozenset(p) for p in itertools.combinations(members, 2) if p[0][0] != p[1][0]]
        print(f"{c['id']}: {sum(p in found for p in pairs)} of {len(pairs)} pairs")
        for m in members:
            if m in linked:
                print(f"  linked  {m[0]} {m[1]}  (as {linked[m][1]})")
            else:
                here = sorted({k[1] for k in events if k[0] == m[0] and m in hits(k)})
                print(f"  missed  {m[0]} {m[1]}  (events there: {', '.join(here) or 'none'})")
    for x, y, confidence in wrong:
        print(f"wrong: {x[0]} {x[1]} ({labels.get(x, '')}) ~ {y[0]} {y[1]} ({labels.get(y, '')}), confidence {confidence}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = len(found) / len(gold_pairs) if gold_pairs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"predicted pairs {tp + fp} (right {tp}), gold pairs {len(gold_pairs)} (found {len(found)})")
    print(f"links_p={p:.3f} links_r={r:.3f} links_f1={f:.3f}")


if __name__ == "__main__":
    sys.exit(main())
