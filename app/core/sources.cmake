# What every feature uses.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/CallGroup.cpp ${dir}/CallGroup.h
    ${dir}/CallHolder.cpp ${dir}/CallHolder.h
    ${dir}/Controller.cpp ${dir}/Controller.h
    ${dir}/DemoStack.cpp ${dir}/DemoStack.h
    ${dir}/ErrorText.cpp ${dir}/ErrorText.h
    ${dir}/ListSupport.cpp ${dir}/ListSupport.h
    ${dir}/MetadataChanges.cpp ${dir}/MetadataChanges.h
    ${dir}/PagedListModel.cpp ${dir}/PagedListModel.h
    ${dir}/Profile.cpp ${dir}/Profile.h
    ${dir}/ProfileStore.cpp ${dir}/ProfileStore.h
    ${dir}/SecretStore.cpp ${dir}/SecretStore.h
    ${dir}/Session.cpp ${dir}/Session.h
)
