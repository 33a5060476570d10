"""One document from the two generations of the API: the component schemas of v2.1.1 and v3.0.1 merged
so that one C++ model reads what either generation sends.

Rules, applied member by member ("Schema.property" paths, as in the type map):
- equal in both, or present in one only: taken as is;
- an object in both: every property of either (an `allOf` is flattened first); a property is required
  only when both require it; nullable when either says so;
- an enum in both: the values of both (v2.1.1's first; enum classes keep unknown text anyway);
- `additionalProperties`: free-form (true / {}) in either wins over a typed one;
- anything else (two $refs, two types) must be decided in DECISIONS, or the generator stops.
"""

import copy

# What a conflicting member becomes, keyed by its path:
#   "v2.1" / "v3.0": that document's schema;
#   "either": an anyOf of both (a holder with both alternatives);
#   ("envelope", "data"): the v3.0.1 schema, an object wrapping the real value in `data`, which also
#   reads the v2.1.1 form (the value itself, unwrapped).
DECISIONS = {
    # ledger v1: `ledgerMetadata` (v2.1.1) and `Metadata` (v3.0.1) are the same free-form object.
    "PostTransaction.metadata": "v2.1",
    "Script.metadata": "v2.1",
    "Transaction.metadata": "v2.1",
    "TransactionData.metadata": "v2.1",
    "addMetadataToAccount.requestBody": "v2.1",  # (an operation's request body: model.build_operations)
    "addMetadataOnTransaction.requestBody": "v2.1",
    # v3.0.1 makes Metadata nullable; a Json::Any holds a null by itself.
    "Metadata": "v2.1",
    # v3.0.1 folds the expanded transaction into V2Transaction; V2ExpandedTransaction (V2Transaction,
    # merged, plus the volumes) reads both.
    "V2GetTransactionResponse.data": "v2.1",
    "V2TransactionsCursorResponse.cursor.data[]": "v2.1",
    # orchestrationV2PostTransaction (v3.0.1) is v2.1.1's V2PostTransaction under another name.
    "V2ActivityCreateTransaction.data": "v2.1",
    # a payments task's status is a TaskStatus (v2.1.1 said PaymentStatus); both are text enums.
    "TaskBase.status": "v3.0",
    # storage migration version: an integer in v2.1.1, a string in v3.0.1.
    "MigrationInfo.version": "either",
    "V2MigrationInfo.version": "either",
    # the wallets service answers {"data": {...}} in both generations (v2.1.1's document says otherwise).
    "GetWalletSummaryResponse": ("envelope", "data"),
}

USED_OPERATION_DECISIONS = set()  # filled by model.build_operations

IGNORED_KEYS = {"description", "example", "examples", "default", "title", "x-speakeasy-name-override"}


