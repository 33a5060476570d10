# The SDK generator: `cmake --build build/dev --target regenerate-sdk` rewrites sdk/generated and the
# conformance suite's sample calls from the two OpenAPI documents in FORMANCE_OPENAPI_DIR.
find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)
add_custom_target(regenerate-sdk
    COMMAND Python3::Interpreter ${CMAKE_CURRENT_LIST_DIR}/generate.py
        --spec ${FORMANCE_OPENAPI_DIR}/formance-openapi.json
        --spec ${FORMANCE_OPENAPI_DIR}/formance-openapi-v3.0.1.json
        --out ${PROJECT_SOURCE_DIR}/sdk/generated
        --conformance-out ${PROJECT_SOURCE_DIR}/tests/conformance/generated
        --docs-out ${PROJECT_SOURCE_DIR}/sdk/docs
        --readme ${PROJECT_SOURCE_DIR}/sdk/README.md
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Regenerating sdk/generated from formance-openapi.json and formance-openapi-v3.0.1.json"
    VERBATIM)
