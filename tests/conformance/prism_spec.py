#!/usr/bin/env python3
"""Writes the copy of the OpenAPI document that Prism checks against (in the build folder, never
committed). The same for both documents (v2.1.1 and v3.0.1): two changes, both about `oneOf`, which
Prism's validator reads without the spec's `discriminator`s, and two about slips in the spec; nothing
else is touched:

1. In a oneOf with a discriminator, each mapped alternative gets its discriminator property pinned
   to its mapping value(s) (allOf with an enum): what OpenAPI's discriminator means, made explicit.
   Without it, LedgerAccountSubject and WalletSubject (or the bulk results) accept the same objects,
   so no request or response can ever match "exactly one".
2. A oneOf without a discriminator becomes anyOf: the payments connector tasks' alternatives overlap,
   so Prism's own generated responses match several of them and fail "exactly one".
3. A property listed in `required` but not declared (reconciliation's Contract requires "accounts"
   and declares "account") is declared with an empty schema (any value), as the SDK's model holds it;
   otherwise Prism's generator never produces it and then rejects its own answer.
4. `format: byte` (v3.0.1: the payments v3 connector, source and destination account ids) is dropped:
   the document's own example answers fail it, and Prism's generator does not produce base64 for
   it either, so Prism rejects its own answers. The SDK holds these as text; the conformance samples
   send base64 anyway.

    python3 prism_spec.py SPEC OUT      (exit 77 when SPEC is absent)
"""

import json
import os
import sys


def pin_discriminators(node):
    if isinstance(node, dict):
        if node.get("format") == "byte":
            del node["format"]
        props = node.get("properties")
        if isinstance(props, dict) and isinstance(node.get("required"), list):
            for name in node["required"]:
                if name not in props:
                    props[name] = {}
        if "oneOf" in node:
            disc = node.get("discriminator")
            if disc:
                tags = {}
                for tag, ref in disc.get("mapping", {}).items():
                    tags.setdefault(ref, []).append(tag)
                alts = []
                for alt in node["oneOf"]:
                    ref = alt.get("$ref")
                    if ref in tags:
                        alts.append({"allOf": [alt, {"type": "object", "properties": {
                            disc["propertyName"]: {"type": "string", "enum": sorted(tags[ref])}}}]})
                    else:
                        alts.append(alt)
                node["oneOf"] = alts
            else:
                node["anyOf"] = node.pop("oneOf")
        for v in node.values():
            pin_discriminators(v)
    elif isinstance(node, list):
        for v in node:
            pin_discriminators(v)


def main():
    spec, out = sys.argv[1], sys.argv[2]
    if not os.path.isfile(spec):
        print("SKIPPED: %s is absent" % spec)
        return 77
    with open(spec, encoding="utf-8") as f:
        doc = json.load(f)
    pin_discriminators(doc)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
