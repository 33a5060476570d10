// Proof against the spec with an external checker: Prism (@stoplight/prism-cli, pinned in
// package-lock.json) mocks one of the two official OpenAPI documents on a free loopback port, with
// request validation violations as errors. `tst_conformance v2.1` checks formance-openapi.json
// (v2.1.1), `tst_conformance v3.0` formance-openapi-v3.0.1.json, each with a client that speaks that
// generation (SdkConfig::apiGeneration):
//  1. every operation of the document is called through the generated SDK with a fully populated
//     request (every optional parameter of that document set, see generated/ConformanceCalls.cpp):
//     no 422, no `sl-violations`;
//  2. with `Prefer: dynamic=true`, every operation's response decodes into its typed model, for
//     20 different generated responses each.
// Prints `conformance (v2.1.1): N/169 operations` (or `(v3.0.1): N/211`) and fails below the full count.
#include "ConformanceCalls.h"

#include <Formance/Client.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Formance;

namespace {

struct Document {
    ApiGeneration generation;
    const char *version; // as printed
    const char *spec;    // path
    int operations;      // every one must pass
};
const Document kDocuments[] = {
    {ApiGeneration::V2_1, "v2.1.1", FORMANCE_OPENAPI_SPEC, 169},
    {ApiGeneration::V3_0, "v3.0.1", FORMANCE_OPENAPI_SPEC_V3, 211},
};
Document g_document = kDocuments[0];
constexpr int kDynamicRounds = 20;
constexpr int kInFlight = 6;

int freePort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

QString specPath() {
    return QString::fromUtf8(g_document.spec);
}

// Prism's `sl-violations` header, minus the "deprecated" warnings it gives for every deprecated
// parameter that is set (the fully populated requests set them all): those are the spec's notes,
// not violations. Returns the violations left, filtered to `location[0] == where` unless empty.
QStringList violations(const Formance::HeaderList &headers, const QString &where,
                       int *deprecations = nullptr) {
    QStringList out;
    const QByteArray header = headerValue(headers, "sl-violations");
    if (header.isEmpty())
        return out;
    const QJsonArray list = QJsonDocument::fromJson(header).array();
    if (list.isEmpty())
        return {QString::fromUtf8(header)};
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("code")).toString() == QStringLiteral("deprecated") &&
            o.value(QStringLiteral("severity")).toString() == QStringLiteral("Warning")) {
            if (deprecations)
                ++*deprecations;
            continue;
        }
        const QJsonArray location = o.value(QStringLiteral("location")).toArray();
        if (!where.isEmpty() && location.first().toString() != where)
            continue;
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    return out;
}

} // namespace

