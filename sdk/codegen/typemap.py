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
| integer listed in SMALL_INTEGERS (Schema.property)  | qint64                            |
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

# Integers that are counts, versions, page sizes: they never come near 2^63, so they are held as
# qint64. Every other integer (amounts, balances, volumes, ids, anything with format bigint or no
# format) is a BigInt. Keyed by the member's place in the document, "Schema.property" (an inline
# object continues the path: "AccountsCursor.cursor.pageSize"; "[]" is an array's item), never by a
# bare property name: the same name can be an amount in another schema.
SMALL_INTEGERS = {
    "AccountsCursor.cursor.pageSize",
    "AccountsCursorResponse.cursor.pageSize",
    "AtlarConfig.pageSize",
    "Attempt.retryAttempt",
    "Attempt.statusCode",
    "BalancesCursor.cursor.pageSize",
    "BalancesCursorResponse.cursor.pageSize",
    "BankAccountsCursor.cursor.pageSize",
    "CursorBase.pageSize",
    "DummyPayConfig.numberOfAccountsPreGenerated",
    "DummyPayConfig.numberOfPaymentsPreGenerated",
    "GetHoldsResponse.cursor.pageSize",
    "GetTransactionsResponse.cursor.pageSize",
    "ListBalancesResponse.cursor.pageSize",
    "ListWalletsResponse.cursor.pageSize",
    "LogsCursorResponse.cursor.pageSize",
    "MigrationInfo.version|1", # an integer in v2.1.1, a string in v3.0.1 (merge.DECISIONS)
    "orchestrationCursor.pageSize",
    "orchestrationListWalletsResponse.cursor.pageSize",
    "PaymentsCursor.cursor.pageSize",
    "PoliciesCursorResponse.cursor.pageSize",
    "PoolsCursor.cursor.pageSize",
    "Query.pageSize",
    "ReconciliationsCursorResponse.cursor.pageSize",
    "Response.cursor.pageSize",
    "StripeConfig.pageSize",
    "TaskWise.descriptor.profileID",
    "TasksCursor.cursor.pageSize",
    "TransactionsCursorResponse.cursor.pageSize",
    "TransferInitiationsCursor.cursor.pageSize",
    "V2AccountsCursorResponse.cursor.pageSize",
    "V2Cursor.pageSize",
    "V2LedgerListResponse.cursor.pageSize",
    "V2ListRunsResponse.cursor.pageSize",
    "V2ListTriggersOccurrencesResponse.cursor.pageSize",
    "V2ListTriggersResponse.cursor.pageSize",
    "V2ListWalletsResponse.cursor.pageSize",
    "V2ListWorkflowsResponse.cursor.pageSize",
    "V2LogsCursorResponse.cursor.pageSize",
    "V2MigrationInfo.version|1",
    "V2TransactionsCursorResponse.cursor.pageSize",
    "V2VolumesWithBalanceCursorResponse.cursor.pageSize",
    "V2WorkflowInstanceHistoryStage.attempt",
    "walletsCursor.pageSize",
    "WorkflowInstanceHistoryStage.attempt",
    # payments v3 (v3.0.1 only): page sizes of its cursors and connector configs
    "V3AccountsCursorResponse.cursor.pageSize",
    "V3BalancesCursorResponse.cursor.pageSize",
    "V3BankAccountsCursorResponse.cursor.pageSize",
    "V3ConnectorScheduleInstancesCursorResponse.cursor.pageSize",
    "V3ConnectorSchedulesCursorResponse.cursor.pageSize",
    "V3ConnectorsCursorResponse.cursor.pageSize",
    "V3PaymentInitiationAdjustmentsCursorResponse.cursor.pageSize",
    "V3PaymentInitiationRelatedPaymentsCursorResponse.cursor.pageSize",
    "V3PaymentInitiationsCursorResponse.cursor.pageSize",
    "V3PaymentsCursorResponse.cursor.pageSize",
    "V3PoolsCursorResponse.cursor.pageSize",
    "V3AdyenConfig.pageSize",
    "V3AtlarConfig.pageSize",
    "V3BankingcircleConfig.pageSize",
    "V3CurrencycloudConfig.pageSize",
    "V3DummypayConfig.pageSize",
    "V3GenericConfig.pageSize",
    "V3MangopayConfig.pageSize",
    "V3ModulrConfig.pageSize",
    "V3MoneycorpConfig.pageSize",
    "V3StripeConfig.pageSize",
    "V3WiseConfig.pageSize",
}

USED_SMALL_INTEGERS = set()  # what a run used: generate.py refuses entries that match nothing

# Parameters are not schemas: these query parameters are small integers in every operation.
SMALL_INTEGER_PARAMETERS = {"pageSize", "number"}

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


def scalar_type(schema, path, parameter=None):
    """C++ type of a scalar schema, or None if the schema is not a scalar. `path` is the schema's place
    in the document (see SMALL_INTEGERS); `parameter` the name of a parameter's schema."""
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
        if path in SMALL_INTEGERS or (parameter is not None and parameter in SMALL_INTEGER_PARAMETERS):
            USED_SMALL_INTEGERS.add(path)
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
