# Tests of the generated SDK (sdk/generated, from sdk/codegen): models, client groups, drift.
# Included from tests/CMakeLists.txt; paths are relative to this file.
qt_add_executable(tst_generated_models ${CMAKE_CURRENT_LIST_DIR}/tst_generated_models.cpp)
target_link_libraries(tst_generated_models PRIVATE Formance::Sdk Qt6::Test)
add_test(NAME tst_generated_models COMMAND tst_generated_models)

qt_add_executable(tst_pagination ${CMAKE_CURRENT_LIST_DIR}/tst_pagination.cpp)
target_link_libraries(tst_pagination PRIVATE Formance::Sdk Qt6::Test Qt6::HttpServer)
add_test(NAME tst_pagination COMMAND tst_pagination)

find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)
# The committed generated code must equal a fresh run of the generator (skipped without ../shared).
add_test(NAME sdk_codegen_drift
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/sdk/codegen/check_drift.py
        --spec ${FORMANCE_OPENAPI_DIR}/formance-openapi.json
        --spec ${FORMANCE_OPENAPI_DIR}/formance-openapi-v3.0.1.json)
set_tests_properties(sdk_codegen_drift PROPERTIES SKIP_RETURN_CODE 77)

# Both API generations: which form a divergent operation takes, learned from getVersions.
qt_add_executable(tst_stack_versions ${CMAKE_CURRENT_LIST_DIR}/tst_stack_versions.cpp)
target_link_libraries(tst_stack_versions PRIVATE Formance::Sdk Qt6::Test Qt6::HttpServer)
add_test(NAME tst_stack_versions COMMAND tst_stack_versions)