class TestConformance : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(
            QFile::exists(QString::fromUtf8(PRISM_BIN)),
            "Prism is not installed: run `npm ci` in tests/conformance (the conformance_npm_ci test does)");
        m_cases = conformanceCases(g_document.generation);
        QCOMPARE(m_cases.size(), g_document.operations);

        // The document Prism checks against: the official one with its oneOfs made checkable (see
        // prism_spec.py; nothing else differs).
        QVERIFY(m_tmp.isValid());
        const QString checked = m_tmp.filePath(QStringLiteral("prism-openapi.json"));
        QProcess prepare;
        prepare.setProcessChannelMode(QProcess::ForwardedChannels);
        prepare.start(QString::fromUtf8(PYTHON3_EXECUTABLE),
                      {QString::fromUtf8(PRISM_SPEC_SCRIPT), specPath(), checked});
        QVERIFY(prepare.waitForFinished(60000));
        QCOMPARE(prepare.exitCode(), 0);

        m_port = freePort();
        QVERIFY(m_port > 0);
        m_prism.setProcessChannelMode(QProcess::MergedChannels);
        connect(&m_prism, &QProcess::readyRead, this, [this] { m_prismLog += m_prism.readAll(); });
        m_prism.start(QString::fromUtf8(PRISM_BIN),
                      {QStringLiteral("mock"), QStringLiteral("-p"), QString::number(m_port),
                       QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("--errors"),
                       checked});
        QVERIFY2(m_prism.waitForStarted(10000), qPrintable(m_prism.errorString()));
        const bool listening = QTest::qWaitFor(
            [this] {
                return m_prismLog.contains("Prism is listening") || m_prism.state() == QProcess::NotRunning;
            },
            120000);
        QVERIFY2(listening && m_prism.state() == QProcess::Running, m_prismLog.right(2000).constData());

        SdkConfig config;
        config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        config.timeoutMs = 30000;
        config.apiGeneration = g_document.generation; // the document's forms, without asking /versions
        // Prism wants a bearer token on every route; no credentials, so no token endpoint.
        config.requestHook = [](QNetworkRequest &request) {
            request.setRawHeader("Authorization", "Bearer x");
        };
        m_client = std::make_unique<Client>(config);
    }

    // 1. Fully populated requests: Prism's request validation reports nothing.
    void everyRequestIsValid() {
        QStringList failures;
        int deprecations = 0;
        int exampleProblems = 0;
        run(1, {}, [&](const ConformanceCase &c, const ConformanceOutcome &o) {
            const QStringList bad = violations(o.headers, QStringLiteral("request"), &deprecations);
            if (o.status == 422 || !bad.isEmpty() || o.error.startsWith(QStringLiteral("sample body"))) {
                m_failed.insert(c.operationId);
                failures << QStringLiteral("%1: HTTP %2 %3 %4")
                                .arg(c.operationId)
                                .arg(o.status)
                                .arg(bad.join(u' '), o.error.left(600));
            } else if (!o.ok) {
                // The request was valid; the spec's own static example answer was not (Prism says
                // so with a 500). Part 2 checks the responses.
                ++exampleProblems;
                qInfo().noquote() << "note:" << c.operationId << "the spec's example response is invalid:"
                                  << violations(o.headers, QStringLiteral("response")).join(u' ').left(300);
            }
        });
        for (const QString &f : failures)
            qWarning().noquote() << "request:" << f;
        qInfo().noquote() << "requests:" << m_cases.size() - failures.size() << "valid," << deprecations
                          << "deprecated-parameter warnings," << exampleProblems << "invalid spec examples";
        QVERIFY2(
            failures.isEmpty(),
            qPrintable(QStringLiteral("%1 operations sent a request Prism rejects").arg(failures.size())));
    }

    // 2. Dynamic responses (random, schema-valid, with unknown members) decode into the typed models.
    void everyResponseDecodes() {
        CallOptions options;
        options.headers.append(qMakePair(QByteArray("Prefer"), QByteArray("dynamic=true")));
        QMap<QString, QString> failures;
        run(kDynamicRounds, options, [&](const ConformanceCase &c, const ConformanceOutcome &o) {
            if (!o.ok || !violations(o.headers, {}).isEmpty()) {
                m_failed.insert(c.operationId);
                if (!failures.contains(c.operationId))
                    failures.insert(c.operationId,
                                    QStringLiteral("HTTP %1 %2 %3")
                                        .arg(o.status)
                                        .arg(violations(o.headers, {}).join(u' '), o.error.left(600)));
            }
        });
        for (auto it = failures.cbegin(); it != failures.cend(); ++it)
            qWarning().noquote() << "response:" << it.key() << it.value();
        QVERIFY2(
            failures.isEmpty(),
            qPrintable(
                QStringLiteral("%1 operations had a response that did not decode").arg(failures.size())));
    }

    void cleanupTestCase() {
        m_client.reset();
        if (m_prism.state() != QProcess::NotRunning) {
            m_prism.terminate();
            if (!m_prism.waitForFinished(5000))
                m_prism.kill();
            m_prism.waitForFinished(5000);
        }
        const int conformant = int(m_cases.size()) - int(m_failed.size());
        std::printf("conformance (%s): %d/%d operations\n", g_document.version, conformant,
                    g_document.operations);
        std::fflush(stdout);
    }

private:
    // Sends every case `rounds` times, kInFlight at a time, and hands each outcome to `check`.
    template <class Check> void run(int rounds, const CallOptions &options, Check &&check) {
        const qsizetype total = m_cases.size() * rounds;
        qsizetype next = 0;
        qsizetype done = 0;
        std::function<void()> launch = [&] {
            if (next >= total)
                return;
            const ConformanceCase &c = m_cases[next % m_cases.size()];
            ++next;
            c.call(*m_client, options).then(this, [&, &c = c](const Result<ConformanceOutcome> &r) {
                check(c, r ? r.value() : ConformanceOutcome{false, 0, {}, r.error().toString()});
                ++done;
                launch();
            });
        };
        for (int i = 0; i < kInFlight; ++i)
            launch();
        QVERIFY2(QTest::qWaitFor([&] { return done >= total; }, 600000), "Prism did not answer in time");
    }

    QTemporaryDir m_tmp;
    QList<ConformanceCase> m_cases;
    QSet<QString> m_failed;
    QProcess m_prism;
    QByteArray m_prismLog;
    int m_port = 0;
    std::unique_ptr<Client> m_client;
};

int main(int argc, char **argv) {
    // The first argument picks the document: v2.1 (the default) or v3.0; the rest goes to QTest.
    QList<char *> args(argv, argv + argc);
    if (args.size() > 1 && (qstrcmp(args[1], "v2.1") == 0 || qstrcmp(args[1], "v3.0") == 0)) {
        g_document = kDocuments[qstrcmp(args[1], "v3.0") == 0 ? 1 : 0];
        args.removeAt(1);
    }
    argc = int(args.size());
    argv = args.data();
    if (!QFile::exists(specPath())) {
        std::printf("SKIPPED: the conformance suite needs the OpenAPI document at %s (../shared is absent)\n",
                    qPrintable(QDir::cleanPath(specPath())));
        return 77;
    }
    QCoreApplication app(argc, argv);
    TestConformance test;
    const int rc = QTest::qExec(&test, argc, argv);
    return rc;
}

#include "tst_conformance.moc"
