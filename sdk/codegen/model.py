"""Builds the in-memory description of every model and operation from the OpenAPI document."""

import re

import merge
import typemap

HTTP_METHODS = ("get", "put", "post", "delete", "head", "patch", "options")


def cap(name):
    return name[:1].upper() + name[1:]


def camel_from_snake(name):
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", name) if p]
    if not parts:
        return "value"
    out = parts[0][:1].lower() + parts[0][1:]
    for p in parts[1:]:
        out += p[:1].upper() + p[1:]
    return out


def identifier(name):
    """A C++ member name for a JSON property or parameter name."""
    ident = re.sub(r"[^A-Za-z0-9_]", "_", name)
    if "_" in ident.strip("_") or "-" in name or "." in name:
        ident = camel_from_snake(name)
    if not ident or ident[0].isdigit():
        ident = "v" + ident
    if ident in typemap.CPP_KEYWORDS:
        ident += "_"
    return ident


def type_name(name):
    ident = re.sub(r"[^A-Za-z0-9]+", " ", name).strip()
    ident = "".join(cap(p) for p in ident.split(" "))
    if ident[:1].isdigit():
        ident = "T" + ident
    return ident


def enum_constant(value):
    words = [w for w in re.split(r"[^A-Za-z0-9]+", str(value)) if w]
    if not words:
        return "Empty"
    out = ""
    for w in words:
        if w.isupper() or w.islower():
            out += w[:1].upper() + w[1:].lower()
        else:
            out += w[:1].upper() + w[1:]
    if out[0].isdigit():
        out = "V" + out
    return out


class Field:
    def __init__(self, json_name, ident, cpp, deps, required, nullable):
        self.json_name = json_name
        self.ident = ident
        self.cpp = cpp  # type of the value (without std::optional)
        self.deps = deps
        self.required = required
        self.nullable = nullable

    @property
    def holder(self):
        return typemap.field_holder(self.cpp, self.required, self.nullable)

    @property
    def default(self):
        if self.required and not self.nullable:
            return typemap.SCALAR_DEFAULTS.get(self.cpp)
        return None


class ModelDef:
    """kind: struct | enum | union | alias"""

    def __init__(self, name, kind, file, schema, description=None):
        self.name = name
        self.kind = kind
        self.file = file
        self.schema = schema
        self.description = description
        self.fields = []  # struct
        self.values = []  # enum: (constant, text)
        self.alts = []  # union: dicts {cpp, deps, keys, tag}
        self.discriminator = None
        self.alias = None  # alias: (cpp, deps)
        self.envelope = None  # struct: the member that wraps the value (merge.DECISIONS "envelope")
        self.deps = set()


