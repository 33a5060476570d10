// One account: volumes and balance per asset, and its metadata with a diff before saving.
#pragma once

#include "BigInt.h"
#include "controllers/Session.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class AccountDetailController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session *session MEMBER m_session NOTIFY changed)
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY changed)
    Q_PROPERTY(QString address MEMBER m_address NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QVariantList volumes READ volumes NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap metadata READ metadata NOTIFY stateChanged)
    // Balance after each of the latest transactions (up to 1,000), oldest first, for the chart:
    // {time (ms since epoch), value (a double: plotting only), text (exact)} for `chartAsset`.
    Q_PROPERTY(QVariantList history READ history NOTIFY historyChanged)
    Q_PROPERTY(QString chartAsset READ chartAsset NOTIFY historyChanged)
public:
    explicit AccountDetailController(QObject *parent = nullptr);

    bool busy() const { return m_busy; }
    bool loaded() const { return m_loaded; }
    QString error() const { return m_error; }
    QVariantList volumes() const { return m_volumes; }
    QVariantMap metadata() const { return m_metadata; }
    QVariantList history() const { return m_history; }
    QString chartAsset() const { return m_chartAsset; }

    Q_INVOKABLE void load();
    Q_INVOKABLE QVariantList metadataDiff(const QVariantMap &edited) const;
    Q_INVOKABLE void saveMetadata(const QVariantMap &edited);

signals:
    void changed();
    void stateChanged();
    void historyChanged();

private:
    void finish(const QString &error);
    void loadHistory(const QString &asset, const Formance::BigInt &balanceNow);

    QPointer<Session> m_session;
    QString m_ledger;
    QString m_address;
    bool m_busy = false;
    bool m_loaded = false;
    QString m_error;
    QVariantList m_volumes;
    QVariantMap m_metadata;
    QVariantList m_history;
    QString m_chartAsset;
};
