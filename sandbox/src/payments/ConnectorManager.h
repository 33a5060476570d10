// Installed connectors and what runs them: one QTimer per connector in the server's thread,
// its period from the connector's config. Each round of a DUMMY-PAY connector ingests new
// accounts, payments and balance reports (DemoConnector), reads its directory, and advances
// its transfer initiations; every kind of fetch is a task whose status and error tell how it
// goes. Other providers install but cannot be reached from the sandbox: their tasks fail.
#pragma once

#include "DemoConnector.h"
#include "TransferBook.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace Formance::Sandbox::Payments {

class ConnectorManager : public QObject {
public:
    ConnectorManager(PaymentsStore &store, TransferBook &transfers);
    ~ConnectorManager() override;

    std::optional<ConnectorInfo> connector(const QString &id);
    // The connector a request names: VALIDATION when none is installed with that id.
    Expected<ConnectorInfo> installed(const QString &id);
    QList<ConnectorInfo> connectors(const QString &provider = {});
    bool nameTaken(const QString &name, const QString &exceptId = {});
    // The one connector of a provider (the deprecated routes): NOT_FOUND when none is installed,
    // VALIDATION when several are (the connectorId routes tell them apart).
    Expected<ConnectorInfo> only(const QString &provider);

    // config: normalized. `installedAt` backdates the pre-generated history's end (demo seed);
    // `reference` makes the id deterministic.
    ConnectorInfo install(const QString &provider, const QByteArray &config, const QString &reference = {},
                          const QDateTime &historyEnd = {});
    void uninstall(const QString &id);
    void reset(const QString &id);
    void updateConfig(const QString &id, const QByteArray &config);

    // One polling round now (the timer's slot; tests and the seed call it too).
    void runRound(const QString &id, const QString &at = {});
    // A transfer was validated or retried: the connector picks it up at once, not next round.
    void kick(const QString &connectorId);

    static QString unreachableError(const QString &provider);

private:
    void start(const ConnectorInfo &c);
    void stop(const QString &id);
    void createTasks(const ConnectorInfo &c, const QString &at);
    void setTask(const QString &connectorId, const QString &key, const QString &status,
                 const QByteArray &state, const QString &error, const QString &at);
    void prepare(const ConnectorInfo &c, const QDateTime &historyEnd);
    static QString configString(const QByteArray &config, const char *field);
    static qint64 configInt(const QByteArray &config, const char *field, qint64 fallback);

    PaymentsStore &m_store;
    TransferBook &m_transfers;
    std::map<QString, std::unique_ptr<QTimer>> m_timers;
};

} // namespace Formance::Sandbox::Payments
