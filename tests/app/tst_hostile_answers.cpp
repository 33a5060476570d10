// The app under hostile answers. A gate (tests/faults' FaultProxy, on a thread of its own) stands
// between the Session's client and the sandbox and answers one route itself: 50 MB of HTML with
// status 200, a gzip bomb, 200,000 nested arrays, broken or wrongly typed JSON, a 30 MB answer
// that is valid, a trickle. Meanwhile a 1 ms timer on the GUI thread records its longest stall.
// Each case ends in a clear error (or the right data), the GUI thread never stalls 100 ms, Retry
// once the gate has calmed down loads the real data, and a form keeps its unsaved input.
//
// `build/dev/tests/app/tst_hostile_answers -v1 | grep FIGURES` prints each case's stall.
#include "AppFixture.h"
#include "FaultProxy.h"
#include "HostileAnswers.h"
#include "ledger/LedgersModel.h"
#include "ledger/NewTransactionController.h"
#include "ledger/TransactionsModel.h"
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMutex>
#include <QThread>
#include <QTimer>

using namespace AppTest;
using namespace Formance;
using FaultTest::FaultProxy;

namespace {

constexpr qint64 kStallLimitMs = 100;

// The longest time the GUI thread's event loop went without running a 1 ms timer.
class StallMeter {
public:
    StallMeter() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout,
                         [this] { m_worst = std::max(m_worst, m_clock.restart()); });
        m_clock.start();
        m_timer.start();
    }
    qint64 worst() const { return std::max(m_worst, m_clock.elapsed()); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_worst = 0;
};

// Runs the event loop (never sleeping the thread, unlike QTest::qWaitFor) until done() holds.
bool spinUntil(const std::function<bool()> &done, int timeoutMs) {
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(5);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

} // namespace

class TestHostileAnswers : public QObject {
    Q_OBJECT
    Fixture m_fixture;
    QThread m_gateThread;
    FaultProxy *m_gate = nullptr;
    QString m_ledger;

    QMutex m_mutex; // the armed answer, read on the gate's thread
    QByteArray m_armedPath;
    QByteArray m_armedMethod;
    FaultProxy::CannedAnswer m_armed;

    void arm(const QByteArray &method, const QByteArray &path, FaultProxy::CannedAnswer answer) {
        QMutexLocker lock(&m_mutex);
        m_armedMethod = method;
        m_armedPath = path;
        m_armed = std::move(answer);
    }
    void disarm() { arm({}, {}, {}); }

    QByteArray transactionsPath() const {
        return QStringLiteral("/api/ledger/v2/%1/transactions").arg(m_ledger).toUtf8();
    }

    // The session's client goes through the gate; short limits, so a trickle ends in seconds.
    void adoptGatedClient() {
        quint16 port = 0;
        QMetaObject::invokeMethod(
            m_gate, [&] { port = m_gate->listen(); }, Qt::BlockingQueuedConnection);
        QVERIFY(port);
        SdkConfig config = m_fixture.config();
        config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        config.timeoutMs = 3000;
        config.idleTimeoutMs = 1500;
        m_fixture.session()->adopt(std::make_unique<Client>(config), QStringLiteral("gated"),
                                   QStringLiteral("staging"), false);
    }

