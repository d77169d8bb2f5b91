#!/usr/bin/env python3
"""Link precision and recall over pairs of linked event mentions (issue 6).

Runs `glossa events DIR --json` (or reads its output from a file) and compares it with the gold:
the gold events of each article (`*.txt.json`, `events[].mentions`) and the clusters of
`links.json`. A pair is two mention spans in two different articles whose events are in one
cluster. A predicted pair matches a gold pair when both spans overlap (same articles).

    python3 Tools/eval/links.py --cmd ".build/release/glossa events" --texts Articles --gold ../shared/gold
"""
import argparse
import json
import os
import shlex
import subprocess
import sys


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def gold_pairs(gold_dir):
    mentions = {}
    for name in os.listdir(gold_dir):
        if not name.endswith(".txt.json"):
            continue
        doc = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
        article = doc.get("article") or name[: -len(".json")]
        for event in doc.get("events", []):
            mentions[(article, event["id"])] = [(m["start"], m["end"]) for m in event["mentions"]]
    clusters = json.load(open(os.path.join(gold_dir, "links.json"), encoding="utf-8"))
    groups = [[(m["article"], m["event_id"]) for m in c["members"]] for c in clusters]
    return pairs_of(groups, mentions), set(a for a, _ in mentions)


def pairs_of(groups, mentions):
    pairs = []
    for members in groups:
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                if first[0] == second[0]:
                    continue
                a, b = sorted([first, second])
                for ma in mentions.get(a, []):
                    for mb in mentions.get(b, []):
                        pairs.append((a[0], ma, b[0], mb))
    return pairs


def predicted_pairs(output, articles):
    mentions = {}
    for event in output["events"]:
        key = (event["article"], event["id"])
        mentions.setdefault(key, []).append((event["start"], event["end"]))
    groups = []
    for cluster in output["clusters"]:
        members = [(m["article"], m["event"]) for m in cluster["members"] if m["article"] in articles]
        groups.append(members)
    return pairs_of(groups, mentions)


def matches(pair, other):
    return pair[0] == other[0] and pair[2] == other[2] and overlaps(pair[1], other[1]) and overlaps(pair[3], other[3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cmd", help="the events command, run as CMD TEXTS --json")
    parser.add_argument("--output", help="read this JSON instead of running --cmd")
    parser.add_argument("--texts", default="Articles")
    parser.add_argument("--gold", default="../shared/gold")
    args = parser.parse_args()
    gold, articles = gold_pairs(args.gold)
    if args.output:
        output = json.load(open(args.output, encoding="utf-8"))
    else:
        run = subprocess.run(shlex.split(args.cmd) + [args.texts, "--json"], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"links.py: {args.cmd} failed: {run.stderr.strip()}")
        output = json.loads(run.stdout)
    predicted = predicted_pairs(output, articles)
    hit_predicted = sum(1 for p in predicted if any(matches(p, g) for g in gold))
    hit_gold = sum(1 for g in gold if any(matches(p, g) for p in predicted))
    precision = hit_predicted / len(predicted) if predicted else 0.0
    recall = hit_gold / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"gold pairs {len(gold)}, predicted pairs {len(predicted)}")
    print(f"link_pairs_precision={precision:.3f} link_pairs_recall={recall:.3f} link_pairs_f1={f1:.3f}")


if __name__ == "__main__":
    main()
