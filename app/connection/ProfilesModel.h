// Saved stack profiles, for the connection screen. Saving writes the profile to QSettings and
// its client secret to the keychain, nowhere else.
#pragma once

#include "core/Profile.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class ProfileStore;
class SecretStore;

class ProfilesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, ServerRole, StageRole, ReadOnlyRole, ClientIdRole };
    explicit ProfilesModel(QObject *parent = nullptr);
    ProfilesModel(ProfileStore *store, SecretStore *secrets, QObject *parent = nullptr); // for tests
    ~ProfilesModel() override;

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(m_profiles.size());
    }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_profiles.size()); }
    QString notice() const { return m_notice; }

    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE QString idAt(int row) const { return get(row).value(QStringLiteral("id")).toString(); }
    // Returns an error for the form, or empty when saved. The secret goes to the keychain
    // asynchronously; `notice` says if it could only be kept for this session.
    Q_INVOKABLE QString save(const QVariantMap &profile, const QString &clientSecret);
    Q_INVOKABLE void remove(const QString &id);

    static Profile fromMap(const QVariantMap &map);

signals:
    void countChanged();
    void noticeChanged();
    void secretSaved(const QString &profileId, bool sessionOnly);

private:
    void reload();
    void setNotice(const QString &notice);

    std::unique_ptr<ProfileStore> m_ownedStore;
    ProfileStore *m_store;
    SecretStore *m_secrets;
    QList<Profile> m_profiles;
    QString m_notice;
};
