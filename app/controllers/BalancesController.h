// Aggregated balances per asset over every account matching an address pattern, optionally
// as they stood at a point in time.
#pragma once

#include "controllers/Session.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class BalancesController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session *session MEMBER m_session NOTIFY changed)
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY resultChanged)
    Q_PROPERTY(QString error READ error NOTIFY resultChanged)
    Q_PROPERTY(QVariantList balances READ balances NOTIFY resultChanged)
public:
    explicit BalancesController(QObject *parent = nullptr);

    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    QVariantList balances() const { return m_balances; }

    // pattern: an address or a pattern ("users:"); pointInTime: empty for now.
    Q_INVOKABLE void load(const QString &pattern, const QString &pointInTime);

signals:
    void changed();
    void resultChanged();

private:
    QPointer<Session> m_session;
    QString m_ledger;
    bool m_loading = false;
    QString m_error;
    QVariantList m_balances;
};
