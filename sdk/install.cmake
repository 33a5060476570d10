# `cmake --install` (component "sdk"): headers under include/Formance/, the static and shared
# libraries, the CMake package FormanceSdk and a pkg-config file. Tested by tests/sdk/installed/
# (a consumer built against the installed files only) and packaged as libformance-sdk-dev.
include(CMakePackageConfigHelpers)

# The static library is a component of its own ("sdk-static", in a plain `cmake --install`, not in
# the .deb: a Debug build's archive is hundreds of megabytes), with its own export set, which the
# package config includes when it is there.
install(TARGETS formance-sdk-shared EXPORT FormanceSdkTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT sdk
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS formance-sdk EXPORT FormanceSdkStaticTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT sdk-static
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
foreach(root ${CMAKE_CURRENT_SOURCE_DIR}/include/ ${CMAKE_CURRENT_SOURCE_DIR}/generated/
             ${CMAKE_CURRENT_BINARY_DIR}/include/)
    install(DIRECTORY ${root} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT sdk
        FILES_MATCHING PATTERN "*.h")
endforeach()

set(FORMANCE_SDK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/FormanceSdk)
install(EXPORT FormanceSdkTargets NAMESPACE Formance:: DESTINATION ${FORMANCE_SDK_CMAKE_DIR} COMPONENT sdk)
install(EXPORT FormanceSdkStaticTargets NAMESPACE Formance:: DESTINATION ${FORMANCE_SDK_CMAKE_DIR}
        COMPONENT sdk-static)
configure_package_config_file(cmake/FormanceSdkConfig.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/FormanceSdkConfig.cmake INSTALL_DESTINATION ${FORMANCE_SDK_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/FormanceSdkConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/FormanceSdkConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/FormanceSdkConfigVersion.cmake
        DESTINATION ${FORMANCE_SDK_CMAKE_DIR} COMPONENT sdk)

# The prefix relative to the .pc file, so `cmake --install --prefix` anywhere gives a right file.
string(REGEX REPLACE "[^/]+" ".." FORMANCE_PC_UP "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
configure_file(cmake/formance-sdk.pc.in ${CMAKE_CURRENT_BINARY_DIR}/formance-sdk.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/formance-sdk.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT sdk)

# `cmake --install --strip` and cpack strip executables and shared libraries only: the static
# library loses its debug sections here too (a Debug build's archive is ten times its code).
install(CODE "
if(CMAKE_INSTALL_DO_STRIP)
    file(GLOB archives \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/libformance-sdk.a\")
    foreach(archive \${archives})
        execute_process(COMMAND ${CMAKE_STRIP} --strip-debug \${archive})
    endforeach()
endif()" COMPONENT sdk-static)
