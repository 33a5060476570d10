"""The type map: how each OpenAPI schema shape is held in C++.

Read top to bottom; the first row that matches wins. `T` is the C++ type of the schema itself;
the field wrapper (by value or std::optional) is decided by `field_holder` below.

| schema                                              | C++ type                          |
|-----------------------------------------------------|-----------------------------------|
| $ref to a component schema                          | Models::<Name>                    |
| allOf (one part, a $ref)                            | that part's type                  |
| allOf (several parts)                               | a struct with the merged members  |
| oneOf / anyOf                                       | a holder class: std::variant of   |
|                                                     | the alternatives + the exact JSON |
| enum                                                | an enum class that keeps unknown  |
|                                                     | values (text kept, Unrecognized)  |
| string, format date-time                            | Timestamp (nanoseconds)           |
| string, format binary                               | QByteArray                        |
| string (any other format: uuid ...)                 | QString                           |
| integer, format int32                               | int                               |
| integer, format int64 and a small-count name        | qint64  (SMALL_INTEGER_NAMES)     |
| integer, anything else (bigint, int64, no format)   | BigInt  (exact, any size)         |
| number                                              | double                            |
| boolean                                             | bool                              |
| array                                               | QList<items>                      |
| object with properties                              | a struct (unknown members ignored)|
| object, additionalProperties: <schema>              | FlatMap<QString, schema> (sorted) |
| object, additionalProperties: true / {} / absent,   | Json::Any (exact JSON text)       |
| no properties (free-form: ledger v1 metadata ...)   |                                   |
| no type at all                                      | Json::Any                         |

Members: required and not nullable -> held by value; optional or nullable -> std::optional<T>
(a null from the server reads as an empty optional). Required + nullable members are written as
`null` when empty; optional ones are left out.
"""

# Integers that are counts, versions, page sizes: they never come near 2^63. Every other integer
# (amounts, balances, volumes, ids, anything with format bigint or no format) is a BigInt.
SMALL_INTEGER_NAMES = {
    "pageSize",
    "version",
    "profileID",
    "numberOfAccountsPreGenerated",
    "numberOfPaymentsPreGenerated",
    "attempt",
    "retryAttempt",
    "statusCode",
    "number",
}

SCALAR_DEFAULTS = {
    "bool": "false",
    "int": "0",
    "qint64": "0",
    "double": "0",
}

CPP_KEYWORDS = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case",
    "catch", "char", "class", "compl", "concept", "const", "consteval", "constexpr", "constinit",
    "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do",
    "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not",
    "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static", "static_assert",
    "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true", "try",
    "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
    "wchar_t", "while", "xor", "xor_eq",
    # names the generated code itself uses inside models and requests
    "fromJson", "toJson", "signals", "slots", "emit", "foreach", "forever",
}


def scalar_type(schema, prop_name=None):
    """C++ type of a scalar schema, or None if the schema is not a scalar."""
    t = schema.get("type")
    fmt = schema.get("format")
    if t == "string":
        if fmt == "date-time":
            return "Timestamp"
        if fmt == "binary":
            return "QByteArray"
        return "QString"
    if t == "integer":
        if fmt == "int32":
            return "int"
        if prop_name in SMALL_INTEGER_NAMES:
            return "qint64"
        return "BigInt"
    if t == "number":
        return "double"
    if t == "boolean":
        return "bool"
    return None


def field_holder(cpp_type, required, nullable):
    """How a member is held: by value when required and not nullable, else std::optional."""
    if required and not nullable:
        return cpp_type
    return "std::optional<%s>" % cpp_type
