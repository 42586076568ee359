#!/usr/bin/env python3
"""Build an erg graph on a Dask distributed cluster.

The map step runs `erg build --partial SHARD -o DIR/part-I.json` for each
shard on the workers; the reduce step runs `erg merge PARTS... -o OUTPUT` on a
worker. The result is the graph one `erg build` over all the shards gives,
byte for byte (erg merge is associative and commutative).

    erg_dask.py --erg /usr/local/bin/erg --workers 4 -o graph.graphml \\
        shards/*.jsonl -- --rank pagerank --communities
    erg_dask.py --scheduler tcp://head:8786 --parts /shared/parts -o graph.json shards/*.jsonl

With --boilerplate, a first task scans all shards once (`erg boilerplate`)
and every build blanks the lines the whole corpus repeats
(`--boilerplate-from`), as one `erg build` would.

Paths (erg, shards, the parts folder, the output) must mean the same on every
worker: a shared file system on a cluster. Options after `--` go to
`erg merge` (the corpus stage: --types, --rank, --communities, filters,
--no-corpus-resolve); --build-option passes one option to every
`erg build --partial` (for instance --build-option=--types=person,agency).

Needs Debian's python3-distributed (or `pip install distributed`).
"""
import argparse
import os
import subprocess
import sys
import tempfile


def run(argv):
    """Runs one erg command; raises with its stderr when it fails."""
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise RuntimeError("%s: exit %d\n%s" % (" ".join(argv), p.returncode, p.stderr))
    return p.stderr


def find_boilerplate(erg, shards, sketch):
    """The first pass over every shard: the boilerplate detector of the whole corpus."""
    run([erg, "boilerplate", "--quiet", *shards, "-o", sketch])
    return sketch


def build_part(erg, shard, part, build_opts, sketch=None):
    """The map step: one shard to one partial graph."""
    more = ["--boilerplate-from", sketch] if sketch else []
    run([erg, "build", "--quiet", "--partial", *build_opts, *more, shard, "-o", part])
    return part


def merge_parts(erg, parts, output, merge_opts):
    """The reduce step: every partial graph into the final graph."""
    return run([erg, "merge", *merge_opts, *parts, "-o", output])


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    merge_opts = []
    if "--" in argv:
        i = argv.index("--")
        argv, merge_opts = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shards", nargs="+", help="input files or folders, one build task each")
    ap.add_argument("-o", "--output", required=True, help="the graph file erg merge writes")
    ap.add_argument("--erg", default="erg", help="the erg binary (default: erg on PATH)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler; "
                    "default: start a LocalCluster on 127.0.0.1")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="worker processes of the LocalCluster (default: the cores)")
    ap.add_argument("--parts", help="folder for the partial graphs (default: a temporary "
                    "folder, removed at the end; give a shared one on a cluster)")
    ap.add_argument("--boilerplate", action="store_true",
                    help="scan all shards for boilerplate lines first (erg boilerplate) and "
                    "give the detector to every build")
    ap.add_argument("--build-option", action="append", default=[],
                    help="an option for every erg build --partial (repeatable)")
    a = ap.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    erg = os.path.abspath(a.erg) if os.sep in a.erg else a.erg
    shards = [os.path.abspath(s) for s in a.shards]
    output = os.path.abspath(a.output)
    tmp = None
    if a.parts:
        parts_dir = os.path.abspath(a.parts)
        os.makedirs(parts_dir, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="erg-parts-")
        parts_dir = tmp.name
    cluster = None
    try:
        if a.scheduler:
            client = Client(a.scheduler)
        else:
            cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
            client = Client(cluster)
        with client:
            names = [os.path.join(parts_dir, "part-%d.json" % i) for i in range(len(shards))]
            # pure=False: a task is a command with side effects, never skipped as a duplicate.
            sketch = None
            if a.boilerplate:
                sketch = client.submit(find_boilerplate, erg, shards,
                                       os.path.join(parts_dir, "lines.sketch"), pure=False)
            futures = [client.submit(build_part, erg, s, p, a.build_option, sketch, pure=False)
                       for s, p in zip(shards, names)]
            done = client.submit(merge_parts, erg, futures, output, merge_opts, pure=False)
            summary = done.result()
        sys.stderr.write(summary)
    except RuntimeError as e:
        sys.stderr.write("erg_dask: %s\n" % e)
        return 1
    finally:
        if cluster is not None:
            cluster.close()
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
