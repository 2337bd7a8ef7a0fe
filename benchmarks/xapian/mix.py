#!/usr/bin/python3
"""Xapian 1.4 (Debian's python3-xapian) on the same articles and the same query mix as our in-process `latency` mode:
the peer issue 13's floor compares with ("at least 3x faster than Xapian"), measured so it can be rerun.

  mix.py build --db DIR < ARTICLES      ARTICLES: JSONL as `indexer parse` prints it (the articles our index holds)
  mix.py latency --db DIR [--rounds N] < MIX
                                        MIX: `ArchiveSearch.Benchmarks urls --kinds` (kind, tab, /api/search path)

build: title (its terms counted twice) and body through TermGenerator with FLAG_CJK_NGRAM (each CJK character and each pair
of neighbours a term, the characters with positions: Xapian 1.4's Chinese support); section and regions as boolean
terms; the date (yyyy-MM-dd, which sorts and ranges as text), section, year and region set in value slots; the article's
JSON as the document data. The database is then compacted, as our rebuild merges its index into one segment.

latency: what ArchiveSearcher.Search does for a request, as near as Xapian's API goes: the query parsed (default
operator AND, as ours requires every word), the filters as OP_FILTER over boolean terms and a value range, date order by
the value slot, the exact total (check_at_least = every document) with section, region and year counts over the
matches (ValueCountMatchSpy), the top 10 with their documents' data decoded, and with snippets MSet.snippet on the body
(120 characters, as ours). Then timed as `latency` times ours: at least two seconds and 20 rounds of warm-up, then N
rounds, each every query without and then with snippets, on one thread; p50 and p99 (nearest rank) per query and over
all queries of all rounds. Each round also times a query for a term no article has, with the same set-up: what a query
costs with nothing to match (Python, the binding, Xapian's own set-up), the fixed part of each figure.
Prints a table on stderr and name=value lines (xapian.*) on stdout, as the benchmark project's modes do.
"""
import argparse
import json
import os
import shutil
import sys
import time
import urllib.parse

import xapian

SLOT_DATE, SLOT_SECTION, SLOT_YEAR, SLOT_REGIONS = 0, 1, 2, 3
SECTION, REGION = "XS", "XR"   # prefixes of the boolean filter terms
REGION_SEPARATOR = "\x1f"
SNIPPET_CHARS = 120            # SnippetBuilder.Length; MSet.snippet counts bytes, and a CJK character is 3 in UTF-8
PARSE_FLAGS = xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_CJK_NGRAM
SNIPPET_FLAGS = xapian.MSet.SNIPPET_BACKGROUND_MODEL | xapian.MSet.SNIPPET_EXHAUSTIVE | xapian.MSet.SNIPPET_CJK_NGRAM
NO_STEMMING = xapian.Stem("none")


def out(name, value):
    print(f"{name}={value:.6f}".rstrip("0").rstrip("."))


def build(db_path):
    start = time.perf_counter()
    draft = db_path + ".draft"
    shutil.rmtree(draft, ignore_errors=True)
    shutil.rmtree(db_path, ignore_errors=True)
    db = xapian.WritableDatabase(draft, xapian.DB_CREATE)
    generator = xapian.TermGenerator()
    generator.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
    chars = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        article = json.loads(line)
        doc = xapian.Document()
        generator.set_document(doc)
        generator.index_text(article["title"], 2)
        generator.increase_termpos()   # no phrase across title and body
        generator.index_text(article["body"])
        chars += len(article["title"]) + len(article["body"])
        doc.add_boolean_term(SECTION + article["section"])
        for region in article["regions"]:
            doc.add_boolean_term(REGION + region)
        if article["date"]:
            doc.add_value(SLOT_DATE, article["date"])
            doc.add_value(SLOT_YEAR, article["date"][:4])
        doc.add_value(SLOT_SECTION, article["section"])
        doc.add_value(SLOT_REGIONS, REGION_SEPARATOR.join(article["regions"]))
        doc.set_data(line)
        db.add_document(doc)
    db.commit()
    indexed = time.perf_counter()
    db.compact(db_path)
    docs = db.get_doccount()
    db.close()
    shutil.rmtree(draft)
    end = time.perf_counter()
    size = sum(os.path.getsize(os.path.join(db_path, f)) for f in os.listdir(db_path))
    print(f"{docs} articles ({chars} characters) in {end - start:.1f} s, of which compacting {end - indexed:.1f} s; "
          f"{size / 1e6:.1f} MB", file=sys.stderr)
    out("xapian.build.articles", docs)
    out("xapian.build.chars", chars)
    out("xapian.build.wall_s", end - start)
    out("xapian.build.compact_s", end - indexed)
    out("xapian.db.bytes", size)


