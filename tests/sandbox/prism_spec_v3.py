#!/usr/bin/env python3
"""The copy of the v3.0.1 document that the sandbox_prism_*_v3 suites check against (in the build
folder, never committed): tests/conformance/prism_spec.py's preparation, plus one change.

The payments v3 identifiers (connectorID, sourceAccountID, destinationAccountID ...) are typed
`format: byte` (padded base64), but the payments service makes them unpadded base64url (Go's
base64.URLEncoding without padding): no real identifier satisfies the format, and Prism, with
--errors, replaces every such answer by a 500. The format is dropped; the property stays a string.

    python3 prism_spec_v3.py SPEC OUT      (exit 77 when SPEC is absent)
"""

import importlib.util
import json
import os
import sys


def load_conformance_preparation():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "conformance", "prism_spec.py")
    spec = importlib.util.spec_from_file_location("prism_spec", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def drop_byte_format(node):
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "byte":
            del node["format"]
        for v in node.values():
            drop_byte_format(v)
    elif isinstance(node, list):
        for v in node:
            drop_byte_format(v)


def main():
    spec, out = sys.argv[1], sys.argv[2]
    if not os.path.isfile(spec):
        print("SKIPPED: %s is absent" % spec)
        return 77
    with open(spec, encoding="utf-8") as f:
        doc = json.load(f)
    load_conformance_preparation().pin_discriminators(doc)
    drop_byte_format(doc)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
