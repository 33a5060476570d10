// The embedded stack: auth + ledger v1/v2 on one loopback port. Lives in (and serves from)
// the thread that starts it; see SandboxThread to run it off the GUI thread.
#pragma once

#include "Options.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Formance::Sandbox {

class LedgerStore;
class TokenIssuer;

class Server : public QObject {
    Q_OBJECT
public:
    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    // Opens the store, seeds it if asked, listens. Returns the port, or nullopt and *error.
    std::optional<quint16> start(const Options &options, QString *error = nullptr);
    void stop();
    quint16 port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    // For tests: shift the token clock, inspect storage.
    TokenIssuer *tokens() const;
    LedgerStore *store() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    Options m_options; // kept: services read it through their context
    quint16 m_port = 0;
};

} // namespace Formance::Sandbox
