#!/usr/bin/env python3
"""Packs the NER corpora that may train the shipped tagger into Tools/ner/data (xz-compressed JSONL).

Run once from the repository root, beside ../shared; `make model` then trains from the packed files
alone. Each line keeps only what training reads: `tokens` and `spans` ([start_token, end_token, type],
part names marked `"part": true`), plus the genre.

- GermEval 2014 dev, the sentences whose number is not divisible by 5 (CC BY 4.0). The others are the
  validation part, measured by `make score` and never trained on.
- Europeana Newspapers NER corpora, German (CC0): historic newspapers with OCR noise. Trained on at
  half weight with its own copy of the features (Tools/ner/README.md has what it does to news).
- With `--zefys`, also ZEFYS2025 historic newspapers via SuperGLEBer, train and dev splits (CC BY 4.0).
  It may be shipped, but it does not help on news, so it is not packed by default.

The modern news corpus in ../shared/data/ner/smartdata_de.jsonl is research use only: it is never packed.
"""
import json
import lzma
import sys
from pathlib import Path

arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
SHARED = Path(arguments[0]) if arguments else Path("../shared/data")
ZEFYS = "--zefys" in sys.argv
OUT = Path("Tools/ner/data")


def pack(source: Path, target: str, keep) -> None:
    lines = []
    for raw in source.open(encoding="utf-8"):
        record = json.loads(raw)
        if not keep(record):
            continue
        spans = []
        for span in record["spans"]:
            item = [span["start_token"], span["end_token"], span["type"]]
            if span.get("part"):
                item.append("part")
            spans.append(item)
        lines.append(json.dumps({"tokens": record["tokens"], "spans": spans, "genre": record.get("genre", "")},
                                ensure_ascii=False, separators=(",", ":")))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # Deterministic: no timestamps in the xz container.
    (OUT / target).write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    print(f"{target}: {len(lines)} sentences, {len(data) // 1024} KiB -> {(OUT / target).stat().st_size // 1024} KiB")


OUT.mkdir(parents=True, exist_ok=True)
pack(SHARED / "germeval2014_dev.jsonl", "germeval2014-dev-train.jsonl.xz",
     lambda r: int(r["id"].rsplit("-", 1)[1]) % 5 != 0)
pack(SHARED / "ner/europeana_newspapers_de.jsonl", "europeana-newspapers-de.jsonl.xz", lambda r: True)
if ZEFYS:
    pack(SHARED / "ner/zefys_hist_de.jsonl", "zefys2025-de.jsonl.xz", lambda r: r["split"] in ("train", "dev"))