class Spec:
    def __init__(self, doc):
        self.doc = doc
        self.schemas = doc["components"]["schemas"]
        self.models = {}  # name -> ModelDef
        self.order = []  # definition order
        self.component_names = {}  # schema key -> C++ name
        for key in sorted(self.schemas):
            cname = type_name(key)
            if cname in self.component_names.values():
                raise SystemExit("two component schemas map to the C++ name %s" % cname)
            self.component_names[key] = cname

    # ---- references ----
    def ref_name(self, ref):
        prefix = "#/components/schemas/"
        if not ref.startswith(prefix):
            raise SystemExit("unsupported $ref %s" % ref)
        return ref[len(prefix):]

    def resolve(self, schema):
        seen = 0
        while "$ref" in schema:
            schema = self.schemas[self.ref_name(schema["$ref"])]
            seen += 1
            if seen > 20:
                raise SystemExit("$ref loop")
        return schema

    def resolve_component(self, kind, obj):
        prefix = "#/components/%s/" % kind
        while "$ref" in obj:
            ref = obj["$ref"]
            if not ref.startswith(prefix):
                raise SystemExit("unsupported $ref %s" % ref)
            obj = self.doc["components"][kind][ref[len(prefix):]]
        return obj

    # ---- models ----
    def unique_name(self, hint):
        name = type_name(hint)
        if name not in self.models and name not in self.component_names.values():
            return name
        i = 2
        while ("%s%d" % (name, i)) in self.models or ("%s%d" % (name, i)) in self.component_names.values():
            i += 1
        return "%s%d" % (name, i)

    def unalias(self, cpp):
        """The C++ type an alias model stands for (aliases of aliases followed)."""
        while cpp.startswith("Models::"):
            m = self.models.get(cpp[len("Models::"):])
            if m is None:
                # not defined yet: define the component now so that its kind is known
                key = next(k for k, v in self.component_names.items() if v == cpp[len("Models::"):])
                m = self.define_component(key)
            if m.kind != "alias":
                break
            cpp = m.alias
        return cpp

    def add(self, m):
        self.models[m.name] = m
        self.order.append(m.name)
        return m

    def merged_object(self, schema):
        """Properties and required names of an object schema, with allOf parts merged."""
        props = {}
        required = []
        schema_r = self.resolve(schema)
        for part in schema_r.get("allOf", []):
            p, r = self.merged_object(part)
            props.update(p)
            required += [x for x in r if x not in required]
        for k, v in schema_r.get("properties", {}).items():
            props[k] = v
        required += [x for x in schema_r.get("required", []) if x not in required]
        return props, required

    def is_struct_like(self, schema):
        if "allOf" in schema:
            return True
        return bool(schema.get("properties"))

    def map_type(self, schema, hint, file, path):
        """Returns (cpp type, set of model names it needs complete). `path` names the schema's place in
        the document ("Schema.property.inner[]"): the key of the type map's per-member decisions."""
        if "$ref" in schema:
            key = self.ref_name(schema["$ref"])
            name = self.component_names[key]
            return "Models::" + name, {name}
        if "allOf" in schema and len(schema["allOf"]) == 1 and not schema.get("properties"):
            return self.map_type(schema["allOf"][0], hint, file, path)
        if "oneOf" in schema or "anyOf" in schema:
            m = self.define_union(self.unique_name(hint), schema, file, path)
            return "Models::" + m.name, {m.name}
        if "enum" in schema:
            m = self.define_enum(self.unique_name(hint), schema, file)
            return "Models::" + m.name, {m.name}
        scalar = typemap.scalar_type(schema, path)
        if scalar:
            return scalar, set()
        t = schema.get("type")
        if t == "array":
            inner, deps = self.map_type(schema.get("items", {}), hint + "Item", file, path + "[]")
            return "QList<%s>" % inner, deps
        if self.is_struct_like(schema):
            m = self.define_struct(self.unique_name(hint), schema, file, path)
            return "Models::" + m.name, {m.name}
        ap = schema.get("additionalProperties")
        if isinstance(ap, dict) and ap:
            inner, deps = self.map_type(ap, hint + "Value", file, path + "{}")
            return "FlatMap<QString, %s>" % inner, deps
        return "Json::Any", set()

    def define_struct(self, name, schema, file, path):
        m = self.add(ModelDef(name, "struct", file, schema, schema.get("description")))
        m.envelope = schema.get("x-formance-envelope")
        props, required = self.merged_object(schema)
        for r in required:
            if r not in props:
                props[r] = {}  # required but not described (a spec slip): any JSON, kept exactly
        used = set()
        for json_name, prop in props.items():
            ident = identifier(json_name)
            if ident == name or ident in used:
                ident += "_"
            used.add(ident)
            cpp, deps = self.map_type(prop, name + cap(identifier(json_name).rstrip("_")), file,
                                      path + "." + json_name)
            nullable = bool(self.resolve(prop).get("nullable")) if "$ref" in prop else bool(prop.get("nullable"))
            f = Field(json_name, ident, cpp, deps, json_name in required, nullable)
            f.description = prop.get("description") if isinstance(prop, dict) else None
            m.fields.append(f)
            m.deps |= deps
        return m

    def define_enum(self, name, schema, file):
        m = self.add(ModelDef(name, "enum", file, schema, schema.get("description")))
        used = set()
        for v in schema["enum"]:
            c = enum_constant(v)
            if c == "Unrecognized":
                c += "_"
            while c in used:
                c += "_"
            used.add(c)
            m.values.append((c, str(v) if not isinstance(v, bool) else ("true" if v else "false")))
        return m

    def define_union(self, name, schema, file, path):
        m = self.add(ModelDef(name, "union", file, schema, schema.get("description")))
        alts = schema.get("oneOf") or schema.get("anyOf")
        disc = schema.get("discriminator")
        tags = {}
        if disc:
            m.discriminator = disc["propertyName"]
            for tag, ref in disc.get("mapping", {}).items():
                tags.setdefault(ref, []).append(tag)
        seen = {}
        for i, alt in enumerate(alts):
            cpp, deps = self.map_type(alt, name + "Option%d" % (i + 1), file, "%s|%d" % (path, i + 1))
            real = self.unalias(cpp)
            if real in seen:
                # Two alternatives that are one C++ type (aliases of one schema): one alternative with
                # both discriminator values.
                seen[real]["tags"] += tags.get(alt.get("$ref"), [])
                continue
            cpp = real
            resolved = self.resolve(alt)
            keys = None
            if self.is_struct_like(resolved):
                keys = list(self.merged_object(resolved)[0].keys())
            json_type = resolved.get("type")
            m.alts.append({"cpp": cpp, "deps": deps, "keys": keys, "tags": list(tags.get(alt.get("$ref"), [])),
                           "json_type": json_type})
            seen[real] = m.alts[-1]
            m.deps |= deps
        return m

    def define_component(self, key):
        name = self.component_names[key]
        schema = self.schemas[key]
        file = name
        if "oneOf" in schema or "anyOf" in schema:
            return self.define_union(name, schema, file, key)
        if "enum" in schema:
            return self.define_enum(name, schema, file)
        if self.is_struct_like(schema) and not ("allOf" in schema and len(schema["allOf"]) == 1
                                                and "$ref" in schema["allOf"][0] and not schema.get("properties")):
            return self.define_struct(name, schema, file, key)
        m = self.add(ModelDef(name, "alias", file, schema, schema.get("description")))
        if "$ref" in schema:
            cpp, deps = self.map_type(schema, name, file, key)
        elif "allOf" in schema:
            cpp, deps = self.map_type(schema["allOf"][0], name, file, key)
        else:
            cpp, deps = self.map_type(schema, name + "Value", file, key)
        m.alias = cpp
        m.deps |= deps
        return m

    def build_models(self):
        for key in sorted(self.schemas):
            if self.component_names[key] not in self.models:
                self.define_component(key)


