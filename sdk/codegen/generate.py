#!/usr/bin/env python3
"""Generates the Formance C++ SDK (models, operations, API groups) from the official OpenAPI document.

    python3 sdk/codegen/generate.py --spec ../shared/openapi/formance-openapi.json --out sdk/generated \
        [--operations ../shared/openapi/operations.tsv] [--conformance-out tests/conformance/generated]

Python 3 standard library only. The output is deterministic (sorted, no timestamps) and formatted with
clang-format and the repository's .clang-format, so a fresh run can be diffed against the committed one.
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep the source tree clean
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import conformance  # noqa: E402
import emit  # noqa: E402
import typemap  # noqa: E402
from model import Spec, build_operations  # noqa: E402


def find_clang_format():
    for name in ("clang-format-14", "clang-format"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("clang-format not found (apt-get install clang-format)")


def write_tree(files, out_dir, style_file):
    """Writes {relative path: text} into out_dir (replacing it), then clang-formats the C++ files."""
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    cpp = []
    for rel in sorted(files):
        path = os.path.join(out_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(files[rel])
        if rel.endswith((".h", ".cpp")):
            cpp.append(path)
    clang_format = find_clang_format()
    # The style file is copied beside the output so that clang-format finds it whatever the out dir is.
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(style_file, os.path.join(tmp, ".clang-format"))
        for i in range(0, len(cpp), 100):
            subprocess.run([clang_format, "-i", "--style=file:" + os.path.join(tmp, ".clang-format")] + cpp[i:i + 100],
                           check=True)


def main():
    repo = os.path.normpath(os.path.join(HERE, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spec", required=True, help="formance-openapi.json")
    ap.add_argument("--operations", help="operations.tsv (default: beside the spec)")
    ap.add_argument("--out", required=True, help="output folder (sdk/generated)")
    ap.add_argument("--conformance-out", help="output folder of the conformance test's sample calls")
    ap.add_argument("--style", default=os.path.join(repo, ".clang-format"), help="the .clang-format to use")
    args = ap.parse_args()

    with open(args.spec, encoding="utf-8") as f:
        doc = json.load(f)
    ops_path = args.operations or os.path.join(os.path.dirname(args.spec), "operations.tsv")
    with open(ops_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))

    spec = Spec(doc)
    spec.build_models()
    ops = build_operations(spec, rows)
    unused = sorted(typemap.SMALL_INTEGERS - typemap.USED_SMALL_INTEGERS)
    if unused:
        raise SystemExit("typemap.SMALL_INTEGERS lists members that are not integers of the documents: %s"
                         % ", ".join(unused))
    version = doc["info"]["version"]
    files = emit.generate(spec, ops, version)
    write_tree(files, args.out, args.style)
    if args.conformance_out:
        write_tree(conformance.generate(spec, ops, version), args.conformance_out, args.style)
    print("generated %d models and %d operations into %s" % (len(spec.models), len(ops), args.out))


if __name__ == "__main__":
    main()
