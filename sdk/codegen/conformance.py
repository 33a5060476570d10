"""Emits the conformance suite's sample calls: one fully populated request per operation (every
optional parameter set), built from the schema's examples, and sent through the generated SDK.

Bodies are written as JSON and decoded into the operation's typed body, so each sample also proves
that the models read what the spec describes and write it back in a form the spec accepts.
"""

import json
import re

from emit import banner, cstr, group_names, qstr
from model import Spec
from templates import render

DATE_TIME = "2024-11-13T10:20:30.123456Z"
UUID = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"


# Strings tried, in order, for a schema with a `pattern` (assets: "USD/2").
PATTERN_CANDIDATES = ("USD/2", "COIN", "users:001", "ledger001", "c2FtcGxl", "sample")


def matching(pattern, name):
    for candidate in ["sample-" + (name or "text")] + list(PATTERN_CANDIDATES):
        if re.fullmatch(pattern, candidate):
            return candidate
    raise SystemExit("no sample string matches the pattern %s (%s): add one to PATTERN_CANDIDATES" % (pattern, name))


class Sampler:
    def __init__(self, spec):
        self.spec = spec

    def example_fits(self, schema, value):
        t = schema.get("type")
        if value is None:
            return False
        if "enum" in schema:
            return value in schema["enum"]
        if t == "string":
            if schema.get("format") == "date-time":
                return isinstance(value, str) and "T" in value
            return isinstance(value, str)
        if t == "integer":
            return isinstance(value, int) and not isinstance(value, bool) and self.in_range(schema, value)
        if t == "number":
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if t == "boolean":
            return isinstance(value, bool)
        if t == "array":
            return isinstance(value, list) and len(value) > 0
        if t == "object" or "properties" in schema:
            return False  # objects are built member by member (every optional member set)
        return False

    def in_range(self, schema, v):
        if "minimum" in schema and v < schema["minimum"]:
            return False
        if "maximum" in schema and v > schema["maximum"]:
            return False
        return True

    def sample(self, schema, name=None, depth=0, discriminated=None):
        spec = self.spec
        if depth > 12:
            return None
        if "$ref" in schema:
            return self.sample(spec.schemas[spec.ref_name(schema["$ref"])], name, depth + 1, discriminated)
        if "allOf" in schema:
            out = {}
            for part in schema["allOf"]:
                v = self.sample(part, name, depth + 1)
                if isinstance(v, dict):
                    out.update(v)
            own = {k: v for k, v in schema.items() if k != "allOf"}
            if own.get("properties"):
                out.update(self.sample(own, name, depth + 1) or {})
            return out
        alts = schema.get("oneOf") or schema.get("anyOf")
        if alts:
            disc = schema.get("discriminator")
            first = alts[0]
            tag = None
            if disc:
                for t, ref in disc.get("mapping", {}).items():
                    if ref == first.get("$ref"):
                        tag = (disc["propertyName"], t)
                        break
            v = self.sample(first, name, depth + 1)
            if tag and isinstance(v, dict):
                v[tag[0]] = tag[1]
            return v
        if "example" in schema and self.example_fits(schema, schema["example"]):
            return schema["example"]
        if "enum" in schema:
            return schema["enum"][0]
        t = schema.get("type")
        if t == "string":
            fmt = schema.get("format")
            if fmt == "date-time":
                return DATE_TIME
            if fmt == "uuid":
                return UUID
            if fmt == "binary":
                return "bytes"
            if fmt == "byte":
                return "c2FtcGxl"  # base64
            if "pattern" in schema:
                return matching(schema["pattern"], name)
            return "sample-" + (name or "text")
        if t == "integer":
            lo = schema.get("minimum", 1)
            v = max(lo, 1) if "minimum" not in schema or schema["minimum"] <= 1 else schema["minimum"]
            if "maximum" in schema:
                v = min(v, schema["maximum"])
            return v
        if t == "number":
            return 1.5
        if t == "boolean":
            return True
        if t == "array":
            item = self.sample(schema.get("items", {}), name, depth + 1)
            return [] if item is None else [item]
        props = schema.get("properties")
        if props:
            out = {}
            for k, p in props.items():
                v = self.sample(p, k, depth + 1)
                if v is not None:
                    out[k] = v
            for k in schema.get("required", []):
                if k not in out:
                    out[k] = "sample-" + k  # required but not described by the spec: any value
            return out
        ap = schema.get("additionalProperties")
        if isinstance(ap, dict) and ap:
            v = self.sample(ap, name, depth + 1)
            return {} if v is None else {"key1": v}
        return {"key1": "value1"}


