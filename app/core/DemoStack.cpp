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
    // FORMANCE_DEMO_API=v2 presents a stack v2.1 instead of v3.0 (the screens choose per generation).
    if (qEnvironmentVariable("FORMANCE_DEMO_API") == QLatin1String("v2"))
        options.api = Formance::Sandbox::ApiGeneration::V2;
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
