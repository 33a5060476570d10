#include "SandboxThread.h"

#include "Server.h"

namespace Formance::Sandbox {

SandboxThread::SandboxThread(QObject *parent)
    : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("formance-sandbox"));
}

SandboxThread::~SandboxThread() {
    stop();
}

std::optional<quint16> SandboxThread::start(const Options &options, QString *error) {
    stop();
    m_thread.start();
    m_server = new Server;
    m_server->moveToThread(&m_thread);
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
    m_thread.start();
    m_server = new Server;
    m_server->moveToThread(&m_thread);
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
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
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
