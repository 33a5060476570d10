// Shared by the app tests (as tests/sandbox/SandboxFixture.h is by the sandbox's): an embedded
// sandbox on a free loopback port, a Session adopting a client for it with a chosen stage and
// read-only flag, and the waits every test needs. Tests make their own data through client()
// (a ledger, a transaction, a webhook), so any single test runs alone: `tst_x someTest`.
#pragma once

#include "SandboxThread.h"
#include "core/Controller.h"
#include "core/PagedListModel.h"
#include "core/Session.h"
#include <Formance/Client.h>

#include <QTest>
#include <QUuid>

#include <memory>

namespace AppTest {

using namespace Formance;

class Fixture {
public:
    // Starts the sandbox (the demo seed when `demo`); false with `error` set when it did not.
    bool start(bool demo, QString *error) {
        Sandbox::Options options;
        if (demo)
            options.seed = QStringLiteral("demo");
        options.clientId = QStringLiteral("app-test");
        options.clientSecret = QStringLiteral("app-test-secret");
        // FORMANCE_TEST_API=v2 presents stack v2.1 (the suite registered a second time, as *_v2).
        if (qEnvironmentVariable("FORMANCE_TEST_API") == QLatin1String("v2"))
            options.api = Sandbox::ApiGeneration::V2;
        m_options = options;
        if (!m_sandbox.start(options, error))
            return false;
        m_session = std::make_unique<Session>(nullptr);
        adopt(QStringLiteral("staging"), false);
        return true;
    }
    void stop() {
        m_session.reset();
        m_sandbox.stop();
    }

    SdkConfig config() const {
        SdkConfig config;
        config.server = ServerConfig::fromUrl(url());
        config.credentials = ClientCredentials{m_options.clientId, m_options.clientSecret, {}};
        return config;
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_sandbox.port()); }
    QString clientSecret() const { return m_options.clientSecret; }
    quint16 port() const { return m_sandbox.port(); }
    // The running sandbox, to reach into its store from a test (runInServerThread).
    Sandbox::SandboxThread &sandbox() { return m_sandbox; }

    // The session now works on a fresh client with this stage and read-only flag.
    void adopt(const QString &stage, bool readOnly) {
        m_session->adopt(std::make_unique<Client>(config()), QStringLiteral("test"), stage, readOnly);
    }
    Session *session() const { return m_session.get(); }
    // The generation the sandbox presents (what Session::generation should find once it knows).
    bool presentsV2() const { return m_options.api == Sandbox::ApiGeneration::V2; }
    Client &client() const { return *m_session->client(); }
    // Runs f in the sandbox's thread and waits (a test reading the sandbox's store).
    void inServer(const std::function<void(Sandbox::Server &)> &f) { m_sandbox.runInServerThread(f); }

    // A name no other test uses: tests make their own ledgers, configs …
    static QString unique(const QString &prefix) {
        return prefix + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(10);
    }

private:
    Sandbox::SandboxThread m_sandbox;
    Sandbox::Options m_options;
    std::unique_ptr<Session> m_session;
};

// Loads every page the model offers, as a scrolling view would.
inline bool drain(PagedListModel &model, int timeoutMs = 60000) {
    return QTest::qWaitFor(
        [&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return !model.loading() && !model.canFetchMore({});
        },
        timeoutMs);
}

// Waits until the controller's call (or calls) ended.
inline bool idle(const Controller &controller, int timeoutMs = 30000) {
    return QTest::qWaitFor([&] { return !controller.busy(); }, timeoutMs);
}

} // namespace AppTest
