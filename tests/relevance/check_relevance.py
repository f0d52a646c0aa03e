#!/usr/bin/env python3
"""Checks the relevance test set in this folder.

Run from anywhere: python3 tests/relevance/check_relevance.py
The seed files are checked only when ../shared/corpus/seeds exists next to the
repository (it is present only on machines with ../shared).
"""
import collections
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SETS = [
    # name, qid prefix, document folder, document extensions
    ("samples", "s", os.path.join(REPO, "samples"), (".txt", ".md")),
    ("seeds", "r", os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "seeds")), (".txt",)),
]
QUERY_FORBIDDEN = re.compile(r'["“”\'*()?]|\bAND\b|\bOR\b|\bNOT\b|(^|\s)[+-]\S')

errors = []


def err(msg):
    errors.append(msg)


def read_lines(path):
    raw = open(path, "rb").read()
    name = os.path.basename(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{name}: starts with a BOM")
    if b"\r" in raw:
        err(f"{name}: contains CR characters (need LF line ends)")
    if not raw.endswith(b"\n"):
        err(f"{name}: no final newline")
    text = raw.decode("utf-8")
    if unicodedata.normalize("NFC", text) != text:
        err(f"{name}: not NFC")
    lines = text.split("\n")[:-1]
    for i, line in enumerate(lines, 1):
        if line != line.rstrip():
            err(f"{name}:{i}: trailing whitespace")
        if line == "":
            err(f"{name}:{i}: empty line")
    return lines


def doc_ids(folder, exts):
    ids = set()
    for f in os.listdir(folder):
        if f.lower() == "readme.md":
            continue
        base, ext = os.path.splitext(f)
        if ext in exts:
            ids.add(base)
    return ids


def check_set(name, prefix, folder, exts):
    qpath = os.path.join(HERE, f"{name}-queries.tsv")
    rpath = os.path.join(HERE, f"{name}-qrels.tsv")
    queries = collections.OrderedDict()
    for i, line in enumerate(read_lines(qpath), 1):
        parts = line.split("\t")
        if len(parts) != 2:
            err(f"{name}-queries.tsv:{i}: expected 2 tab-separated fields")
            continue
        qid, text = parts
        if not re.fullmatch(prefix + r"\d{2,3}", qid):
            err(f"{name}-queries.tsv:{i}: bad qid {qid!r}")
        if qid in queries:
            err(f"{name}-queries.tsv:{i}: duplicate qid {qid}")
        if not text.strip() or text != text.strip() or "  " in text:
            err(f"{name}-queries.tsv:{i}: empty or badly spaced text")
        if QUERY_FORBIDDEN.search(text):
            err(f"{name}-queries.tsv:{i}: query has quotes or operators: {text!r}")
        queries[qid] = text

    have_docs = os.path.isdir(folder)
    ids = doc_ids(folder, exts) if have_docs else set()
    grades = collections.Counter()
    best = collections.defaultdict(int)
    per_query = collections.Counter()
    seen = set()
    judged_docs = set()
    for i, line in enumerate(read_lines(rpath), 1):
        parts = line.split("\t")
        if len(parts) != 4:
            err(f"{name}-qrels.tsv:{i}: expected 4 tab-separated fields")
            continue
        qid, zero, doc, grade = parts
        if zero != "0":
            err(f"{name}-qrels.tsv:{i}: second column must be 0")
        if grade not in ("1", "2", "3"):
            err(f"{name}-qrels.tsv:{i}: grade must be 1, 2 or 3 (got {grade!r})")
            continue
        if qid not in queries:
            err(f"{name}-qrels.tsv:{i}: judged qid {qid} not in queries file")
        if have_docs and doc not in ids:
            err(f"{name}-qrels.tsv:{i}: unknown document id {doc}")
        if (qid, doc) in seen:
            err(f"{name}-qrels.tsv:{i}: duplicate judgment {qid} {doc}")
        seen.add((qid, doc))
        judged_docs.add(doc)
        grades[int(grade)] += 1
        per_query[qid] += 1
        best[qid] = max(best[qid], int(grade))
    for qid in queries:
        if best[qid] < 2:
            err(f"{name}: query {qid} has no judgment with grade >= 2")

    print(f"{name}: {len(queries)} queries, {sum(grades.values())} judgments "
          f"(grade 3: {grades[3]}, grade 2: {grades[2]}, grade 1: {grades[1]}), "
          f"{len(judged_docs)} distinct documents judged"
          + (f" of {len(ids)} in {os.path.relpath(folder, REPO)}" if have_docs else
             " (document folder absent: ids not checked)"))
    if have_docs:
        unjudged = sorted(ids - judged_docs)
        if unjudged:
            print(f"  documents never judged relevant: {', '.join(unjudged)}")
    counts = sorted(per_query.values())
    if counts:
        print(f"  judgments per query: min {counts[0]}, median {counts[len(counts) // 2]}, max {counts[-1]}")


for s in SETS:
    check_set(*s)
if errors:
    print(f"FAILED: {len(errors)} problem(s)")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK: all checks passed")