    // Loads the ledgers list while `answer` is armed for it: an error within the limits, the GUI
    // thread never stalled; then Retry, with the gate calm, lists the real ledgers.
    void ledgersListSurvives(const QString &what, FaultProxy::CannedAnswer answer,
                             const QString &expectedError = {}) {
        arm("GET", "/api/ledger/v2", std::move(answer));
        LedgersModel ledgers;
        StallMeter stall;
        ledgers.setSession(m_fixture.session());
        QVERIFY2(spinUntil([&] { return !ledgers.loading() && !ledgers.error().isEmpty(); }, 20000),
                 qPrintable(what + QStringLiteral(": no error shown")));
        const qint64 worst = stall.worst();
        qInfo().noquote() << QStringLiteral("FIGURES %1: GUI thread's longest stall %2 ms; error: %3")
                                 .arg(what)
                                 .arg(worst)
                                 .arg(ledgers.error().left(160));
        QVERIFY2(worst < kStallLimitMs, qPrintable(QStringLiteral("%1: stalled %2 ms").arg(what).arg(worst)));
        QVERIFY2(!ledgers.error().contains(QLatin1String("xxxxxxxx")), qPrintable(ledgers.error().left(300)));
        QVERIFY2(ledgers.error().size() < 600,
                 qPrintable(ledgers.error().left(300))); // a message, not a dump
        if (!expectedError.isEmpty())
            QVERIFY2(ledgers.error().contains(expectedError, Qt::CaseInsensitive),
                     qPrintable(ledgers.error()));
        QCOMPARE(ledgers.rowCount(), 0);

        disarm();
        ledgers.reload(); // the banner's Retry
        QVERIFY(spinUntil([&] { return !ledgers.loading() && ledgers.rowCount() > 0; }, 10000));
        QVERIFY2(ledgers.error().isEmpty(), qPrintable(ledgers.error()));
        QVERIFY(ledgers.find(QStringLiteral("name"), m_ledger) >= 0);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(false, &error), qPrintable(error));
        m_ledger = Fixture::unique(QStringLiteral("hostile"));
        QVERIFY(m_fixture.client().ledger().v2().createLedger({m_ledger, std::nullopt}).result().ok());

