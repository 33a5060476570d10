// Saves profiles in QSettings. Secrets are not its business: see SecretStore.
#pragma once

#include "Profile.h"

#include <QList>
#include <QSettings>

#include <memory>

class ProfileStore {
public:
    ProfileStore();                                             // the application's settings
    explicit ProfileStore(std::unique_ptr<QSettings> settings); // for tests
    ~ProfileStore();

    QList<Profile> load() const;
    void save(const Profile &profile); // inserts or replaces by id
    void remove(const QString &id);

private:
    std::unique_ptr<QSettings> m_settings;
};