class Param:
    def __init__(self, name, location, ident, cpp, required, style, explode, schema, description):
        self.name = name
        self.location = location
        self.ident = ident
        self.cpp = cpp
        self.required = required
        self.style = style
        self.explode = explode
        self.schema = schema
        self.description = description

    @property
    def holder(self):
        return typemap.field_holder(self.cpp, self.required, False)


class Operation:
    pass


def param_cpp(spec, schema, name):
    """Parameters are held as plain values: enums as their text, free-form maps as string maps."""
    schema = spec.resolve(schema)
    if "enum" in schema and schema.get("type", "string") == "string":
        return "QString"
    scalar = typemap.scalar_type(schema, None, parameter=name)
    if scalar:
        return scalar
    if schema.get("type") == "array":
        return "QList<%s>" % param_cpp(spec, schema.get("items", {}), name)
    if schema.get("type") == "object" or "additionalProperties" in schema:
        ap = schema.get("additionalProperties")
        if isinstance(ap, dict) and ap:
            return "FlatMap<QString, %s>" % param_cpp(spec, ap, name)
        return "FlatMap<QString, QString>"
    return "QString"


def operation_index(doc):
    """operationId -> (path, method, operation, path-level parameters) of one document."""
    by_id = {}
    for path, item in doc["paths"].items():
        shared = item.get("parameters", [])
        for method, op in item.items():
            if method in HTTP_METHODS:
                by_id[op["operationId"]] = (path, method, op, shared)
    return by_id