        m_gate = new FaultProxy(m_fixture.port(), 1);
        m_gate->setFaultRate(0);
        m_gate->setInterceptor(
            [this](const FaultTest::ProxiedRequest &r) -> std::optional<FaultProxy::CannedAnswer> {
                QMutexLocker lock(&m_mutex);
                if (m_armedPath.isEmpty() || r.method != m_armedMethod || r.path() != m_armedPath)
                    return std::nullopt;
                return m_armed;
            });
        m_gate->moveToThread(&m_gateThread);
        m_gateThread.start();
        adoptGatedClient();
    }
    void cleanupTestCase() {
        if (m_gate)
            QMetaObject::invokeMethod(
                m_gate, [this] { delete m_gate; }, Qt::BlockingQueuedConnection);
        m_gateThread.quit();
        m_gateThread.wait();
        m_fixture.stop();
    }
    void cleanup() { disarm(); }

    void htmlPageOf50MegabytesWithStatus200() {
        constexpr qint64 kSize = 50 * 1024 * 1024;
        ledgersListSurvives(QStringLiteral("50 MB HTML page, status 200"),
                            {Hostile::head(200, "text/html", kSize) + QByteArray(kSize, 'x')},
                            QStringLiteral("html"));
    }
    void gzipBomb() {
        const QByteArray bomb = Hostile::gzipOfZeros(qint64(1) << 30);
        ledgersListSurvives(
            QStringLiteral("gzip bomb (1 GiB)"),
            {Hostile::head(200, "application/json", bomb.size(), "Content-Encoding: gzip\r\n") + bomb});
    }
    void twoHundredThousandNestedArrays() {
        const QByteArray body = QByteArray(200000, '[') + QByteArray(200000, ']');
        ledgersListSurvives(QStringLiteral("200,000 nested arrays"),
                            {Hostile::head(200, "application/json", body.size()) + body});
    }
    // 20 MB of well-formed ledgers, then the answer breaks off: the parse fails at its very end.
    void invalidJsonAfterTwentyMegabytes() {
        const QByteArray body = Hostile::ledgerList(20 * 1024 * 1024, false);
        ledgersListSurvives(QStringLiteral("invalid JSON after 20 MB"),
                            {Hostile::head(200, "application/json", body.size()) + body});
    }
    void wrongTypes() {
        const QByteArray body = R"({"cursor":{"pageSize":15,"hasMore":false,"data":[{"name":42}]}})";
        ledgersListSurvives(QStringLiteral("wrong types"),
                            {Hostile::head(200, "application/json", body.size()) + body},
                            QStringLiteral("name"));
    }
    void trickleEndsAtTheIdleLimit() {
        ledgersListSurvives(
            QStringLiteral("trickle, a byte every 2 s"),
            {Hostile::head(200, "application/json", 1000000) + "{" + QByteArray(100, ' '), 1, 2000});
    }

    // A valid answer of 30 MB is decoded off the GUI thread (Call::map) and shown.
    void validAnswerOfThirtyMegabytes() {
        const QByteArray body = Hostile::ledgerList(30 * 1024 * 1024, true);
        arm("GET", "/api/ledger/v2", {Hostile::head(200, "application/json", body.size()) + body});
        LedgersModel ledgers;
        ledgers.setPageSize(100);
        StallMeter stall;
        ledgers.setSession(m_fixture.session());
        QVERIFY(spinUntil([&] { return !ledgers.loading() && ledgers.rowCount() > 0; }, 20000));
        const qint64 worst = stall.worst();
        qInfo().noquote() << QStringLiteral(
                                 "FIGURES valid 30 MB answer: GUI thread's longest stall %1 ms, %2 rows")
                                 .arg(worst)
                                 .arg(ledgers.rowCount());
        QVERIFY2(ledgers.error().isEmpty(), qPrintable(ledgers.error()));
        QCOMPARE(ledgers.nameAt(0), QStringLiteral("huge-0"));
        QVERIFY2(worst < kStallLimitMs, qPrintable(QStringLiteral("stalled %1 ms").arg(worst)));
    }

    // A 400-digit amount reaches the list exactly.
    void fourHundredDigitAmountIsShownExactly() {
        QByteArray digits;
        for (int i = 0; i < 400; ++i)
            digits += char('1' + i % 9);
        const QByteArray body =
            R"({"cursor":{"pageSize":15,"hasMore":false,"data":[{"id":1,"timestamp":"2024-01-01T00:00:00Z",)"
            R"("metadata":{},"reverted":false,"postings":[{"source":"world","destination":"a",)"
            R"("asset":"USD/2","amount":)" +
            digits + "}]}]}}";
        arm("GET", transactionsPath(), {Hostile::head(200, "application/json", body.size()) + body});
        TransactionsModel transactions;
        transactions.setSession(m_fixture.session());
        transactions.setLedger(m_ledger);
        QVERIFY(spinUntil([&] { return !transactions.loading() && transactions.rowCount() > 0; }, 10000));
        QVERIFY2(transactions.error().isEmpty(), qPrintable(transactions.error()));
        QString amount = transactions.value(0, QStringLiteral("amountText")).toString();
        QVERIFY2(amount.remove(u',')
                     .remove(u'.')
                     .remove(QLatin1String("USD"))
                     .trimmed()
                     .startsWith(QString::fromLatin1(digits.left(398))),
                 qPrintable(amount));
    }

    // A commit answered by a gateway's HTML page: the error is shown, the form keeps every field,
    // and Commit again (the same idempotency key) posts it once.
    void formKeepsItsInputAndPostsOnce() {
        const QByteArray page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        arm("POST", transactionsPath(),
            {"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: " +
             QByteArray::number(page.size()) + "\r\n\r\n" + page});
        NewTransactionController form;
        form.setSession(m_fixture.session());
        form.setProperty("ledger", m_ledger);
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users:hostile"));
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("184467440737095516.17")); // USD/2
        form.setReference(QStringLiteral("hostile-1"));
        const QVariantList before = form.postings();
        const QString key = form.idempotencyKey();
        StallMeter stall;
        form.commit();
        QVERIFY(spinUntil([&] { return !form.busy() && !form.error().isEmpty(); }, 20000));
        QVERIFY(stall.worst() < kStallLimitMs);
        QVERIFY2(!form.error().contains(QLatin1String("<html")), qPrintable(form.error()));
        QVERIFY2(form.error().contains(QLatin1String("502 Bad Gateway")), qPrintable(form.error()));
        QCOMPARE(form.postings(), before);
        QCOMPARE(form.reference(), QStringLiteral("hostile-1"));
        QVERIFY(form.committedId().isEmpty());

        disarm();
        QCOMPARE(form.idempotencyKey(), key);
        form.commit();
        QVERIFY(spinUntil([&] { return !form.busy() && !form.committedId().isEmpty(); }, 10000));
        Ledger::V2::V2ListTransactionsRequest list;
        list.ledger = m_ledger;
        const auto listed = m_fixture.client().ledger().v2().listTransactions(list).result();
        QVERIFY(listed.ok());
        QCOMPARE(listed->body.cursor.data.size(), 1);
        QCOMPARE(listed->body.cursor.data.first().postings.first().amount.toString(),
                 QStringLiteral("18446744073709551617"));
    }
};

QTEST_MAIN(TestHostileAnswers)
#include "tst_hostile_answers.moc"
