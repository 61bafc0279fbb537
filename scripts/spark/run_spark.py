#!/usr/bin/env python3
"""Runs claimgraph's extraction as the map step of a Spark job, then builds the graph.

    python scripts/spark/run_spark.py --articles ../shared/data/news-open/articles.jsonl

Spark (local mode unless --master says otherwise) reads the JSON Lines articles as text lines,
pipes each partition through `claimgraph claims --with-articles -` (one process per partition,
reading articles on stdin and writing article records and claims on stdout), and saves the
output as part files. Then `claimgraph ingest --claims PART...` builds the store from them on
this machine. See scripts/spark/README.md.
"""
import argparse
import glob
import json
import os
import shlex
import shutil
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", default="../shared/data/news-open/articles.jsonl",
                    help="JSON Lines articles (default: %(default)s)")
    ap.add_argument("--binary", default="target/release/claimgraph",
                    help="claimgraph executable (default: %(default)s; build it with cargo build --release)")
    ap.add_argument("--out", default="output/spark", help="output directory (default: %(default)s)")
    ap.add_argument("--partitions", type=int, default=None,
                    help="input partitions, one claimgraph process each (default: 2 per core)")
    ap.add_argument("--master", default="local[*]", help="Spark master (default: %(default)s)")
    ap.add_argument("--threads-per-task", type=int, default=1,
                    help="claimgraph --threads inside each task (default: %(default)s; Spark already runs one task per core)")
    ap.add_argument("--check", action="store_true",
                    help="also ingest the articles directly (no Spark) and check that both stores export the same JSON")
    args = ap.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"run_spark: {args.binary} is not an executable; build it first: cargo build --release")
    articles = os.path.abspath(args.articles)
    if not os.path.isfile(articles):
        sys.exit(f"run_spark: {args.articles}: no such file")
    out_dir = os.path.abspath(args.out)
    claims_dir = os.path.join(out_dir, "claims")
    store = os.path.join(out_dir, "claimgraph.store")
    shutil.rmtree(claims_dir, ignore_errors=True)
    if os.path.exists(store):
        os.remove(store)
    os.makedirs(out_dir, exist_ok=True)

    # Local mode needs no network address; this also silences Spark's loopback warning.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    started = time.perf_counter()
    spark = (SparkSession.builder.master(args.master).appName("claimgraph")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext
    start_secs = time.perf_counter() - started
    cores = sc.defaultParallelism
    partitions = args.partitions or 2 * cores
    lines = sc.textFile("file://" + articles, minPartitions=partitions)
    command = f"{shlex.quote(binary)} --quiet --threads {args.threads_per_task} claims --with-articles -"
    lines.pipe(command).saveAsTextFile("file://" + claims_dir)
    n_partitions = lines.getNumPartitions()
    spark.stop()
    map_secs = time.perf_counter() - started

    parts = sorted(glob.glob(os.path.join(claims_dir, "part-*")))
    n_articles = n_claims = n_bytes = 0
    for part in parts:
        with open(part, encoding="utf-8") as f:
            for line in f:
                n_bytes += len(line)
                if not line.strip():
                    continue
                if json.loads(line).get("kind") == "article":
                    n_articles += 1
                else:
                    n_claims += 1

    started = time.perf_counter()
    cmd = [binary, "--quiet", "ingest", "--store", store]
    for part in parts:
        cmd += ["--claims", part]
    subprocess.run(cmd, check=True)
    ingest_secs = time.perf_counter() - started
    stats = subprocess.run([binary, "query", "--store", store, "stats"], capture_output=True, text=True)

    print(f"input:      {args.articles} ({os.path.getsize(articles) / 1e6:.1f} MB)")
    print(f"partitions: {n_partitions} (master {args.master}, {cores} cores)")
    print(f"map:        {map_secs:.1f} s wall ({start_secs:.1f} s of it Spark start-up), claimgraph claims + save: "
          f"{n_articles} articles, {n_claims} claims, {n_bytes / 1e6:.1f} MB in {len(parts)} part files")
    print(f"ingest:     {ingest_secs:.1f} s wall -> {store} ({os.path.getsize(store) / 1e6:.1f} MB)")
    print(stats.stdout.strip())
    if args.check:
        check(binary, articles, store, out_dir)


def check(binary, articles, store, out_dir):
    """Ingests the articles directly and compares the JSON exports of both stores byte for byte."""
    direct = os.path.join(out_dir, "direct.store")
    if os.path.exists(direct):
        os.remove(direct)
    started = time.perf_counter()
    subprocess.run([binary, "--quiet", "ingest", "--store", direct, articles], check=True)
    secs = time.perf_counter() - started
    exports = []
    for path in (store, direct):
        res = subprocess.run([binary, "export", "--format", "json", "--store", path],
                             capture_output=True, check=True)
        exports.append(res.stdout)
    same = exports[0] == exports[1]
    print(f"check:      direct ingest {secs:.1f} s wall; JSON exports "
          + ("identical" if same else "DIFFER") + f" ({len(exports[0])} bytes)")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
