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

DemoStack::DemoStack()
    : d(std::make_unique<Impl>()) {}

DemoStack::~DemoStack() {
    d->sandbox.stop();
}

bool DemoStack::start(QString *error) {
    Formance::Sandbox::Options options;
    options.seed = QStringLiteral("demo");
    options.clientId = d->clientId;
    options.clientSecret = d->clientSecret;
    return d->sandbox.start(options, error).has_value();
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
