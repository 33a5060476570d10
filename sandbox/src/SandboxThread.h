// Runs a Server in its own thread so the GUI thread never waits on SQLite or a request:
//   SandboxThread sandbox; auto port = sandbox.start(options, &error);  ...  sandbox.stop();
// start() blocks until the server listens (under a second with the cached demo seed).
// The thread is a joinable std::thread, not a QThread (which Qt detaches): stop() returns only
// once it has fully exited, its thread-local destructors included. OpenSSL (loaded by QtNetwork
// there) frees its per-thread state in such a destructor; a QThread could still be running it
// while the process exits and OpenSSL's atexit cleanup frees the same state (heap corruption).
#pragma once

#include "Options.h"

#include <QObject>

#include <functional>
#include <thread>

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
    void launch();

    std::thread m_thread;
    QObject *m_loop = nullptr; // the thread's event loop, quit by stop()
    Server *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace Formance::Sandbox
