#!/usr/bin/env python3
"""Scores the events of `glossa extract` against the gold files.

    python3 Tools/eval/events.py [--bin .build/debug/glossa] [--gold ../shared/gold] [--texts Articles] [-v]

Mentions: a predicted mention (sentence span) matches a gold mention if the spans overlap; precision and
recall count distinct spans (a sentence that is a mention of two events counts once).
Events: gold and predicted events are paired one to one, greedily by the number of mentions they share
(at least one); event precision/recall count paired events, date accuracy is exact ISO equality
(null = null) over the pairs, category accuracy compares the gold category with the id's prefix.
"""
import argparse
import glob
import json
import os
import subprocess
import sys


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def predicted_events(binary, path):
    line = subprocess.run([binary, "extract", path], check=True, capture_output=True, text=True).stdout
    events = {}
    for mention in json.loads(line)["events"]:
        event = events.setdefault(mention["id"], {"id": mention["id"], "date": mention["date"], "mentions": []})
        event["mentions"].append((mention["start"], mention["end"]))
    return list(events.values())


def gold_events(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return [{"id": e["id"], "date": e.get("date"), "category": e.get("category"),
             "mentions": [(m["start"], m["end"]) for m in e["mentions"]]} for e in data["events"]]


def shared(gold, predicted):
    return sum(1 for g in gold["mentions"] if any(overlaps(g, p) for p in predicted["mentions"]))


def score_article(gold, predicted, verbose, name, text):
    gold_spans = sorted({m for e in gold for m in e["mentions"]})
    predicted_spans = sorted({m for e in predicted for m in e["mentions"]})
    counts = {
        "mention_tp_p": sum(1 for p in predicted_spans if any(overlaps(p, g) for g in gold_spans)),
        "mention_pred": len(predicted_spans),
        "mention_tp_r": sum(1 for g in gold_spans if any(overlaps(g, p) for p in predicted_spans)),
        "mention_gold": len(gold_spans),
        "event_gold": len(gold), "event_pred": len(predicted), "event_pairs": 0, "date_ok": 0, "category_ok": 0,
    }
    pairs = sorted(((shared(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)), reverse=True)
    used_gold, used_predicted = set(), set()
    for count, gi, pi in pairs:
        if count == 0 or gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        g, p = gold[gi], predicted[pi]
        counts["event_pairs"] += 1
        counts["date_ok"] += g["date"] == p["date"]
        counts["category_ok"] += p["id"].rsplit("-", 1)[0] == g["category"]
        if verbose:
            print(f"  {g['id']:42} ~ {p['id']:18} shared {count}/{len(g['mentions'])}  date {g['date']} / {p['date']}")
    if verbose:
        for gi, g in enumerate(gold):
            if gi not in used_gold:
                print(f"  {g['id']:42} ~ (none)")
        for pi, p in enumerate(predicted):
            if pi not in used_predicted:
                print(f"  {'(none)':42} ~ {p['id']:18} {text[p['mentions'][0][0]:p['mentions'][0][1]][:70]!r}")
    return counts


def ratio(a, b):
    return a / b if b else 0.0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(root, ".build/debug/glossa"))
    parser.add_argument("--gold", default=os.path.join(root, "../shared/gold"))
    parser.add_argument("--texts", default=os.path.join(root, "Articles"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    total = {}
    for gold_path in sorted(glob.glob(os.path.join(args.gold, "*.txt.json"))):
        name = os.path.basename(gold_path)[: -len(".json")]
        text_path = os.path.join(args.texts, name)
        if not os.path.exists(text_path):
            print(f"{name}: no text in {args.texts}", file=sys.stderr)
            continue
        with open(text_path, encoding="utf-8") as handle:
            text = handle.read()
        if args.verbose:
            print(name)
        counts = score_article(gold_events(gold_path), predicted_events(args.bin, text_path), args.verbose, name, text)
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
        print(f"{name}: mentions P {ratio(counts['mention_tp_p'], counts['mention_pred']):.2f} "
              f"R {ratio(counts['mention_tp_r'], counts['mention_gold']):.2f} · events "
              f"{counts['event_pairs']}/{counts['event_gold']} gold, {counts['event_pairs']}/{counts['event_pred']} predicted · "
              f"dates {counts['date_ok']}/{counts['event_pairs']}")
    if not total:
        sys.exit("no gold articles found")
    p = ratio(total["mention_tp_p"], total["mention_pred"])
    r = ratio(total["mention_tp_r"], total["mention_gold"])
    f = 2 * p * r / (p + r) if p + r else 0.0
    ep = ratio(total["event_pairs"], total["event_pred"])
    er = ratio(total["event_pairs"], total["event_gold"])
    print(f"mention_precision={p:.3f} mention_recall={r:.3f} mention_f1={f:.3f} "
          f"event_precision={ep:.3f} event_recall={er:.3f} "
          f"date_accuracy={ratio(total['date_ok'], total['event_pairs']):.3f} "
          f"category_accuracy={ratio(total['category_ok'], total['event_pairs']):.3f}")


if __name__ == "__main__":
    main()