def method_name_of(row):
    """The reference SDK's method name (operations.tsv), or the operationId without its version prefix
    (v3CreateAccount -> createAccount) for an operation the v2.1.1 table does not list."""
    if row.get("python_method"):
        return camel_from_snake(row["python_method"].split(".")[-1])
    name = re.sub(r"^v[0-9]+(?=[A-Z])", "", row["operationId"])
    return name[:1].lower() + name[1:]


def looks_paginated(spec, op):
    """A cursor operation: a `cursor` query parameter and an answer with cursor.next."""
    names = {(spec.resolve_component("parameters", p).get("name"), spec.resolve_component("parameters", p).get("in"))
             for p in op.get("parameters", [])}
    if ("cursor", "query") not in names:
        return False
    ok = op["responses"].get("200")
    if not ok:
        return False
    schema = spec.resolve_component("responses", ok).get("content", {}).get("application/json", {}).get("schema")
    if not schema:
        return False
    props, _ = spec.merged_object(spec.resolve(schema))
    cursor = props.get("cursor")
    return bool(cursor) and "next" in spec.merged_object(spec.resolve(cursor))[0]


def params_of(spec, shared, op):
    merged = {}
    for p in shared + op.get("parameters", []):
        p = spec.resolve_component("parameters", p)
        merged[(p["name"], p["in"])] = p
    return merged


def json_query_param(params):
    """The `query` parameter that carries a JSON filter (v3.0.1: content application/json)."""
    p = params.get(("query", "query"))
    if p and "application/json" in p.get("content", {}):
        return p
    return None


