#include "SandboxThread.h"

#include "Server.h"

#include <QEventLoop>
#include <QSemaphore>
#include <QThread>

#ifdef Q_OS_LINUX
#include <pthread.h>
#endif

namespace Formance::Sandbox {

SandboxThread::SandboxThread(QObject *parent)
    : QObject(parent) {}

// Starts the thread with an event loop and a Server living in it (not yet listening).
void SandboxThread::launch() {
    QSemaphore ready;
    m_thread = std::thread([this, &ready] {
#ifdef Q_OS_LINUX
        pthread_setname_np(pthread_self(), "formance-sandbo");
#endif
        QThread::currentThread()->setObjectName(QStringLiteral("formance-sandbox"));
        QEventLoop loop;
        m_loop = &loop;
        m_server = new Server;
        ready.release();
        loop.exec();
    });
    ready.acquire();
}

SandboxThread::~SandboxThread() {
    stop();
}

std::optional<quint16> SandboxThread::start(const Options &options, QString *error) {
    stop();
    launch();
    std::optional<quint16> port;
    QString err;
    QMetaObject::invokeMethod(
        m_server, [&] { port = m_server->start(options, &err); }, Qt::BlockingQueuedConnection);
    if (!port) {
        if (error)
            *error = err;
        stop();
        return std::nullopt;
    }
    m_port = *port;
    return port;
}

void SandboxThread::startAsync(const Options &options) {
    stop();
    launch();
    Server *server = m_server;
    QMetaObject::invokeMethod(
        server,
        [this, server, options] {
            QString err;
            const auto port = server->start(options, &err);
            // Back on the owner's thread; dropped if this SandboxThread is gone by then.
            QMetaObject::invokeMethod(
                this,
                [this, server, port, err] {
                    if (m_server != server)
                        return; // stopped or restarted meanwhile
                    if (port) {
                        m_port = *port;
                        emit started(*port);
                    } else {
                        stop();
                        emit failed(err);
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SandboxThread::stop() {
    if (m_server) {
        Server *server = m_server;
        m_server = nullptr;
        // The store's SQLite connection belongs to the server thread: close it there.
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    if (m_thread.joinable()) {
        QMetaObject::invokeMethod(
            m_loop, [loop = m_loop] { static_cast<QEventLoop *>(loop)->quit(); }, Qt::QueuedConnection);
        m_thread.join();
        m_loop = nullptr;
    }
    m_port = 0;
}

void SandboxThread::runInServerThread(const std::function<void(Server &)> &f) {
    if (!m_server)
        return;
    QMetaObject::invokeMethod(
        m_server, [&] { f(*m_server); }, Qt::BlockingQueuedConnection);
}

} // namespace Formance::Sandbox
