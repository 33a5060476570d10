# Tests of the generated SDK (sdk/generated, from sdk/codegen): models, client groups, drift.
# Included from tests/CMakeLists.txt; paths are relative to this file.
qt_add_executable(tst_generated_models ${CMAKE_CURRENT_LIST_DIR}/tst_generated_models.cpp)
target_link_libraries(tst_generated_models PRIVATE Formance::Sdk Qt6::Test)
add_test(NAME tst_generated_models COMMAND tst_generated_models)