class Searcher:
    """Answers a request of the mix (its /api/search query string) as ArchiveSearcher.Search would."""

    def __init__(self, db_path, counts=True):
        self.db = xapian.Database(db_path)
        self.counts = counts
        self.parser = xapian.QueryParser()
        self.parser.set_default_op(xapian.Query.OP_AND)

    def search(self, params, snippets):
        text = params.get("q", [""])[0].strip()
        query = self.parser.parse_query(text, PARSE_FLAGS) if text else xapian.Query.MatchAll
        filters = []
        if "section" in params:
            filters.append(xapian.Query(xapian.Query.OP_OR, [SECTION + s for s in params["section"]]))
        if "region" in params:
            filters.append(xapian.Query(xapian.Query.OP_OR, [REGION + r for r in params["region"]]))
        if "from" in params or "to" in params:
            low, high = params.get("from", [None])[0], params.get("to", [None])[0]
            if low and high:
                filters.append(xapian.Query(xapian.Query.OP_VALUE_RANGE, SLOT_DATE, low, high))
            elif low:
                filters.append(xapian.Query(xapian.Query.OP_VALUE_GE, SLOT_DATE, low))
            else:
                filters.append(xapian.Query(xapian.Query.OP_VALUE_LE, SLOT_DATE, high))
        if filters:
            query = xapian.Query(xapian.Query.OP_FILTER, query, xapian.Query(xapian.Query.OP_AND, filters))

        enquire = xapian.Enquire(self.db)
        enquire.set_query(query)
        sort = params.get("sort", ["relevance"])[0]
        if sort in ("date", "date_asc") or not text:   # without a query, newest first (as ours)
            enquire.set_sort_by_value_then_relevance(SLOT_DATE, sort != "date_asc")
        spies = [xapian.ValueCountMatchSpy(slot) for slot in (SLOT_SECTION, SLOT_YEAR, SLOT_REGIONS)] if self.counts else []
        for spy in spies:
            enquire.add_matchspy(spy)
        page, size = int(params.get("page", ["1"])[0]), int(params.get("pageSize", ["10"])[0])
        # Without the counts, Xapian may stop early and estimate the total.
        mset = enquire.get_mset((page - 1) * size, size, self.db.get_doccount() if self.counts else 0)
        return mset.get_matches_estimated(), self.page(mset, text, snippets), self.facets(spies) if self.counts else None

    @staticmethod
    def facets(spies):
        """Section, region and year counts from the spies on those slots."""
        sections, years = ({i.term.decode(): i.termfreq for i in spy.values()} for spy in (spies[0], spies[1]))
        regions = {}
        for i in spies[2].values():   # counted per set of regions; each region of the set gets the set's count
            for region in i.term.decode().split(REGION_SEPARATOR):
                regions[region] = regions.get(region, 0) + i.termfreq
        return sections, regions, years

    @staticmethod
    def page(mset, text, snippets):
        """The hits without their bodies, with snippets when asked for."""
        hits = []
        for match in mset:
            article = json.loads(match.document.get_data())
            snippet = mset.snippet(article["body"], 3 * SNIPPET_CHARS, NO_STEMMING, SNIPPET_FLAGS, "<em>", "</em>", "…") \
                .decode() if snippets and text else None
            article["body"] = ""
            hits.append((article, match.weight, snippet))
        return hits


