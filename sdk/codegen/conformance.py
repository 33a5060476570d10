"""Emits the conformance suite's sample calls: one fully populated request per operation (every
optional parameter set), built from the schema's examples, and sent through the generated SDK.

Bodies are written as JSON and decoded into the operation's typed body, so each sample also proves
that the models read what the spec describes and write it back in a form the spec accepts.
"""

import json

from emit import banner, cstr, group_names, qstr

DATE_TIME = "2024-11-13T10:20:30.123456Z"
UUID = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"


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


def param_value(sampler, p):
    schema = sampler.spec.resolve(p.schema)
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


def generate(spec, ops, version):
    sampler = Sampler(spec)
    out = banner(version)
    out += "// One fully populated sample request per operation (every optional parameter set).\n"
    out += "#include \"ConformanceCalls.h\"\n\n#include \"formance/Sdk.h\"\n\n"
    out += "#include <QtGlobal>\n\n"
    out += "QT_WARNING_PUSH\nQT_WARNING_DISABLE_DEPRECATED\n\n"
    out += "using namespace Formance;\n\nnamespace {\n\n"
    out += "template <class T>\nbool fromJson(const char *json, T &out, QString *error)\n{\n"
    out += "    const Json::DecodeResult r = Json::decode(QByteArray(json), out);\n"
    out += "    if (!r.ok)\n        *error = r.error;\n    return r.ok;\n}\n\n"
    out += "template <class R>\nConformanceOutcome outcome(const Result<R> &r)\n{\n"
    out += "    ConformanceOutcome o;\n    if (r) {\n        o.ok = true;\n        o.status = r->statusCode;\n"
    out += "        o.headers = r->headers;\n    } else {\n        o.status = r.error().httpStatus();\n"
    out += "        o.headers = r.error().headers();\n        o.error = r.error().toString();\n    }\n    return o;\n}\n\n"
    out += "template <class R>\nCall<ConformanceOutcome> wrap(const Call<R> &call)\n{\n"
    out += "    return call.template map<ConformanceOutcome>([](Result<R> r) { return outcome(r); });\n}\n\n"
    out += "Call<ConformanceOutcome> failedCall(const QString &why)\n{\n"
    out += "    ConformanceOutcome o;\n    o.error = why;\n"
    out += "    return Call<ConformanceOutcome>(QtFuture::makeReadyFuture(Result<ConformanceOutcome>(o)), {});\n}\n\n"
    out += "} // namespace\n\n"
    out += "QList<ConformanceCase> conformanceCases()\n{\n    QList<ConformanceCase> cases;\n"
    for op in ops:
        call, ns = call_expr(op)
        req_type = "%s::%s" % (ns, op.request_name)
        out += "    cases.append({%s, [](Client &client, const CallOptions &options) -> Call<ConformanceOutcome> {\n" % qstr(op.id)
        out += "        %s request;\n" % req_type
        for p in op.params:
            v = param_value(sampler, p)
            out += "        request.%s = %s;\n" % (p.ident, cpp_literal(p.cpp, v))
        if op.body:
            if op.body["cpp"] == "QByteArray":
                out += "        request.body = QByteArray(\"sample bytes\");\n"
            else:
                sample = sampler.sample(op.body["schema"], "body")
                text = json.dumps(sample, separators=(",", ":"), ensure_ascii=False)
                holder = op.body["cpp"]
                out += "        %s body{};\n" % holder
                out += "        QString error;\n"
                out += "        if (!fromJson(R\"json(%s)json\", body, &error))\n" % text
                out += "            return failedCall(QStringLiteral(\"sample body does not decode: \") + error);\n"
                out += "        request.body = std::move(body);\n"
        out += "        return wrap(%s(request, options));\n    }});\n" % call
    out += "    return cases;\n}\n\nQT_WARNING_POP\n"
    h = banner(version)
    h += "#pragma once\n\n#include \"Call.h\"\n#include \"Client.h\"\n\n#include <QList>\n#include <QString>\n\n#include <functional>\n\n"
    h += "struct ConformanceOutcome {\n    bool ok = false;\n    int status = 0;\n    Formance::HeaderList headers;\n    QString error;\n};\n\n"
    h += "struct ConformanceCase {\n    QString operationId;\n"
    h += "    std::function<Formance::Call<ConformanceOutcome>(Formance::Client &, const Formance::CallOptions &)> call;\n};\n\n"
    h += "// Every operation of the spec, in operations.tsv order.\nQList<ConformanceCase> conformanceCases();\n"
    return {"ConformanceCalls.cpp": out, "ConformanceCalls.h": h}
