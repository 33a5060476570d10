#!/usr/bin/env python3
"""Generates the Formance C++ SDK (models, operations, API groups) from the official OpenAPI document.

    python3 sdk/codegen/generate.py --spec ../shared/openapi/formance-openapi.json \
        --spec ../shared/openapi/formance-openapi-v3.0.1.json --out sdk/generated \
        [--conformance-out tests/conformance/generated]

Both generations of the API in one SDK: the component schemas are merged (merge.py), every operation
of either document is generated, and an operation the two disagree on is sent in the form of the
generation of the stack in front of it (sdk/src/StackVersions.h).

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
import docs as reference_docs  # noqa: E402
import emit  # noqa: E402
import merge  # noqa: E402
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


GENERATIONS = {"v2.1": "V2_1", "v3.0": "V3_0"}


def operations_table(spec_path):
    """operations.tsv beside formance-openapi.json; operations-v3.0.1.tsv beside formance-openapi-v3.0.1.json."""
    name = os.path.basename(spec_path)
    suffix = name[len("formance-openapi"):-len(".json")] if name.startswith("formance-openapi") else ""
    return os.path.join(os.path.dirname(spec_path), "operations%s.tsv" % suffix)


def load(spec_path):
    with open(spec_path, encoding="utf-8") as f:
        doc = json.load(f)
    with open(operations_table(spec_path), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    version = doc["info"]["version"]
    gen = GENERATIONS.get("v" + ".".join(version.lstrip("v").split(".")[:2]))
    if gen is None:
        raise SystemExit("%s: API version %s is neither v2.1 nor v3.0" % (spec_path, version))
    return gen, doc, rows, version


def main():
    repo = os.path.normpath(os.path.join(HERE, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spec", required=True, action="append",
                    help="formance-openapi.json (v2.1.1), then formance-openapi-v3.0.1.json; operations*.tsv beside each")
    ap.add_argument("--out", required=True, help="output folder (sdk/generated)")
    ap.add_argument("--conformance-out", help="output folder of the conformance test's sample calls")
    ap.add_argument("--docs-out", help="output folder of the Markdown reference (sdk/docs)")
    ap.add_argument("--readme", help="the README whose operations table is rewritten (sdk/README.md)")
    ap.add_argument("--readme-out", help="where the README with its new table goes (default: --readme itself)")
    ap.add_argument("--style", default=os.path.join(repo, ".clang-format"), help="the .clang-format to use")
    args = ap.parse_args()

    sources = [load(p) for p in args.spec]
    if [s[0] for s in sources] != ["V2_1", "V3_0"]:
        raise SystemExit("give --spec twice: the v2.1.1 document, then the v3.0.1 one")
    merged, docs = merge.merge_documents(sources[0][1], sources[1][1])
    spec = Spec(merged)
    spec.build_models()
    ops = build_operations(spec, [(g, doc, rows) for g, doc, rows, _ in sources])
    merge.check_decisions(docs)
    unused = sorted(typemap.SMALL_INTEGERS - typemap.USED_SMALL_INTEGERS)
    if unused:
        raise SystemExit("typemap.SMALL_INTEGERS lists members that are not integers of the documents: %s"
                         % ", ".join(unused))
    version = "the API documents %s" % " and ".join(v for _, _, _, v in sources)
    files = emit.generate(spec, ops, version)
    write_tree(files, args.out, args.style)
    if args.conformance_out:
        write_tree(conformance.generate(spec, ops, version, {g: doc for g, doc, _, _ in sources}), args.conformance_out,
                   args.style)
    if args.docs_out:
        write_tree(reference_docs.generate(spec, ops), args.docs_out, args.style)
    if args.readme:
        with open(args.readme, encoding="utf-8") as f:
            text = reference_docs.readme_with_table(f.read(), ops)
        with open(args.readme_out or args.readme, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    print("generated %d models and %d operations into %s" % (len(spec.models), len(ops), args.out))


if __name__ == "__main__":
    main()