class Documents:
    def __init__(self, first, second):
        self.first, self.second = first, second
        self.used = set()

    def resolve(self, doc, schema):
        while "$ref" in schema:
            schema = doc["components"]["schemas"][schema["$ref"].split("/")[-1]]
        return schema

    def flatten(self, doc, schema):
        """An object schema with its allOf parts merged in (their $refs resolved in `doc`)."""
        schema = copy.deepcopy(schema)
        parts = schema.pop("allOf", [])
        props, required = {}, []
        for part in parts:
            flat = self.flatten(doc, self.resolve(doc, part))
            props.update(flat.get("properties", {}))
            required += [r for r in flat.get("required", []) if r not in required]
        props.update(schema.get("properties", {}))
        required += [r for r in schema.get("required", []) if r not in required]
        schema["type"] = "object"
        schema["properties"] = props
        if required:
            schema["required"] = required
        else:
            schema.pop("required", None)
        return schema

    def decide(self, path, a, b):
        d = DECISIONS.get(path)
        if d is None:
            raise SystemExit("the two documents disagree on %s and merge.DECISIONS says nothing:\n  v2.1.1: %s\n"
                             "  v3.0.1: %s" % (path, str(a)[:300], str(b)[:300]))
        self.used.add(path)
        if d == "v2.1":
            return a
        if d == "v3.0":
            return b
        if d == "either":
            return {"anyOf": [a, b]}
        if isinstance(d, tuple) and d[0] == "envelope":
            out = copy.deepcopy(b)
            out["x-formance-envelope"] = d[1]
            return out
        raise SystemExit("unknown decision %r for %s" % (d, path))

    def merge(self, a, b, path):
        if a == b:
            return a
        if path in DECISIONS:
            return self.decide(path, a, b)
        if "$ref" in a or "$ref" in b:
            return self.decide(path, a, b)
        struct = lambda s: "properties" in s or "allOf" in s
        if struct(a) and struct(b):
            return self.merge_objects(self.flatten(self.first, a), self.flatten(self.second, b), path)
        if "enum" in a and "enum" in b and a.get("type") == b.get("type"):
            out = dict(a)
            out["enum"] = list(a["enum"]) + [v for v in b["enum"] if v not in a["enum"]]
            rest_a = {k: v for k, v in a.items() if k not in ("enum",) and k not in IGNORED_KEYS}
            rest_b = {k: v for k, v in b.items() if k not in ("enum",) and k not in IGNORED_KEYS}
            if rest_a != rest_b:
                return self.decide(path, a, b)
            return out
        keys = set(a) | set(b)
        out = {}
        for k in sorted(keys):
            if k in IGNORED_KEYS:
                if k in a:
                    out[k] = a[k]
                continue
            va, vb = a.get(k), b.get(k)
            if va == vb:
                out[k] = va
            elif k == "nullable":
                out[k] = bool(va) or bool(vb)
            elif k == "additionalProperties":
                free = lambda v: v is True or v == {}
                if free(va) or free(vb):
                    out[k] = True
                elif isinstance(va, dict) and isinstance(vb, dict):
                    out[k] = self.merge(va, vb, path + "{}")
                else:
                    return self.decide(path, a, b)
            elif k == "items" and isinstance(va, dict) and isinstance(vb, dict):
                out[k] = self.merge(va, vb, path + "[]")
            else:
                return self.decide(path, a, b)
        return out

    def merge_objects(self, a, b, path):
        out = {k: v for k, v in a.items() if k not in ("properties", "required")}
        if a.get("nullable") or b.get("nullable"):
            out["nullable"] = True
        props = {}
        pa, pb = a.get("properties", {}), b.get("properties", {})
        for k in list(pa) + [k for k in pb if k not in pa]:
            if k in pa and k in pb:
                props[k] = self.merge(pa[k], pb[k], path + "." + k)
            else:
                props[k] = pa.get(k, pb.get(k))
        out["properties"] = props
        required = [r for r in a.get("required", []) if r in b.get("required", [])]
        if required:
            out["required"] = required
        aa, ab = a.get("additionalProperties"), b.get("additionalProperties")
        if aa != ab:
            out["additionalProperties"] = True if (aa in (True, {}) or ab in (True, {})) else aa
        return out


def merge_documents(first, second):
    """first: v2.1.1, second: v3.0.1. Returns (merged document, Documents) — the merged one has the
    component schemas, parameters, responses and request bodies of both; paths stay per document."""
    docs = Documents(first, second)
    out = copy.deepcopy(first)
    comps = out["components"]
    for kind, items in second["components"].items():
        target = comps.setdefault(kind, {})
        for key, value in items.items():
            if key not in target:
                target[key] = copy.deepcopy(value)
            elif target[key] != value:
                if kind != "schemas":
                    raise SystemExit("components/%s/%s differs between the documents" % (kind, key))
                target[key] = docs.merge(target[key], value, key)
    return out, docs


def check_decisions(docs):
    """Every decision must have been needed (a stale one is an error)."""
    unused = sorted(set(DECISIONS) - docs.used - USED_OPERATION_DECISIONS)
    if unused:
        raise SystemExit("merge.DECISIONS has entries no disagreement needs: %s" % ", ".join(unused))