def cpp_literal(cpp, value):
    """A C++ expression of type `cpp` for a parameter value."""
    if cpp == "QString":
        return qstr(value if isinstance(value, str) else json.dumps(value))
    if cpp in ("qint64", "int"):
        return "%s(%d)" % (cpp, int(value))
    if cpp == "double":
        return repr(float(value))
    if cpp == "bool":
        return "true" if value else "false"
    if cpp == "BigInt":
        return "*BigInt::fromString(std::string_view(%s))" % cstr(str(int(value)))
    if cpp == "Timestamp":
        return "*Timestamp::parse(std::string_view(%s))" % cstr(str(value))
    if cpp.startswith("QList<"):
        inner = cpp[len("QList<"):-1]
        items = value if isinstance(value, list) else [value]
        return "%s{%s}" % (cpp, ", ".join(cpp_literal(inner, v) for v in items))
    if cpp.startswith("FlatMap<QString, "):
        inner = cpp[len("FlatMap<QString, "):-1]
        items = value if isinstance(value, dict) else {"key1": value}
        return "%s{%s}" % (cpp, ", ".join("{%s, %s}" % (qstr(k), cpp_literal(inner, v)) for k, v in sorted(items.items())))
    raise SystemExit("no literal for parameter type %s" % cpp)


def param_value(sampler, p, schema):
    schema = sampler.spec.resolve(schema)
    if p.location == "header" and p.name.lower() == "idempotency-key":
        return "conformance-key"
    if p.style == "deepObject":
        return {"key1": "value1"}
    if p.name == "pageSize":
        return 15
    v = sampler.sample(schema, p.name)
    return v


def call_expr(op):
    gn = group_names(op)
    if gn is None:
        return "client.%s" % op.method_name, "Formance"
    g, v, cls, ns, base = gn
    return "client.%s().%s().%s" % (g.lower(), v.lower(), op.method_name), ns


DOCUMENTS = {"V2_1": "formance-openapi.json (v2.1.1)", "V3_0": "formance-openapi-v3.0.1.json (v3.0.1)"}


def case_fill(op, gen, sampler):
    """The statements that fill `request` for the document of `gen`: its parameters, and its body (or
    its JSON filter parameter, which the SDK holds as the body)."""
    fill = ""
    for p in op.params:
        if gen not in p.generations:
            continue
        v = param_value(sampler, p, p.schemas[gen])
        fill += "        request.%s = %s;\n" % (p.ident, cpp_literal(p.cpp, v))
    schema = None
    if op.body and gen in op.body["generations"]:
        _, _, source, _ = op.sources[gen]
        rb = sampler.spec.resolve_component("requestBodies", source["requestBody"])
        (ctype, media), = rb["content"].items()
        if op.body["cpp"] == "QByteArray":
            return fill + "        request.body = QByteArray(\"sample bytes\");\n"
        schema = media.get("schema", {})
    elif gen in op.filter_query and op.filter_param is None:
        _, _, source, shared = op.sources[gen]
        for p in shared + source.get("parameters", []):
            p = sampler.spec.resolve_component("parameters", p)
            if (p["name"], p["in"]) == (op.filter_query[gen], "query"):
                schema = p["content"]["application/json"]["schema"]
    if schema is not None:
        text = json.dumps(sampler.sample(schema, "body"), separators=(",", ":"), ensure_ascii=False)
        fill += "        %s body{};\n        QString error;\n" % op.body["cpp"]
        fill += "        if (!fromJson(R\"json(%s)json\", body, &error))\n" % text
        fill += "            return failedCall(QStringLiteral(\"sample body does not decode: \") + error);\n"
        fill += "        request.body = std::move(body);\n"
    return fill


def generate(spec, ops, version, documents):
    """documents: {generation: the OpenAPI document}; samples come from each document's own schemas."""
    lists = ""
    counts = {}
    for gen in ("V2_1", "V3_0"):
        sampler = Sampler(Spec(documents[gen]))
        cases = ""
        n = 0
        for op in ops:
            if gen not in op.generations:
                continue
            n += 1
            call, ns = call_expr(op)
            cases += render("conformance_case.cpp", id=qstr(op.id), request="%s::%s" % (ns, op.request_name),
                            fill=case_fill(op, gen, sampler), call=call)
        counts[gen] = n
        lists += render("conformance_list.cpp", count=n, document=DOCUMENTS[gen], gen=gen, cases=cases)
    out = render("conformance_calls.cpp", banner=banner(version), lists=lists)
    h = render("conformance_calls.h", banner=banner(version), count_v2_1=counts["V2_1"], count_v3_0=counts["V3_0"])
    return {"ConformanceCalls.cpp": out, "ConformanceCalls.h": h}