def percentile(sorted_values, percent):
    """Nearest rank, as Percentiles.Of."""
    rank = -(-percent * len(sorted_values) // 100)
    return sorted_values[min(max(int(rank) - 1, 0), len(sorted_values) - 1)]


def latency(db_path, rounds, counts):
    searcher = Searcher(db_path, counts)
    prefix = "xapian" if counts else "xapian.top_only"
    mix = [line.rstrip("\n").split("\t", 1) for line in sys.stdin if line.strip()]
    requests = [(f"{mode}.{kind}", urllib.parse.parse_qs(urllib.parse.urlsplit(url).query), mode == "snip")
                for mode in ("nosnip", "snip") for kind, url in mix]
    # A term no article has, with the same per-query work around it: the fixed cost of a query.
    empty = urllib.parse.parse_qs("q=qqqqqq&page=1&pageSize=10")

    warm_start, warm_rounds = time.perf_counter(), 0
    while time.perf_counter() - warm_start < 2 or warm_rounds < 20:
        for _, params, snippets in requests:
            searcher.search(params, snippets)
        searcher.search(empty, False)
        warm_rounds += 1

    times = {key: [] for key, _, _ in requests}
    hits = {}
    fixed = []
    for _ in range(rounds):
        for key, params, snippets in requests:
            start = time.perf_counter()
            total, _, _ = searcher.search(params, snippets)
            times[key].append((time.perf_counter() - start) * 1000)
            hits[key] = total
        start = time.perf_counter()
        searcher.search(empty, False)
        fixed.append((time.perf_counter() - start) * 1000)

    fixed.sort()
    print(f"Xapian {xapian.version_string()}{'' if counts else ', the top 10 alone'}: {rounds} rounds after {warm_rounds} to warm up; "
          f"a query for a term no article has takes {percentile(fixed, 50):.3f} ms (p50)", file=sys.stderr)
    out(f"{prefix}.rounds", rounds)
    out(f"{prefix}.fixed.p50_ms", percentile(fixed, 50))
    for mode in ("nosnip", "snip"):
        print(f"{'with' if mode == 'snip' else 'without'} snippets", file=sys.stderr)
        print(f"  {'kind':<12} {'hits':>8} {'p50 ms':>8} {'p99 ms':>8}", file=sys.stderr)
        keys = [key for key in times if key.startswith(mode + ".")]
        for key in keys:
            values = sorted(times[key])
            p50, p99 = percentile(values, 50), percentile(values, 99)
            print(f"  {key[len(mode) + 1:]:<12} {hits[key]:>8} {p50:>8.3f} {p99:>8.3f}", file=sys.stderr)
            out(f"{prefix}.{key}.p50_ms", p50)
            out(f"{prefix}.{key}.p99_ms", p99)
            out(f"{prefix}.{key}.hits", hits[key])
        values = sorted(t for key in keys for t in times[key])
        p50, p99 = percentile(values, 50), percentile(values, 99)
        print(f"  {'mix':<12} {'':>8} {p50:>8.3f} {p99:>8.3f}", file=sys.stderr)
        out(f"{prefix}.{mode}.p50_ms", p50)
        out(f"{prefix}.{mode}.p99_ms", p99)
        out(f"{prefix}.{mode}.max_ms", values[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="index the articles on standard input (indexer parse's JSONL)")
    build_command.add_argument("--db", required=True, metavar="DIR")
    latency_command = commands.add_parser("latency", help="time the mix on standard input (urls --kinds)")
    latency_command.add_argument("--db", required=True, metavar="DIR")
    latency_command.add_argument("--rounds", type=int, default=200, metavar="N")
    latency_command.add_argument("--top-only", action="store_true",
                                 help="the top 10 alone: no facet counts, an estimated total (not ours' work; xapian.top_only.*)")
    args = parser.parse_args()
    if args.command == "build":
        build(args.db)
    else:
        latency(args.db, args.rounds, not args.top_only)


if __name__ == "__main__":
    main()
