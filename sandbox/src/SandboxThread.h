// Runs a Server in its own thread so the GUI thread never waits on SQLite or a request:
//   SandboxThread sandbox; auto port = sandbox.start(options, &error);  ...  sandbox.stop();
// start() blocks until the server listens (under a second with the cached demo seed).
#pragma once

#include "Options.h"

#include <QObject>
#include <QThread>

#include <optional>

namespace Formance::Sandbox {

class Server;

class SandboxThread : public QObject {
    Q_OBJECT
public:
    explicit SandboxThread(QObject *parent = nullptr);
    ~SandboxThread() override;

    std::optional<quint16> start(const Options &options, QString *error = nullptr);
    // Returns at once; started() or failed() follows. For the GUI thread: the very first demo
    // start generates the seed cache, which takes seconds.
    void startAsync(const Options &options);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    quint16 port() const { return m_port; }
    // Runs f(Server&) in the server's thread and waits (tests: token clock, store access).
    void runInServerThread(const std::function<void(Server &)> &f);

signals:
    void started(quint16 port);
    void failed(const QString &error);

private:
    QThread m_thread;
    Server *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace Formance::Sandbox
