#!/usr/bin/env python3
"""Regenerates the SDK into a temporary folder and fails on any difference with the committed output.

    python3 sdk/codegen/check_drift.py --spec ../shared/openapi/formance-openapi.json \
        --spec ../shared/openapi/formance-openapi-v3.0.1.json

Exits 77 (CTest's SKIP_RETURN_CODE) with a clear message when a document is absent.
"""

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


def tree(root):
    out = set()
    for dirpath, _, names in os.walk(root):
        for n in names:
            out.add(os.path.relpath(os.path.join(dirpath, n), root))
    return out


def compare(committed, fresh):
    problems = []
    a, b = tree(committed) if os.path.isdir(committed) else set(), tree(fresh)
    for rel in sorted(a - b):
        problems.append("only in the committed output: %s" % rel)
    for rel in sorted(b - a):
        problems.append("missing from the committed output: %s" % rel)
    for rel in sorted(a & b):
        if not filecmp.cmp(os.path.join(committed, rel), os.path.join(fresh, rel), shallow=False):
            problems.append("differs: %s" % rel)
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", action="append")
    args = ap.parse_args()
    folder = os.path.join(REPO, "..", "shared", "openapi")
    specs = args.spec or [os.path.join(folder, "formance-openapi.json"), os.path.join(folder, "formance-openapi-v3.0.1.json")]
    for spec in specs:
        if not os.path.isfile(spec):
            print("SKIPPED: sdk_codegen_drift needs the OpenAPI document at %s (../shared is absent); "
                  "nothing was compared" % os.path.normpath(spec))
            return SKIP
    targets = [("sdk/generated", "--out"), ("tests/conformance/generated", "--conformance-out"),
               ("sdk/docs", "--docs-out")]
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, os.path.join(HERE, "generate.py")]
        for spec in specs:
            cmd += ["--spec", spec]
        for rel, flag in targets:
            cmd += [flag, os.path.join(tmp, rel)]
        readme = os.path.join(REPO, "sdk", "README.md")
        cmd += ["--readme", readme, "--readme-out", os.path.join(tmp, "README.md")]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        problems = []
        if not filecmp.cmp(readme, os.path.join(tmp, "README.md"), shallow=False):
            problems.append("sdk/README.md: its operations table differs from a fresh run")
        for rel, _ in targets:
            problems += ["%s: %s" % (rel, p) for p in compare(os.path.join(REPO, rel), os.path.join(tmp, rel))]
    if problems:
        print("The committed generated code differs from a fresh run of sdk/codegen/generate.py:")
        for p in problems[:200]:
            print("  " + p)
        print("Regenerate with: cmake --build build/dev --target regenerate-sdk (then commit the result)")
        return 1
    print("sdk_codegen_drift: the committed generated code matches a fresh run (%s)" % ", ".join(t for t, _ in targets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
