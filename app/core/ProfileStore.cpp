#include "ProfileStore.h"

namespace {
const QString kGroup = QStringLiteral("profiles");
}

ProfileStore::ProfileStore()
    : m_settings(std::make_unique<QSettings>()) {}

ProfileStore::ProfileStore(std::unique_ptr<QSettings> settings)
    : m_settings(std::move(settings)) {}

ProfileStore::~ProfileStore() = default;

QList<Profile> ProfileStore::load() const {
    QList<Profile> profiles;
    m_settings->beginGroup(kGroup);
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        Profile p;
        p.id = id;
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.serverUrl = m_settings->value(QStringLiteral("serverUrl")).toString();
        p.organization = m_settings->value(QStringLiteral("organization")).toString();
        p.environment = m_settings->value(QStringLiteral("environment"), p.environment).toString();
        p.clientId = m_settings->value(QStringLiteral("clientId")).toString();
        p.stage = m_settings->value(QStringLiteral("stage"), p.stage).toString();
        p.readOnly = m_settings->value(QStringLiteral("readOnly"), false).toBool();
        p.caCertificatesPem = m_settings->value(QStringLiteral("caCertificates")).toString();
        m_settings->endGroup();
        profiles.append(p);
    }
    m_settings->endGroup();
    std::sort(profiles.begin(), profiles.end(),
              [](const Profile &a, const Profile &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return profiles;
}

void ProfileStore::save(const Profile &p) {
    m_settings->beginGroup(kGroup);
    m_settings->remove(p.id);
    m_settings->beginGroup(p.id);
    m_settings->setValue(QStringLiteral("name"), p.name);
    m_settings->setValue(QStringLiteral("serverUrl"), p.serverUrl);
    m_settings->setValue(QStringLiteral("organization"), p.organization);
    m_settings->setValue(QStringLiteral("environment"), p.environment);
    m_settings->setValue(QStringLiteral("clientId"), p.clientId);
    m_settings->setValue(QStringLiteral("stage"), p.stage);
    m_settings->setValue(QStringLiteral("readOnly"), p.readOnly);
    if (!p.caCertificatesPem.trimmed().isEmpty())
        m_settings->setValue(QStringLiteral("caCertificates"), p.caCertificatesPem);
    m_settings->endGroup();
    m_settings->endGroup();
    m_settings->sync();
}

void ProfileStore::remove(const QString &id) {
    m_settings->beginGroup(kGroup);
    m_settings->remove(id);
    m_settings->endGroup();
    m_settings->sync();
}
