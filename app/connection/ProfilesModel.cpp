#include "ProfilesModel.h"

#include "core/ProfileStore.h"
#include "core/SecretStore.h"

#include <QUuid>

ProfilesModel::ProfilesModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_ownedStore(std::make_unique<ProfileStore>())
    , m_store(m_ownedStore.get())
    , m_secrets(new SecretStore(QStringLiteral("formance-desk"), this)) {
    reload();
}

ProfilesModel::ProfilesModel(ProfileStore *store, SecretStore *secrets, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_secrets(secrets) {
    reload();
}

ProfilesModel::~ProfilesModel() = default;

void ProfilesModel::reload() {
    beginResetModel();
    m_profiles = m_store->load();
    endResetModel();
    emit countChanged();
}

void ProfilesModel::setNotice(const QString &notice) {
    m_notice = notice;
    emit noticeChanged();
}

Profile ProfilesModel::fromMap(const QVariantMap &map) {
    Profile p;
    p.id = map.value(QStringLiteral("id")).toString();
    p.name = map.value(QStringLiteral("name")).toString().trimmed();
    p.serverUrl = map.value(QStringLiteral("serverUrl")).toString().trimmed();
    p.organization = map.value(QStringLiteral("organization")).toString().trimmed();
    p.environment = map.value(QStringLiteral("environment"), p.environment).toString();
    p.clientId = map.value(QStringLiteral("clientId")).toString().trimmed();
    p.stage = map.value(QStringLiteral("stage"), p.stage).toString();
    p.readOnly = map.value(QStringLiteral("readOnly")).toBool();
    p.caCertificatesPem = map.value(QStringLiteral("caCertificatesPem")).toString().trimmed();
    return p;
}

QString ProfilesModel::save(const QVariantMap &map, const QString &clientSecret) {
    Profile p = fromMap(map);
    if (const QString error = p.validate(); !error.isEmpty())
        return error;
    if (p.id.isEmpty())
        p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_store->save(p);
    reload();
    if (!clientSecret.isEmpty()) {
        m_secrets->write(p.id, clientSecret, this, [this, id = p.id](const SecretStore::Outcome &out) {
            setNotice(out.sessionOnly ? out.error
                                      : tr("Saved. The client secret is in the system keychain."));
            emit secretSaved(id, out.sessionOnly);
        });
    }
    return {};
}

void ProfilesModel::remove(const QString &id) {
    m_store->remove(id);
    m_secrets->remove(id, this, [](const SecretStore::Outcome &) {});
    reload();
}

QVariant ProfilesModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Profile &p = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return p.name;
    case IdRole:
        return p.id;
    case ServerRole:
        return p.serverUrl.isEmpty()
                   ? QStringLiteral("%1.%2.formance.cloud").arg(p.organization, p.environment)
                   : p.serverUrl;
    case StageRole:
        return p.stage;
    case ReadOnlyRole:
        return p.readOnly;
    case ClientIdRole:
        return p.clientId;
    }
    return {};
}

QHash<int, QByteArray> ProfilesModel::roleNames() const {
    return {{IdRole, "profileId"}, {NameRole, "name"},         {ServerRole, "server"},
            {StageRole, "stage"},  {ReadOnlyRole, "readOnly"}, {ClientIdRole, "clientId"}};
}

QVariantMap ProfilesModel::get(int row) const {
    if (row < 0 || row >= m_profiles.size())
        return {};
    const Profile &p = m_profiles.at(row);
    return {{"id", p.id},
            {"name", p.name},
            {"serverUrl", p.serverUrl},
            {"organization", p.organization},
            {"environment", p.environment},
            {"clientId", p.clientId},
            {"stage", p.stage},
            {"readOnly", p.readOnly},
            {"caCertificatesPem", p.caCertificatesPem}};
}
