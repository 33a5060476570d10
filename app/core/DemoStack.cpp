#include "DemoStack.h"

#include "SandboxThread.h"

#include <QUuid>

struct DemoStack::Impl {
    Formance::Sandbox::SandboxThread sandbox;
    QString clientId = QStringLiteral("formance-desk-demo");
    // Made up per run: the demo stack is reachable from this machine's loopback, and a fixed
    // secret would let any local process use it.
    QString clientSecret = QUuid::createUuid().toString(QUuid::WithoutBraces);
};

DemoStack::DemoStack(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>()) {}

DemoStack::~DemoStack() {
    d->sandbox.stop();
}

void DemoStack::start(std::function<void(const QString &error)> done) {
    Formance::Sandbox::Options options;
    options.seed = QStringLiteral("demo");
    options.clientId = d->clientId;
    options.clientSecret = d->clientSecret;
    connect(
        &d->sandbox, &Formance::Sandbox::SandboxThread::started, this, [done](quint16) { done({}); },
        Qt::SingleShotConnection);
    connect(
        &d->sandbox, &Formance::Sandbox::SandboxThread::failed, this,
        [done](const QString &error) { done(error.isEmpty() ? tr("unknown error") : error); },
        Qt::SingleShotConnection);
    d->sandbox.startAsync(options);
}

Formance::SdkConfig DemoStack::sdkConfig() const {
    Formance::SdkConfig config;
    config.server =
        Formance::ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(d->sandbox.port()));
    config.credentials = Formance::ClientCredentials{d->clientId, d->clientSecret, {}};
    return config;
}

quint16 DemoStack::port() const {
    return d->sandbox.port();
}