def build_operations(spec, sources):
    """sources: [(generation, document, operations.tsv rows)], v2.1.1 first; `spec` is the merged
    document. Returns every operation of either document, in the first table's order, then the new ones.

    Where a shared operation differs, the Operation records it per generation: its path (`paths`), the
    parameters each has (`Param.generations`), and where the filter travels: a GET/HEAD JSON body in
    v2.1.1, the `query` parameter's JSON text in v3.0.1 (`body_in`, `filter_query`)."""
    indexes = [(gen, operation_index(doc), rows) for gen, doc, rows in sources]
    order, rows_by_id = [], {}
    for gen, index, rows in indexes:
        for row in rows:
            if row["operationId"] not in rows_by_id:
                order.append(row["operationId"])
                rows_by_id[row["operationId"]] = row
    ops = []
    for op_id in order:
        row = rows_by_id[op_id]
        present = [(gen, index[op_id]) for gen, index, _ in indexes if op_id in index]
        base_gen, (path, method, op, shared) = present[0]
        o = Operation()
        o.id = op_id
        o.group = row["group"]
        o.version = row["api_version"]
        o.generations = [g for g, _ in present]
        o.sources = {g: entry for g, entry in present}  # per generation: (path, method, op, shared)
        o.paths = {g: entry[0] for g, entry in present}
        o.path = path
        o.method = method.upper()
        if any(entry[1] != method for _, entry in present):
            raise SystemExit("%s changes its HTTP method between the documents" % op_id)
        o.summary = op.get("summary") or op.get("description") or ""
        o.deprecated = row["deprecated"] == "yes" or bool(op.get("deprecated"))
        o.paginated = row["paginated"] == "yes" if "paginated" in row else looks_paginated(spec, op)
        o.method_name = method_name_of(row)
        if o.method_name in typemap.CPP_KEYWORDS:
            o.method_name += "_"
        o.type_base = cap(o.id)
        o.request_name = o.type_base + "Request"
        o.response_name = o.type_base + "Response"
        o.deps = set()
        # parameters: those of every generation, each knowing where it exists
        per_gen = {g: params_of(spec, entry[3], entry[2]) for g, entry in present}
        has_body = {g: "requestBody" in entry[2] for g, entry in present}
        o.filter_query = {}  # generation -> name of the query parameter the body travels in
        if any(has_body.values()) and not all(has_body.values()) and o.method in ("GET", "HEAD"):
            for g, params in per_gen.items():
                if has_body[g]:
                    continue
                if json_query_param(params) is None and ("query", "query") not in params:
                    raise SystemExit("%s: the body of one document has no counterpart in the other" % op_id)
                o.filter_query[g] = "query"
        keys = []
        for g in o.generations:
            for k in per_gen[g]:
                if k not in keys:
                    keys.append(k)
        params = []
        used = set()
        o.filter_param = None  # the ordinary `query` string parameter the filter yields to, when there is one
        for key in keys:
            gens = [g for g in o.generations if key in per_gen[g]]
            p = per_gen[gens[0]][key]
            if json_query_param({key: p}) is not None and key == ("query", "query") and g_filter_only(o, gens, per_gen):
                continue  # the JSON filter parameter: it is the request's body (see filter_query)
            pname, loc = key
            schema = p.get("schema", {})
            ident = identifier(pname)
            while ident in used or ident in ("body", "options"):
                ident += "_"
            used.add(ident)
            required = bool(p.get("required")) or loc == "path"
            param = Param(pname, loc, ident, param_cpp(spec, schema, pname), required, p.get("style"),
                          p.get("explode"), schema, p.get("description"))
            param.generations = gens
            param.schemas = {g: per_gen[g][key].get("schema", {}) for g in gens}  # each document's own
            params.append(param)
            if key == ("query", "query") and o.filter_query:
                o.filter_param = param
        o.params = params
        o.idempotency = any(p.location == "header" and p.name.lower() == "idempotency-key" for p in params)
        # request body: the one both documents have, or merge.DECISIONS["<operationId>.requestBody"] says
        o.body = None
        body_gens = [g for g, entry in present if "requestBody" in entry[2]]
        if body_gens:
            chosen = body_gens[0]
            bodies = [spec.resolve_component("requestBodies", o.sources[g][2]["requestBody"]) for g in body_gens]
            if any(b != bodies[0] for b in bodies):
                decision = merge.DECISIONS.get(o.id + ".requestBody")
                if decision not in ("v2.1", "v3.0"):
                    raise SystemExit("%s: the documents disagree on its request body and merge.DECISIONS says "
                                     "nothing (%s.requestBody)" % (op_id, op_id))
                chosen = {"v2.1": "V2_1", "v3.0": "V3_0"}[decision]
                merge.USED_OPERATION_DECISIONS.add(o.id + ".requestBody")
            entry = o.sources[chosen]
            rb = spec.resolve_component("requestBodies", entry[2]["requestBody"])
            (ctype, media), = rb["content"].items()
            schema = media.get("schema", {})
            if ctype == "application/json":
                cpp, deps = spec.map_type(schema, o.type_base + "RequestBody", "Op" + o.type_base,
                                          o.id + ".requestBody")
                o.deps |= deps
            else:
                cpp = "QByteArray"
            o.body = {"cpp": cpp, "required": bool(rb.get("required")), "content_type": ctype, "schema": schema,
                      "generations": body_gens}
            if o.body["required"] and len(body_gens) != len(o.generations):
                raise SystemExit("%s: a required body that one document drops" % op_id)
        o.divergent = len(set(o.paths.values())) > 1 or bool(o.filter_query) or (
            o.body is not None and len(o.body["generations"]) != len(o.generations))
        # responses: the first document's (the component schemas are merged)
        o.success_codes = []
        o.body_type = None
        o.body_schema = None
        o.count_header = False
        o.binary = False
        for code, r in op["responses"].items():
            r = spec.resolve_component("responses", r)
            content = r.get("content", {})
            if any(c == "application/octet-stream" for c in content):
                o.binary = True
            if not code.startswith("2"):
                continue
            o.success_codes.append(code)
            if "Count" in r.get("headers", {}):
                o.count_header = True
            if "application/json" in content and o.body_type is None:
                schema = content["application/json"].get("schema", {})
                cpp, deps = spec.map_type(schema, o.type_base + "ResponseBody", "Op" + o.type_base,
                                          o.id + ".response")
                o.body_type = cpp
                o.body_schema = schema
                o.body_codes = []
                o.deps |= deps
            if "application/json" in content:
                o.body_codes.append(code)
        ops.append(o)
    return ops


def g_filter_only(o, gens, per_gen):
    """True when the `query` parameter exists only as the JSON filter (the generations without a body)."""
    return all(g in o.filter_query for g in gens)
